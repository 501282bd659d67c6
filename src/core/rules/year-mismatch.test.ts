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
      "统计期限起止年份不一致：自 2023 年 1 月 1 日至 2024 年 12 月 31 日",
    ]);
  });

  it("stays silent on a garbled period it cannot read", () => {
    const result = checkReport({
      year: 2021,
      period: "本报告统计期限自20211月1日起至202112月31日止。",
    });
    expect(findingsOf(result, "year-mismatch")).toEqual([]);
  });
});
