import { checkReport, findingsOf } from "../../../test/support/check-helpers";

const PROSE = [
  "本镇认真贯彻落实《中华人民共和国政府信息公开条例》，将政府信息公开工作纳入年度绩效考核，开展社会评议，全年未发生责任追究情况。",
  "全年通过政府网站主动公开政府信息198条，及时回应社会关切。",
];

describe("summary-length", () => {
  it("is off until a limit is set", () => {
    expect(findingsOf(checkReport({ prose: PROSE }), "summary-length")).toEqual([]);
  });

  it("notes 一 longer than the limit, with the count and the excess", () => {
    const count = PROSE.join("").length;
    const result = checkReport(
      { prose: PROSE },
      { ruleOptions: { "summary-length": { maxLength: 50 } } },
    );
    const findings = findingsOf(result, "summary-length");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "info",
      location: { section: "一" },
      expected: 50,
      actual: count,
    });
    expect(findings[0]?.message).toContain(`共 ${count} 字，超过 50 字的上限 ${count - 50} 字`);
  });

  it("is silent within the limit", () => {
    const options = { ruleOptions: { "summary-length": { maxLength: 1000 } } };
    expect(findingsOf(checkReport({ prose: PROSE }, options), "summary-length")).toEqual([]);
  });
});
