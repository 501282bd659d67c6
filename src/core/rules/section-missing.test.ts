import { checkReport, findingsOf } from "../../../test/support/check-helpers";

describe("section-missing", () => {
  it("is silent when all six sections are present", () => {
    expect(findingsOf(checkReport(), "section-missing")).toEqual([]);
  });

  it("names each missing section with its statutory title", () => {
    const findings = findingsOf(checkReport({ omitSections: ["五", "六"] }), "section-missing");
    expect(findings.map((f) => f.message)).toEqual([
      "缺少“五、存在的主要问题及改进情况”",
      "缺少“六、其他需要报告的事项”",
    ]);
    expect(findings.map((f) => f.location)).toEqual([{ section: "五" }, { section: "六" }]);
    expect(findings[0]?.severity).toBe("error");
  });

  it("points at the section before the gap, where the missing one belongs", () => {
    const result = checkReport({ omitSections: ["五"] });
    const anchor = findingsOf(result, "section-missing")[0]?.anchors[0];
    const four = result.model.sections.find((s) => s.id === "四");
    expect(anchor).toEqual({ kind: "paragraph", paragraphIndex: four?.paragraphIndex });
  });
});
