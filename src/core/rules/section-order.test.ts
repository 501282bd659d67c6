import { checkReport, findingsOf } from "../../../test/support/check-helpers";

describe("section-order", () => {
  it("is silent for sections in order with the right numerals", () => {
    expect(findingsOf(checkReport(), "section-order")).toEqual([]);
  });

  it("reports a section numbered wrongly (sections shifted by one)", () => {
    const result = checkReport({
      omitSections: ["五"],
      headings: { 六: "五、其他需要报告的事项" },
    });
    const findings = findingsOf(result, "section-order");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", location: { section: "六" } });
    expect(findings[0]?.message).toContain("应为“六、其他需要报告的事项”");
  });

  it("reports a section placed after a later one", () => {
    const result = checkReport({
      headings: { 二: "三、收到和处理政府信息公开申请情况", 三: "二、主动公开政府信息情况" },
    });
    const findings = findingsOf(result, "section-order");
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((f) => f.location)).toContainEqual({ section: "二" });
    expect(findings.map((f) => f.message)).toContain(
      "“二、主动公开政府信息情况”应为第二部分，却排在第三部分之后，请调整顺序",
    );
  });
});
