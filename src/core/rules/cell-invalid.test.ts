import { BALANCED_TABLE3 } from "../../../test/support/docx-builder";
import { checkReport, findingsOf } from "../../../test/support/check-helpers";

describe("cell-invalid", () => {
  it("accepts counts, full-width digits, thousands separators, 件 and a decimal fee in 万元", () => {
    const result = checkReport({ table2: { rules: ["１２", "1,200件", 3], fees: ["0.35"] } });
    expect(findingsOf(result, "cell-invalid")).toEqual([]);
  });

  it.each([
    ["-1", "不能为负数"],
    ["2.5", "件数应为整数"],
    ["若干", "不是一个数字；表格内只填一个阿拉伯数字，无数据的填 0"],
  ])("rejects %s in a count cell (%s)", (text, reason) => {
    const result = checkReport({ table2: { punishment: [text] } });
    const findings = findingsOf(result, "cell-invalid");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "error",
      location: { table: "table2", row: "punishment", column: "decisions" },
    });
    expect(findings[0]?.message).toContain(reason);
  });

  it("keeps an invalid cell out of the arithmetic instead of reporting a false imbalance", () => {
    const result = checkReport({
      table3: { ...BALANCED_TABLE3, granted: [10, "一", 0, 0, 0, 0, 11] },
    });
    expect(findingsOf(result, "cell-invalid")).toHaveLength(1);
    expect(findingsOf(result, "table3-row-total")).toEqual([]);
    expect(findingsOf(result, "table3-results-total").map((f) => f.location)).not.toContainEqual({
      table: "table3",
      row: "total",
      column: "commercial",
    });
  });

  it("allows a negative 本年增/减 in the 2019 trial format", () => {
    const result = checkReport({ format: "2019", table2: { licensing: [10, -3, 7] } });
    expect(findingsOf(result, "cell-invalid")).toEqual([]);
  });
});
