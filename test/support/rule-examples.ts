/**
 * For each rule, reports that set it off, built as clerks write them: each example message in
 * docs/rules/<id>.md must be one of the rule's findings on these (test/rule-docs.test.ts). A
 * Record over the rule ids, so a new rule asks for its examples.
 */
import { check, type CheckResult } from "../../src/core";
import { FORMATS } from "../../src/core/formats";
import { readDocument } from "../../src/core/ooxml/read-document";
import type { RuleId } from "../../src/core/rules/types";
import { bodyOf } from "./body-of";
import { checkReport } from "./check-helpers";
import {
  BALANCED_TABLE3,
  docx,
  documentXml,
  heading,
  relabel,
  statutoryReport,
  table,
  table3Rows,
  textOf,
  type RowSpec,
  type Values,
} from "./docx-builder";

const checkBody = (body: string) => check(readDocument(docx(documentXml(body))));
const report = () => bodyOf(statutoryReport());

/** Every row of table 三 left blank. */
const blankTable3: Values = Object.fromEntries(
  FORMATS["2021"].table3.rows.map((row) => [row.key, Array<string>(7).fill("")]),
);

export const RULE_EXAMPLES: Record<RuleId, (() => CheckResult)[]> = {
  "section-missing": [() => checkReport({ omitSections: ["五"] })],
  "section-order": [
    () => checkReport({ omitSections: ["五"], headings: { 六: "五、其他需要报告的事项" } }),
  ],
  "section-title": [() => checkReport({ headings: { 五: "五、存在的主要问题及下步打算" } })],
  "table-missing": [() => checkReport({ omitTables: ["table2"] })],
  "table-structure": [
    () => checkReport({ editTable2: relabel("现行有效件数", "现行有效件") }),
    () =>
      checkReport({
        editTable3: (rows: RowSpec[]) =>
          rows.filter((row) => !row.some((c) => textOf(c).startsWith("2.重复申请"))),
      }),
    () =>
      checkReport({
        editTable4: (rows) => relabel("尚未审结", "尚未")(relabel("结果纠正", "结果")(rows)),
      }),
  ],
  "format-outdated": [() => checkReport({ format: "2019", year: 2022 })],
  "period-invalid": [
    () =>
      checkReport({
        year: 2021,
        period: "本报告中所列数据的统计期限自20211月1日起至202112月31日止。",
      }),
  ],
  "year-mismatch": [
    () => checkReport({ period: "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。" }),
  ],
  "cell-invalid": [
    () => checkReport({ table2: { normativeDocs: ["22、16", 0, 3], punishment: ["2.5"] } }),
  ],
  "cell-note": [() => checkReport({ table2: { rules: ["22（其中修订16件）", 0, 5] } })],
  "cell-blank": [
    () =>
      checkReport({
        table3: {
          ...BALANCED_TABLE3,
          new: [16, 0, 0, 0, 0, 0, 16],
          granted: [8, 0, 0, 0, 0, 0, ""],
          total: [14, 0, 0, 0, 0, 0, 14],
          carryForward: [4, 0, 0, 0, 0, 0, 4],
        },
        table2: { rules: ["", "", ""] },
      }),
    () => checkReport({ table3: blankTable3 }),
  ],
  "table3-row-total": [
    () => checkReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } }),
  ],
  "table3-results-total": [
    () => checkReport({ table3: { ...BALANCED_TABLE3, total: [15, 1, 0, 0, 0, 0, 16] } }),
  ],
  "table3-balance": [
    () => checkReport({ table3: { ...BALANCED_TABLE3, carryForward: [5, 1, 0, 0, 0, 0, 6] } }),
  ],
  "table4-total": [() => checkReport({ table4: { review: [44, 9, 5, 5, 62] } })],
  "text-table-mismatch": [() => checkReport({ prose: ["本年度共收到政府信息公开申请21件。"] })],
  "carryover-mismatch": [
    () =>
      checkReport(
        {},
        {
          previous: readDocument(
            statutoryReport({
              year: 2022,
              table3: { ...BALANCED_TABLE3, carryForward: [3, 0, 0, 0, 0, 0, 3] },
            }),
          ),
        },
      ),
  ],
  "inforce-rollforward": [
    () =>
      checkReport(
        { table2: { normativeDocs: [6, 2, 50] } },
        {
          previous: readDocument(
            statutoryReport({ year: 2022, table2: { normativeDocs: [3, 1, 40] } }),
          ),
        },
      ),
  ],
  "content-repeated": [
    () => {
      const body = report();
      const at = body.lastIndexOf("<w:p>", body.indexOf("四、政府信息公开"));
      const again = heading("三、收到和处理政府信息公开申请情况") + table(table3Rows("2021"), 10);
      return checkBody(body.slice(0, at) + again + body.slice(at));
    },
    () => {
      const body = report();
      return checkBody(body + body.slice(body.indexOf("</w:p>") + "</w:p>".length));
    },
    () =>
      checkBody(
        report().replace(/(<w:tbl>(?:(?!<w:tbl>).)*?本年新收(?:(?!<w:tbl>).)*?<\/w:tbl>)/s, "$1$1"),
      ),
  ],
  // TODO(merge): examples for the content rules and text-copied.
  "title-wording": [],
  "basis-outdated": [],
  "report-date": [],
  "summary-length": [],
  "oversight-missing": [],
  "problems-vague": [],
  "fee-statement-missing": [],
  "claim-contradiction": [],
  "text-copied": [],
};
