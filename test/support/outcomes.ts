/**
 * Checked files as the command line's report writers receive them (FileOutcome), shared by the
 * suites of the text, CSV, HTML and JSON reports and of the 整改台账 workbook.
 */
import type { FileOutcome } from "../../src/cli/check-file";
import type { Finding } from "../../src/core";

/** A finding of table4-total in section 四 of the first report, with what `over` changes. */
export const finding = (over: Partial<Finding>): Finding => ({
  rule: "table4-total",
  severity: "error",
  message: "行政复议：… = 63，但总计为 62，相差 1",
  location: { table: "table4", row: "review", column: "total" },
  anchors: [],
  report: 0,
  section: "四",
  ...over,
});

/** A 汇编 of three units: 甲镇 with a prose warning and an error, 乙镇 clean, 丙镇 a warning. */
export const compilation: FileOutcome = {
  file: "汇编.docx",
  status: "checked",
  format: "2021",
  year: 2024,
  unit: "甲镇人民政府",
  error: null,
  previous: null,
  reports: [
    { unit: "甲镇人民政府", year: 2024, format: "2021" },
    { unit: "乙镇人民政府", year: 2024, format: "2021" },
    { unit: "丙镇人民政府", year: 2024, format: "2021" },
  ],
  findings: [
    finding({
      rule: "text-table-mismatch",
      severity: "warning",
      message: "正文说收到申请 12 件，表三为 11 件",
      location: { paragraph: 7, text: "收到申请 12 件" },
      report: 0,
      section: "一",
    }),
    finding({ report: 0, section: "四" }),
    finding({
      rule: "cell-blank",
      severity: "warning",
      message: "表二有 3 个单元格未填写",
      location: { table: "table2" },
      report: 2,
      section: "二",
    }),
  ],
};

/** A file that could not be read: a damaged package. */
export const unreadable: FileOutcome = {
  file: "坏.docx",
  status: "unreadable",
  format: "unknown",
  year: null,
  unit: null,
  error: { code: "damaged", message: "文件已损坏", detail: "invalid zip" },
  findings: [],
  previous: null,
};
