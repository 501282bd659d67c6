import { checkReport, findingsOf } from "../../../test/support/check-helpers";

const periodFindings = (period: string, year = 2021) =>
  findingsOf(checkReport({ year, period }), "period-invalid");

describe("period-invalid", () => {
  it.each([
    "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。",
    "本报告所列数据统计期限从2021年1月1日起到12月31日止。",
    "统计时间为2021年1月1日—2021年12月31日。",
    "本报告统计期限自２０２１年１月１日起至２０２１年１２月３１日止。",
  ])("is silent on a period that reads as a date range: %s", (period) => {
    expect(periodFindings(period)).toEqual([]);
  });

  it("names the missing 年 in the bundled sample's period, with the paragraph", () => {
    const findings = periodFindings("本报告中所列数据的统计期限自20211月1日起至202112月31日止。");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "warning",
      location: { paragraph: 1 },
      anchors: [{ kind: "paragraph", paragraphIndex: 1 }],
    });
    expect(findings[0]?.message).toBe(
      "统计期限的日期有误：“20211月1日”缺少“年”字，应为“2021年1月1日”；“202112月31日”缺少“年”字，应为“2021年12月31日”",
    );
  });

  it.each([
    ["统计期限自2021年13月1日起至2021年12月31日止。", "“2021年13月1日”的月份 13 不存在"],
    ["统计期限自2021年1月1日起至2021年12月32日止。", "“2021年12月32日”中 12 月没有 32 日"],
    ["统计期限自2021年1月1日起至2021年2月29日止。", "“2021年2月29日”中 2 月没有 29 日"],
    [
      "统计期限自2021年12月31日起至2021年1月1日止。",
      "起始日期“2021年12月31日”晚于截止日期“2021年1月1日”",
    ],
    ["统计期限自202年1月1日起至2021年12月31日止。", "“202年1月1日”的年份“202”不是四位数"],
    ["统计期限自2021年1月1日起至20211年12月31日止。", "“20211年12月31日”的年份“20211”不是四位数"],
  ])("names what is wrong in %s", (period, problem) => {
    expect(periodFindings(period).map((f) => f.message)).toEqual([
      `统计期限的日期有误：${problem}`,
    ]);
  });

  it("suggests no corrected date when the date itself does not exist", () => {
    expect(
      periodFindings("统计期限自20211月1日起至202113月32日止。").map((f) => f.message),
    ).toEqual([
      "统计期限的日期有误：“20211月1日”缺少“年”字，应为“2021年1月1日”；“202113月32日”缺少“年”字；“202113月32日”的月份 13 不存在",
    ]);
  });

  it("accepts 29 February in a leap year", () => {
    expect(periodFindings("统计期限自2024年1月1日起至2024年2月29日止。", 2024)).toEqual([]);
  });

  it("does not take a date elsewhere in the prose for the period", () => {
    expect(periodFindings("截至2021年10月31日，统计各类申请共计22件。")).toEqual([]);
  });
});
