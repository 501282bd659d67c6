import { checkReport, findingsOf } from "../../../test/support/check-helpers";

const WITHOUT = [
  "（五）监督保障",
  "本镇明确党政办负责政府信息公开工作，安排专人负责信息审核发布，定期组织业务培训。",
];

const oversight = (unit: string, prose = WITHOUT, options = {}) =>
  findingsOf(checkReport({ unit, prose }, options), "oversight-missing");

describe("oversight-missing", () => {
  it.each(["某某镇人民政府", "某某县人民政府", "相山区渠沟镇政府", "苏溪镇"])(
    "warns on a government's report (%s) that reports none of the three",
    (unit) => {
      const findings = oversight(unit);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ severity: "warning", location: { section: "一" } });
      expect(findings[0]?.message).toContain("“工作考核”、“社会评议”、“责任追究”");
      // Marked at the 监督保障 sub-heading, where the text belongs.
      expect(findings[0]?.anchors).toEqual([{ kind: "paragraph", paragraphIndex: 3 }]);
    },
  );

  it.each(["某某县自然资源局", "某某区人民政府办公室", "某某街道办事处", "某某经济开发区"])(
    "does not ask it of %s",
    (unit) => {
      expect(oversight(unit)).toEqual([]);
    },
  );

  it("asks it of a 街道办事处 when the options say so", () => {
    expect(
      oversight("某某街道办事处", WITHOUT, {
        ruleOptions: { "oversight-missing": { subdistricts: true } },
      }),
    ).toHaveLength(1);
  });

  it("names only what is missing, in any of the words clerks use", () => {
    const [finding] = oversight("某某镇人民政府", [
      "将政务公开纳入年度绩效考评，对工作不力的单位予以通报批评。",
    ]);
    expect(finding?.message).toContain("“社会评议”的结果情况");
    expect(finding?.message).not.toContain("“工作考核”");
  });

  it("is silent when the three are reported", () => {
    expect(
      oversight("某某镇人民政府", [
        "规范考核评估，开展社会评议，发放评议表135份，好评率99%；本年度未发生责任追究情况。",
      ]),
    ).toEqual([]);
  });
});
