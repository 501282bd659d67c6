/**
 * How the pane lists findings: by report when a document holds several (a 汇编), then by
 * section, with each report's counts; the section check() sets, or the one derived from the
 * report's own model where it sets none; and what 插入模板 offers in a document that already
 * holds a report.
 */
import { check, readDocument } from "../../src/core";
import { countBySeverity, groupFindings, listOrder, summaryLine } from "../../src/taskpane/groups";
import { templateChoice } from "../../src/taskpane/template-choice";
import { docx, documentXml, FAULTY_TABLE4, statutoryReport } from "../support/docx-builder";
import { bodyOf } from "../support/body-of";

const TOWN = statutoryReport({
  unit: "某某镇人民政府",
  table4: FAULTY_TABLE4,
});
const STREET = statutoryReport({
  unit: "某某街道办事处",
  year: 2024,
  table3: {
    new: [18, 2, 0, 0, 0, 0, 20],
    carried: [2, 0, 0, 0, 0, 0, 2],
    granted: [10, 1, 0, 0, 0, 0, 12],
    partial: [2, 0, 0, 0, 0, 0, 2],
    "unavailable.1": [3, 0, 0, 0, 0, 0, 3],
    "notProcessed.2": [1, 0, 0, 0, 0, 0, 1],
    total: [16, 1, 0, 0, 0, 0, 17],
    carryForward: [4, 1, 0, 0, 0, 0, 5],
  },
});

const snapshotOf = (xml: string) => readDocument(docx(xml));
const compilation = () => snapshotOf(documentXml(bodyOf(TOWN) + bodyOf(STREET)));

describe("the pane's finding groups", () => {
  it("groups a 汇编 by report, titled by unit and year with its counts, then by section", () => {
    const result = check(compilation());
    expect(result.reports).toHaveLength(2);
    const groups = groupFindings(result, result.findings);
    expect(groups.map((g) => g.title)).toEqual([
      "某某镇人民政府 · 2023 年度报告",
      "某某街道办事处 · 2024 年度报告",
    ]);
    for (const group of groups) {
      const own = result.reports[group.index]!.findings;
      expect(group.counts).toEqual(countBySeverity(own));
      expect(group.sections.flatMap((s) => s.findings)).toEqual(expect.arrayContaining(own));
    }
    expect(groups[0]!.sections.map((s) => s.title)).toContain(
      "四、政府信息公开行政复议、行政诉讼情况",
    );
    expect(groups[1]!.sections.map((s) => s.title)).toContain("三、收到和处理政府信息公开申请情况");
    // The second report's findings point into its own tables: document-wide positions.
    const street = groups[1]!.sections.flatMap((s) => s.findings);
    const table3 = street.find((f) => f.rule === "table3-row-total");
    expect(table3?.anchors[0]).toMatchObject({ kind: "cell", tableIndex: 4 });
    // Section keys are unique across reports (both have a 三 or a 四 group).
    const keys = groups.flatMap((g) => g.sections.map((s) => s.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(listOrder(groups)).toHaveLength(result.findings.length);
    expect(summaryLine(result, result.findings)).toMatch(
      /^本文档含 2 份报告 · 错误 \d+ · 警告 \d+ · 提示 \d+$/,
    );
  });

  it("groups a single report's findings under the sections check() gave them", () => {
    const today = check(snapshotOf(TOWN));
    const titles = groupFindings(today, today.findings).flatMap((g) =>
      g.sections.map((s) => [s.title, s.findings.length]),
    );
    expect(titles).toContainEqual(["四、政府信息公开行政复议、行政诉讼情况", 1]);
    // One report: one group, and the summary names the unit, year and the format that applies.
    expect(groupFindings(today, today.findings)).toHaveLength(1);
    expect(summaryLine(today, today.findings)).toBe(
      "某某镇人民政府 · 2023 年度报告 · 适用 2021 年新格式 · 错误 1 · 警告 0 · 提示 0",
    );
  });

  it("lists only the findings it is given (the severity filter), with counts of those", () => {
    const result = check(compilation());
    const errors = result.findings.filter((f) => f.severity === "error");
    const groups = groupFindings(result, errors);
    expect(listOrder(groups).every((f) => f.severity === "error")).toBe(true);
    expect(groups.reduce((n, g) => n + g.counts.warning + g.counts.info, 0)).toBe(0);
  });
});

describe("what 插入模板 offers", () => {
  it("inserts the whole template without asking into a document without a report", () => {
    const choice = templateChoice(check(snapshotOf(documentXml(""))));
    expect(choice.existing).toBe(false);
    expect(choice.missing).toEqual([]);
  });

  it("asks in a complete report, offering nothing missing and a whole report without its unit", () => {
    const choice = templateChoice(check(snapshotOf(TOWN)));
    expect(choice.existing).toBe(true);
    expect(choice.missing).toEqual([]);
    expect(choice.whole).toEqual({ format: "2021", year: 2023 });
  });

  it("offers each missing part once, a missing section with its table", () => {
    const xml = statutoryReport({
      unit: "某某镇人民政府",
      omitSections: ["三", "五"],
      omitTables: ["table3", "table4"],
    });
    const choice = templateChoice(check(snapshotOf(xml)));
    expect(choice.existing).toBe(true);
    expect(choice.missing.map((m) => m.part)).toEqual([
      { section: "三" },
      { table: "table4" },
      { section: "五" },
    ]);
    expect(choice.missing.map((m) => m.title)).toEqual([
      "三、收到和处理政府信息公开申请情况",
      "表四（政府信息公开行政复议、行政诉讼情况）",
      "五、存在的主要问题及改进情况",
    ]);
    expect(choice.missing[0]!.options).toEqual({
      format: "2021",
      year: 2023,
      unit: "某某镇人民政府",
    });
  });

  it("in a 汇编, names the report each missing part belongs to", () => {
    const xml = documentXml(
      bodyOf(TOWN) + bodyOf(statutoryReport({ unit: "某某街道办事处", omitSections: ["六"] })),
    );
    const choice = templateChoice(check(snapshotOf(xml)));
    expect(choice.severalReports).toBe(true);
    expect(choice.missing).toEqual([
      expect.objectContaining({ report: 1, unit: "某某街道办事处", part: { section: "六" } }),
    ]);
  });
});
