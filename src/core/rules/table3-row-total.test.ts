import { BALANCED_TABLE3 } from "../../../test/support/docx-builder";
import { checkReport, findingsOf } from "../../../test/support/check-helpers";

describe("table3-row-total", () => {
  it("is silent when every row's 总计 is the sum of its six applicant columns", () => {
    expect(findingsOf(checkReport(), "table3-row-total")).toEqual([]);
  });

  it("reports a row whose 总计 differs, with the equation and the difference", () => {
    const result = checkReport({
      table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] },
    });
    const findings = findingsOf(result, "table3-row-total");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "error",
      location: { table: "table3", row: "granted", column: "total" },
      expected: 11,
      actual: 12,
    });
    expect(findings[0]?.message).toBe(
      "（一）予以公开：自然人 10 + 商业企业 1 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 11，但总计为 12，相差 1",
    );
  });

  it("checks rows under the （三）…（六） groups too", () => {
    const result = checkReport({
      table3: { ...BALANCED_TABLE3, "denied.4": [1, 0, 0, 0, 0, 0, 0] },
    });
    expect(findingsOf(result, "table3-row-total").map((f) => f.location)).toContainEqual({
      table: "table3",
      row: "denied.4",
      column: "total",
    });
  });

  it("marks the 总计 cell first, then the parts", () => {
    const result = checkReport({
      table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] },
    });
    const anchors = findingsOf(result, "table3-row-total")[0]?.anchors ?? [];
    expect(anchors).toHaveLength(7);
    expect(anchors[0]).toMatchObject({ kind: "cell", cellIndex: 8 });
  });
});
