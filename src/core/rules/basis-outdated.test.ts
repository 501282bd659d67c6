import { checkReport, findingsOf } from "../../../test/support/check-helpers";

const basis = (prose: string[], year = 2023) =>
  findingsOf(checkReport({ year, prose }), "basis-outdated");

describe("basis-outdated", () => {
  it("is silent on the current 条例 and format", () => {
    expect(
      basis([
        "本报告根据《中华人民共和国政府信息公开条例》（国务院令第711号）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。",
      ]),
    ).toEqual([]);
  });

  it("warns on the 条例 of 国务院令第492号, marking the paragraph", () => {
    const findings = basis([
      "本年度报告根据《中华人民共和国政府信息公开条例》（中华人民共和国国务院令第492号）编制。",
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "warning",
      location: { paragraph: 3 },
      anchors: [{ kind: "paragraph", paragraphIndex: 3 }],
    });
    expect(findings[0]?.message).toContain("国务院令第 711 号");
  });

  it("leaves a sentence that says the old 条例 was replaced", () => {
    expect(basis(["国务院令第711号修订后的条例取代了国务院令第492号。"])).toEqual([]);
  });

  it("warns on the trial format cited by a 2021 or later report, not by a 2020 one", () => {
    const prose = [
      "本报告按照《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）编制。",
    ];
    expect(basis(prose, 2022).map((f) => f.message)).toEqual([
      expect.stringContaining("国办公开办函〔2021〕30号"),
    ]);
    expect(
      findingsOf(checkReport({ format: "2019", year: 2020, prose }), "basis-outdated"),
    ).toEqual([]);
  });
});
