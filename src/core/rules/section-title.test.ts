import { checkReport, findingsOf } from "../../../test/support/check-helpers";

describe("section-title", () => {
  it("is silent for statutory titles", () => {
    expect(findingsOf(checkReport(), "section-title")).toEqual([]);
  });

  it("notes a known variant as info and still recognizes the section", () => {
    const result = checkReport({ headings: { 五: "五、存在的主要问题及下步打算" } });
    const findings = findingsOf(result, "section-title");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "info", location: { section: "五" } });
    expect(findings[0]?.message).toBe(
      "标题“五、存在的主要问题及下步打算”与法定标题不一致，建议改为“五、存在的主要问题及改进情况”",
    );
    expect(findingsOf(result, "section-missing")).toEqual([]);
  });

  it("recognizes a title by its key words", () => {
    const result = checkReport({
      headings: { 四: "四、因政府信息公开被申请复议、提起诉讼的情况" },
    });
    expect(findingsOf(result, "section-title").map((f) => f.location)).toEqual([{ section: "四" }]);
    expect(findingsOf(result, "section-missing")).toEqual([]);
  });
});
