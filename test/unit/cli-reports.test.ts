/**
 * The text, CSV and HTML reports: a status for every file and every report (「通过」 when clean),
 * the rule's Chinese name beside its id, the unit of each finding when one document holds
 * several reports (a 汇编), and findings grouped by the section check() gave them, as the pane
 * groups them.
 */
import type { FileOutcome } from "../../src/cli/check-file";
import { formatCsv } from "../../src/cli/format-csv";
import { formatHtml } from "../../src/cli/format-html";
import { formatJson } from "../../src/cli/format-json";
import { formatText, PLAIN } from "../../src/cli/format-text";
import { RULE_NAMES, ruleName } from "../../src/cli/report-strings";
import { RULE_IDS, jsonReportSchema } from "../../src/core";
import { compilation, unreadable } from "../support/outcomes";

const single: FileOutcome = {
  file: "单份.docx",
  status: "checked",
  format: "2021",
  year: 2024,
  unit: "丁县人民政府",
  error: null,
  previous: null,
  findings: [],
};

describe("CSV", () => {
  const rows = formatCsv([compilation, single, unreadable])
    .replace(/^\ufeff/, "")
    .split("\r\n")
    .filter(Boolean)
    .map((row) => row.split(","));

  it("names the unit and the report's status on each finding's row", () => {
    expect(rows[0]).toEqual([
      "文件",
      "单位",
      "年度",
      "状态",
      "严重程度",
      "部分",
      "位置",
      "问题说明",
      "规则名称",
      "规则编号",
    ]);
    expect(rows.slice(1, 5).map((r) => [r[0], r[1], r[3], r[4], r[5], r[8], r[9]])).toEqual([
      [
        "汇编.docx",
        "甲镇人民政府",
        "有错误",
        "警告",
        "一、总体情况",
        "正文数字与表格不符",
        "text-table-mismatch",
      ],
      [
        "汇编.docx",
        "甲镇人民政府",
        "有错误",
        "错误",
        "四、政府信息公开行政复议、行政诉讼情况",
        "表四复议诉讼合计不符",
        "table4-total",
      ],
      ["汇编.docx", "乙镇人民政府", "通过", "", "", "", ""],
      [
        "汇编.docx",
        "丙镇人民政府",
        "有警告",
        "警告",
        "二、主动公开政府信息情况",
        "单元格未填写",
        "cell-blank",
      ],
    ]);
  });

  it("gives a clean file and an unreadable file a row each, with their status", () => {
    expect(rows.find((r) => r[0] === "单份.docx")?.slice(1, 8)).toEqual([
      "丁县人民政府",
      "2024",
      "通过",
      "",
      "",
      "",
      "已检查，未发现问题",
    ]);
    expect(rows.find((r) => r[0] === "坏.docx")?.slice(3)).toEqual([
      "无法读取",
      "",
      "",
      "",
      "无法读取：文件已损坏",
      "",
      "read-error",
    ]);
  });
});

describe("text", () => {
  const text = formatText([compilation, single], PLAIN);

  it("gives each report of a 汇编 its heading and groups its findings by section", () => {
    const lines = text.split("\n");
    const at = (words: string) => lines.findIndex((l) => l.includes(words));
    expect(lines[0]).toBe("汇编.docx  本文件含 3 份年度报告，逐份检查");
    expect(at("第 1 份（共 3 份）：甲镇人民政府 · 2024 年度报告 · 适用 2021 年新格式")).toBe(1);
    // The prose finding sits under 一、总体情况 (its section), as in the pane, not under 标题及全文.
    expect(lines[2]).toBe("    一、总体情况");
    expect(lines[3]).toContain("▲ 警告  正文说收到申请 12 件");
    expect(lines[3]).toContain("正文数字与表格不符");
    expect(text).not.toContain("标题及全文");
    expect(lines[at("第 2 份（共 3 份）：乙镇人民政府") + 1]).toBe("    ✔ 未发现问题");
    expect(at("第 3 份（共 3 份）：丙镇人民政府")).toBeGreaterThan(at("第 2 份"));
  });

  it("keeps one report per file as before, with the format said plainly", () => {
    expect(text).toContain("单份.docx  丁县人民政府 · 2024 年度报告 · 适用 2021 年新格式");
  });
});

describe("HTML", () => {
  const page = formatHtml([compilation, single, unreadable], [], new Date(2025, 0, 2, 9, 5));

  it("has a status column and a heading per unit", () => {
    expect(page).toContain('<td class="status error">有错误</td>');
    expect(page).toContain('<td class="status passed">通过</td>');
    expect(page).toContain('<td class="status error">无法读取</td>');
    expect(page).toContain("甲镇人民政府 等 3 个单位");
    expect(page).toContain(
      '<h3 class="report">第 2 份（共 3 份）：乙镇人民政府 · 2024 年度报告 · 适用 2021 年新格式</h3><p class="passed">✔ 未发现问题</p>',
    );
    expect(page).toContain("<h4>一、总体情况</h4>");
  });

  it("puts the rule's Chinese name beside its id", () => {
    expect(page).toContain('<td class="rule">表四复议诉讼合计不符 <code>table4-total</code></td>');
  });
});

describe("JSON", () => {
  it("lists every report with its own findings", () => {
    const report = jsonReportSchema.parse(JSON.parse(formatJson([compilation])));
    expect(report.files[0]?.reports?.map((r) => [r.unit, r.findings.map((f) => f.rule)])).toEqual([
      ["甲镇人民政府", ["text-table-mismatch", "table4-total"]],
      ["乙镇人民政府", []],
      ["丙镇人民政府", ["cell-blank"]],
    ]);
  });
});

describe("rule names", () => {
  it("every rule has a short Chinese name", () => {
    expect(RULE_IDS.filter((id) => !RULE_NAMES[id])).toEqual([]);
    for (const id of RULE_IDS) expect(ruleName(id)).toMatch(/^[\u4e00-\u9fff]/);
  });
});
