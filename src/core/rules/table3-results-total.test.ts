import { BALANCED_TABLE3 } from "../../../test/support/docx-builder";
import { checkReport, findingsOf } from "../../../test/support/check-helpers";

describe("table3-results-total", () => {
  it("is silent when （七）总计 is the sum of the 21 result rows in every column", () => {
    expect(findingsOf(checkReport(), "table3-results-total")).toEqual([]);
  });

  it("reports a column whose result rows do not add up to （七）总计", () => {
    const table3 = {
      ...BALANCED_TABLE3,
      "other.3": [1, 0, 0, 0, 0, 0, 1],
      carryForward: [3, 1, 0, 0, 0, 0, 4],
    };
    const findings = findingsOf(checkReport({ table3 }), "table3-results-total");
    expect(findings.map((f) => f.location)).toEqual([
      { table: "table3", row: "total", column: "natural" },
      { table: "table3", row: "total", column: "total" },
    ]);
    expect(findings[0]).toMatchObject({ expected: 17, actual: 16 });
    expect(findings[0]?.message).toContain("（六）其他处理 3.其他 1");
    expect(findings[0]?.message).toContain("但（七）总计为 16，相差 1");
  });

  it("uses the single （六） row of the 2019 trial format", () => {
    const table3 = { ...BALANCED_TABLE3, other: [1, 0, 0, 0, 0, 0, 1] };
    const findings = findingsOf(checkReport({ format: "2019", table3 }), "table3-results-total");
    expect(findings.map((f) => f.location.valueOf())).toContainEqual({
      table: "table3",
      row: "total",
      column: "natural",
    });
  });
});
