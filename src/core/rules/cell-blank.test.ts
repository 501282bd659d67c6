import { BALANCED_TABLE3 } from "../../../test/support/docx-builder";
import { checkReport, findingsOf } from "../../../test/support/check-helpers";

describe("cell-blank", () => {
  it("is silent when every statutory cell holds a figure", () => {
    expect(findingsOf(checkReport(), "cell-blank")).toEqual([]);
  });

  it("gives the balancing figure for a blank 总计 instead of arithmetic errors", () => {
    const result = checkReport({
      table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, ""] },
    });
    const findings = findingsOf(result, "cell-blank");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "warning",
      location: { table: "table3", row: "granted", column: "total" },
      expected: 11,
    });
    expect(findings[0]?.message).toBe("表三“（一）予以公开”行“总计”列未填；按勾稽关系应为 11");
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it.each(["—", "/", "无", "－"])("treats %s as blank", (mark) => {
    const result = checkReport({
      table4: {
        review: [1, 1, 0, mark, 2],
        suitDirect: [0, 0, 0, 0, 0],
        suitAfterReview: [0, 0, 0, 0, 0],
      },
    });
    const findings = findingsOf(result, "cell-blank");
    expect(findings.map((f) => f.location)).toEqual([
      { table: "table4", row: "review", column: "pending" },
    ]);
    expect(findings[0]).toMatchObject({ expected: 0 });
  });

  it("still reports the arithmetic error when no value in the blank could balance it", () => {
    // The blank is on the larger side: filling it can only widen the gap.
    const result = checkReport({
      table4: {
        review: [3, 1, "", 0, 2],
        suitDirect: [0, 0, 0, 0, 0],
        suitAfterReview: [0, 0, 0, 0, 0],
      },
    });
    expect(findingsOf(result, "table4-total")).toHaveLength(1);
    expect(findingsOf(result, "cell-blank")[0]).not.toHaveProperty("expected");
  });

  it("asks for 0 in a blank that no relation constrains", () => {
    const result = checkReport({ table2: { rules: [0, "", 3] } });
    const findings = findingsOf(result, "cell-blank");
    expect(findings.map((f) => f.location)).toEqual([
      { table: "table2", row: "rules", column: "repealed" },
    ]);
    expect(findings[0]?.message).toContain("按 0 计算");
  });

  it("gives no single figure when two blanks share a relation", () => {
    const result = checkReport({
      table4: {
        review: [1, "", 0, "", 3],
        suitDirect: [0, 0, 0, 0, 0],
        suitAfterReview: [0, 0, 0, 0, 0],
      },
    });
    const findings = findingsOf(result, "cell-blank");
    expect(findings).toHaveLength(2);
    expect(findings.every((f) => f.expected === undefined)).toBe(true);
    expect(findingsOf(result, "table4-total")).toEqual([]);
  });
});
