import { checkReport, findingsOf } from "../../../test/support/check-helpers";

const dated = (unit: string, closing: string[], options = {}) =>
  findingsOf(checkReport({ year: 2023, unit, closing }, options), "report-date");

describe("report-date", () => {
  it.each([
    ["某某镇人民政府", "2024年1月20日"],
    ["某某县人民政府", "2024年3月28日"],
    ["某某县财政局", "二〇二四年一月二十六日"],
  ])("accepts %s dated %s", (unit, date) => {
    expect(dated(unit, [unit, date])).toEqual([]);
  });

  it("notes a department's report dated after 1月31日, marking the date", () => {
    const findings = dated("某某县财政局", ["某某县财政局", "2024年2月5日"]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "info", location: { text: "2024年2月5日" } });
    expect(findings[0]?.message).toBe(
      "报告日期“2024年2月5日”晚于部门公布 2023 年度报告的期限（2024 年 1 月 31 日），请核对",
    );
    expect(findings[0]?.anchors[0]?.kind).toBe("paragraph");
  });

  it("notes a government's report dated after 3月31日, in Chinese numerals too", () => {
    expect(dated("某某县人民政府", ["二〇二四年四月十日"])[0]?.message).toContain(
      "2024 年 3 月 31 日",
    );
  });

  it("notes a date before the period ends", () => {
    expect(dated("某某镇人民政府", ["2023年12月20日"])[0]?.message).toContain("早于统计期限结束");
  });

  it("takes the deadlines from the options", () => {
    const options = { ruleOptions: { "report-date": { governmentDeadline: "01-31" } } };
    expect(dated("某某镇人民政府", ["2024年2月20日"], options)[0]?.message).toContain(
      "2024 年 1 月 31 日",
    );
  });

  it("reads a 成文日期 line", () => {
    const result = checkReport({
      year: 2023,
      unit: "某某县财政局",
      period:
        "成文日期：2024-02-18。本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
    });
    expect(findingsOf(result, "report-date")).toHaveLength(1);
  });
});
