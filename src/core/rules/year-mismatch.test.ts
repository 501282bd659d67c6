import { checkReport, findingsOf } from "../../../test/support/check-helpers";

describe("year-mismatch", () => {
  it("is silent when the title and the statistics period agree", () => {
    expect(findingsOf(checkReport({ year: 2023 }), "year-mismatch")).toEqual([]);
  });

  it("warns when the period is last year's (a copied report)", () => {
    const result = checkReport({
      year: 2023,
      period: "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
    });
    const findings = findingsOf(result, "year-mismatch");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", expected: 2023, actual: 2022 });
    expect(findings[0]?.location).toMatchObject({ paragraph: 1 });
  });

  it("warns when the period spans two years", () => {
    const result = checkReport({
      year: 2023,
      period: "统计期限自2023年1月1日起至2024年12月31日止。",
    });
    expect(findingsOf(result, "year-mismatch").map((f) => f.message)).toEqual([
      "统计期限起于 2023 年、止于 2024 年，应为同一年的 1 月 1 日至 12 月 31 日",
    ]);
  });

  it("compares the title with the year a wrongly written period still gives", () => {
    const period = "本报告统计期限自20211月1日起至202112月31日止。";
    expect(findingsOf(checkReport({ year: 2021, period }), "year-mismatch")).toEqual([]);
    const findings = findingsOf(checkReport({ year: 2022, period }), "year-mismatch");
    expect(findings.map((f) => [f.message, f.expected, f.actual])).toEqual([
      ["标题年份 2022 年与统计期限 2021 年不一致", 2022, 2021],
    ]);
  });

  it("leaves a period whose start is after its end to period-invalid", () => {
    const result = checkReport({
      year: 2023,
      period: "统计期限自2024年1月1日起至2023年12月31日止。",
    });
    expect(findingsOf(result, "year-mismatch").map((f) => f.message)).toEqual([
      "标题年份 2023 年与统计期限 2024 年不一致",
    ]);
    expect(findingsOf(result, "period-invalid")).toHaveLength(1);
  });

  it("warns when 一、总体情况 speaks of another year throughout (a copied report)", () => {
    const prose = ["2022年，本机关认真贯彻落实《条例》。", "2022年全年主动公开政府信息120条。"];
    const findings = findingsOf(checkReport({ year: 2023, prose }), "year-mismatch");
    expect(findings.map((f) => [f.expected, f.actual, f.location])).toEqual([
      [2023, 2022, { paragraph: 3, text: "2022年，本机关认真贯彻落实《条例》。" }],
    ]);
  });

  it("stays silent on plans, comparisons and a body that names the report year", () => {
    const silent = [
      ["2023年，本机关认真贯彻落实《条例》。", "较2022年增加15条，2022年共120条。"],
      ["2024年将继续推进公开工作。", "计划2024年完成平台改版。"],
      ["本机关认真贯彻落实《条例》，2022年的整改事项已全部完成。"],
    ];
    for (const prose of silent)
      expect(findingsOf(checkReport({ year: 2023, prose }), "year-mismatch")).toEqual([]);
  });
});
