import { BALANCED_TABLE3 } from "../../../test/support/docx-builder";
import { checkReport, findingsOf } from "../../../test/support/check-helpers";

describe("cell-note", () => {
  it("is silent when every cell holds a plain figure", () => {
    expect(findingsOf(checkReport({ table2: { rules: [22, 3, 55] } }), "cell-note")).toEqual([]);
  });

  it("reads a figure with a note as the figure, warns once per cell, and raises no cell-invalid", () => {
    const result = checkReport({
      table2: { rules: ["22（其中修订16件）", "3", "55（含自然失效29件）"] },
    });
    const findings = findingsOf(result, "cell-note");
    expect(findings.map((f) => [f.location, f.actual, f.severity])).toEqual([
      [{ table: "table2", row: "rules", column: "issued" }, 22, "warning"],
      [{ table: "table2", row: "rules", column: "inForce" }, 55, "warning"],
    ]);
    expect(findings[0]?.message).toBe(
      "表二“规章”行“本年制发件数”列填为“22（其中修订16件）”，已按 22 计算；表格内只填数字，括号中的说明“其中修订16件”请写入正文",
    );
    expect(findings[0]?.anchors).toEqual([expect.objectContaining({ kind: "cell" })]);
    expect(findingsOf(result, "cell-invalid")).toEqual([]);
  });

  it("uses the figure before the note in the arithmetic of table 三", () => {
    // （一）予以公开 总计 written as 「11(其中2件已办结)」: the row still balances at 11.
    const balanced = checkReport({
      table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, "11(其中2件已办结)"] },
    });
    expect(balanced.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findingsOf(balanced, "cell-note")).toHaveLength(1);
    // The same note on a figure that does not balance still gives the arithmetic error.
    const wrong = checkReport({
      table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, "12(其中2件已办结)"] },
    });
    expect(findingsOf(wrong, "table3-row-total").map((f) => [f.expected, f.actual])).toEqual([
      [11, 12],
    ]);
  });

  it("leaves two separate figures in one cell as cell-invalid", () => {
    const result = checkReport({
      table4: {
        review: [1, 1, 0, "1 2", 3],
        suitDirect: ["1、0", 0, 0, 0, 1],
        suitAfterReview: [0, 0, 0, 0, 0],
      },
    });
    expect(findingsOf(result, "cell-invalid").map((f) => f.location)).toEqual([
      { table: "table4", row: "review", column: "pending" },
      { table: "table4", row: "suitDirect", column: "upheld" },
    ]);
    expect(findingsOf(result, "cell-note")).toEqual([]);
  });
});
