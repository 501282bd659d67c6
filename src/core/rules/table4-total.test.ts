import { checkReport, findingsOf } from "../../../test/support/check-helpers";

describe("table4-total", () => {
  it("is silent when each group's 总计 is the sum of its four results", () => {
    expect(findingsOf(checkReport(), "table4-total")).toEqual([]);
  });

  it("reports each group whose 总计 differs", () => {
    const table4 = {
      review: [44, 9, 5, 5, 62],
      suitDirect: [1, 0, 0, 0, 1],
      suitAfterReview: [0, 1, 0, 0, 0],
    };
    const findings = findingsOf(checkReport({ table4 }), "table4-total");
    expect(findings.map((f) => f.location)).toEqual([
      { table: "table4", row: "review", column: "total" },
      { table: "table4", row: "suitAfterReview", column: "total" },
    ]);
    expect(findings[0]?.message).toBe(
      "行政复议：结果维持 44 + 结果纠正 9 + 其他结果 5 + 尚未审结 5 = 63，但总计为 62，相差 1",
    );
    expect(findings[1]).toMatchObject({ expected: 1, actual: 0 });
  });
});
