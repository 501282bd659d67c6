import { checkReport, findingsOf } from "../../../test/support/check-helpers";
import { relabel, textOf, type RowSpec } from "../../../test/support/docx-builder";

describe("table-structure", () => {
  it("is silent for the statutory layout", () => {
    expect(findingsOf(checkReport(), "table-structure")).toEqual([]);
  });

  it("reports a missing row as an error and keeps checking the rest", () => {
    const drop = (rows: RowSpec[]) =>
      rows.filter((row) => !row.some((c) => textOf(c).startsWith("2.重复申请")));
    const result = checkReport({ editTable3: drop });
    const findings = findingsOf(result, "table-structure");
    expect(findings).toContainEqual(
      expect.objectContaining({
        severity: "error",
        location: { table: "table3", row: "notProcessed.2", column: null },
      }),
    );
    expect(findingsOf(result, "table3-balance")).toEqual([]);
  });

  it("reports a renamed row label as a warning", () => {
    const findings = findingsOf(
      checkReport({ editTable2: relabel("行政处罚", "行政处罚决定") }),
      "table-structure",
    );
    expect(findings.map((f) => [f.severity, f.location])).toEqual([
      ["warning", { table: "table2", row: "punishment", column: null }],
    ]);
  });

  it("reports an extra 小计 row and keeps it out of the arithmetic", () => {
    const addSubtotal = (rows: RowSpec[]) => {
      const at = rows.findIndex((row) =>
        row.some((c) => textOf(c) === "1.本机关不掌握相关政府信息"),
      );
      return [
        ...rows.slice(0, at),
        [
          { vMerge: "continue" as const },
          { text: "小计", span: 2 },
          "99",
          "0",
          "0",
          "0",
          "0",
          "0",
          "99",
        ],
        ...rows.slice(at),
      ];
    };
    const result = checkReport({ editTable3: addSubtotal });
    const findings = findingsOf(result, "table-structure");
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("小计");
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
