import { baselineReportSchema, compareFindings, matchKey } from "./baseline";

const sum = (actual: number) => ({
  rule: "table4-total",
  location: { table: "table4", row: "review", column: "total" },
  expected: 63,
  actual,
  message: `总计为 ${actual}`,
});

describe("matchKey", () => {
  it("ignores the message and a paragraph's index, not the figures", () => {
    expect(matchKey({ ...sum(62), message: "另一种说法" } as never)).toBe(matchKey(sum(62)));
    expect(matchKey(sum(61))).not.toBe(matchKey(sum(62)));
    const period = (paragraph: number) => ({
      rule: "period-invalid",
      location: { paragraph, text: "统计期限自20211月1日" },
    });
    expect(matchKey(period(3))).toBe(matchKey(period(7)));
    expect(
      matchKey({
        rule: "cell-blank",
        location: { table: "table3" },
        cells: [{ row: "a", column: "b" }],
      }),
    ).not.toBe(
      matchKey({
        rule: "cell-blank",
        location: { table: "table3" },
        cells: [{ row: "a", column: "c" }],
      }),
    );
  });
});

describe("compareFindings", () => {
  it("marks open and new and lists what is gone, pairing equal findings one to one", () => {
    const blank = { rule: "cell-blank", location: { table: "table3" } };
    const result = compareFindings([sum(62), blank, blank], [blank, sum(60), sum(62)]);
    expect(result.statuses).toEqual(["open", "open", "new"]);
    expect(result.fixed).toEqual([sum(60)]);
  });
});

describe("baselineReportSchema", () => {
  it("reads a report with fields and rules it does not know", () => {
    const report = {
      files: [
        {
          file: "a.docx",
          unit: "某镇",
          status: "checked",
          somethingNew: 1,
          findings: [{ rule: "retired-rule", severity: "info", message: "x", location: {} }],
        },
      ],
    };
    expect(baselineReportSchema.safeParse(report).success).toBe(true);
  });

  it("refuses what is not one", () => {
    for (const data of [null, [], { files: {} }, { files: [{ file: "a" }] }, { report: [] }])
      expect(baselineReportSchema.safeParse(data).success).toBe(false);
  });
});
