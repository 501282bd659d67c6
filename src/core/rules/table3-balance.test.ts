import { BALANCED_TABLE3 } from "../../../test/support/docx-builder";
import { checkReport, findingsOf } from "../../../test/support/check-helpers";

describe("table3-balance", () => {
  it("is silent when 一 + 二 = （七） + 四 in every column", () => {
    expect(findingsOf(checkReport(), "table3-balance")).toEqual([]);
  });

  it("reports the column that does not balance, stating both sides", () => {
    const table3 = { ...BALANCED_TABLE3, carryForward: [5, 1, 0, 0, 0, 0, 6] };
    const findings = findingsOf(checkReport({ table3 }), "table3-balance");
    expect(findings.map((f) => f.location)).toEqual([
      { table: "table3", row: "total", column: "natural" },
      { table: "table3", row: "total", column: "total" },
    ]);
    expect(findings[0]).toMatchObject({ severity: "error", expected: 20, actual: 21 });
    expect(findings[0]?.message).toBe(
      "自然人：本年新收 18 + 上年结转 2 = 20，但（七）总计 16 + 结转下年度 5 = 21，相差 1",
    );
  });
});
