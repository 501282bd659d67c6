import { BALANCED_TABLE3 } from "../../../test/support/docx-builder";
import { check } from "../check/check";
import { FORMATS } from "../formats";
import { readDocument } from "../ooxml/read-document";
import { templateDocx } from "../template";
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
    expect(findings[0]?.message).toBe(
      "表二“规章”行“本年废止件数”列未填，暂按 0 计算；无数据的请填 0",
    );
  });

  it("gives one finding for two blanks of one relation, with no single figure", () => {
    const result = checkReport({
      table4: {
        review: [1, "", 0, "", 3],
        suitDirect: [0, 0, 0, 0, 0],
        suitAfterReview: [0, 0, 0, 0, 0],
      },
    });
    const findings = findingsOf(result, "cell-blank");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", location: { table: "table4" } });
    expect(findings[0]).not.toHaveProperty("expected");
    expect(findings[0]?.cells).toEqual([
      { row: "review", column: "corrected" },
      { row: "review", column: "pending" },
    ]);
    expect(findings[0]?.message).toBe(
      "表四有 2 个单元格未填，暂按 0 计算：“行政复议”行“结果纠正”列，“行政复议”行“尚未审结”列；无数据的请填 0",
    );
    expect(findingsOf(result, "table4-total")).toEqual([]);
  });

  it("gives a blank whose figure the relations imply its own finding, as in the 苏溪 report", () => {
    // A clerk filled table 三 but left three 总计/其他 cells empty: each has one figure to fill.
    const result = checkReport({
      table3: {
        ...BALANCED_TABLE3,
        carried: [2, 0, 0, 0, 0, 0, ""],
        granted: [10, 1, 0, 0, 0, 0, "—"],
        total: [16, 1, 0, 0, 0, "", 17],
      },
    });
    const findings = findingsOf(result, "cell-blank");
    expect(findings.map((f) => [f.location, f.expected])).toEqual([
      [{ table: "table3", row: "carried", column: "total" }, 2],
      [{ table: "table3", row: "granted", column: "total" }, 11],
      [{ table: "table3", row: "total", column: "otherOrg" }, 0],
    ]);
    expect(findings.every((f) => f.anchors.length === 1 && f.cells?.length === 1)).toBe(true);
    expect(findings[1]?.message).toBe("表三“（一）予以公开”行“总计”列填为“—”；按勾稽关系应为 11");
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("lists the blanks no relation gives a figure for in one finding per table, marking every cell", () => {
    // Table 二 has no relation inside one year's report: its blanks have no figure to suggest.
    const result = checkReport({ table2: { rules: ["", "", ""], normativeDocs: [1, 0, 4] } });
    const findings = findingsOf(result, "cell-blank");
    const listed = findings.filter((f) => (f.cells?.length ?? 0) > 1);
    expect(listed).toHaveLength(1);
    const [finding] = listed;
    expect(finding?.location).toEqual({ table: "table2" });
    expect(finding?.anchors).toHaveLength(3);
    expect(finding?.anchors.every((a) => a.kind === "cell")).toBe(true);
    expect(finding?.cells?.map((c) => [c.row, c.column, c.expected])).toEqual([
      ["rules", "issued", undefined],
      ["rules", "repealed", undefined],
      ["rules", "inForce", undefined],
    ]);
    expect(finding?.message).toMatch(/^表二有 3 个单元格未填，暂按 0 计算：“规章”行/);
  });

  it("names the first three blank cells and keeps every one in cells", () => {
    const result = checkReport({ table2: { rules: ["", "", ""], normativeDocs: ["", "", 4] } });
    const [finding] = findingsOf(result, "cell-blank");
    expect(finding?.cells).toHaveLength(5);
    const many = checkReport({
      table2: { rules: ["", "", ""], normativeDocs: ["", "", ""], licensing: [""] },
    });
    const [manyFinding] = findingsOf(many, "cell-blank");
    expect(manyFinding?.cells).toHaveLength(7);
    expect(manyFinding?.anchors).toHaveLength(7);
    expect(manyFinding?.message).toBe(
      "表二有 7 个单元格未填，暂按 0 计算：“规章”行“本年制发件数”列，“规章”行“本年废止件数”列，“规章”行“现行有效件数”列等；无数据的请填 0",
    );
  });

  it("says a table with no figure at all is not yet filled in: one note, not one per cell", () => {
    const empty = Object.fromEntries(
      FORMATS["2021"].table3.rows.map((r) => [r.key, ["", "", "", "", "", "", ""]]),
    );
    const result = checkReport({ table3: empty });
    const findings = findingsOf(result, "cell-blank");
    expect(findings).toEqual([
      expect.objectContaining({
        severity: "info",
        message: "表三尚未填写（175 个数据单元格均为空）；填报时无数据的请填 0",
        location: { table: "table3" },
      }),
    ]);
    expect(findings[0]?.anchors).toHaveLength(1);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("gives the blank template a handful of findings, not one per cell", () => {
    const result = check(readDocument(templateDocx({ format: "2021", year: 2025 })));
    expect(result.findings.map((f) => [f.rule, f.severity, f.location])).toEqual([
      ["cell-blank", "info", { table: "table2" }],
      ["cell-blank", "info", { table: "table3" }],
      ["cell-blank", "info", { table: "table4" }],
    ]);
  });
});
