import { checkReport, findingsOf } from "../../../test/support/check-helpers";

const vague = (五: string[], options = {}) =>
  findingsOf(checkReport({ sectionText: { 五 } }, options), "problems-vague");

const SPECIFIC = [
  "（一）存在的主要问题",
  "一是政策解读形式较为单一，图解、视频解读偏少；二是个别科室信息报送不够及时。",
  "（二）改进情况",
  "下一步，我镇将丰富解读形式，建立信息报送台账，按月通报，提高公开时效。",
];

describe("problems-vague", () => {
  it("is silent on specific problems and improvements", () => {
    expect(vague(SPECIFIC)).toEqual([]);
  });

  it("notes a 五 that says 无, marking its heading", () => {
    const findings = vague(["无。"]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "info", location: { section: "五" } });
    expect(findings[0]?.message).toContain("只有 2 字（下限 50 字）");
    expect(findings[0]?.message).toContain("没有写出存在的具体问题");
  });

  it("does not take 「未发现问题」 for a problem", () => {
    const [finding] = vague([
      "经自查，本年度我单位政府信息公开工作运行平稳，各项制度执行良好，未发现明显问题，今后将继续保持良好态势，确保工作落到实处。",
    ]);
    expect(finding?.message).toContain("没有写出存在的具体问题");
    expect(finding?.message).not.toContain("字（下限");
  });

  it("takes its minimum length from the options", () => {
    const options = { ruleOptions: { "problems-vague": { minLength: 200 } } };
    expect(vague(SPECIFIC, options)[0]?.message).toMatch(/只有 \d+ 字（下限 200 字）/);
  });

  it("asks about last year's problems only when the options say so", () => {
    const options = { ruleOptions: { "problems-vague": { previousYear: true } } };
    expect(vague(SPECIFIC, options)[0]?.message).toContain("上一年度");
    expect(
      vague([...SPECIFIC, "上年度报告所提信息更新不及时的问题，已通过建立台账完成整改。"], options),
    ).toEqual([]);
  });
});
