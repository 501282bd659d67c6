import { checkReport, findingsOf } from "../../../test/support/check-helpers";

const wording = (title: string) => findingsOf(checkReport({ year: 2023, title }), "title-wording");

describe("title-wording", () => {
  it.each([
    "某某镇人民政府2023年政府信息公开工作年度报告",
    "2023年某某镇人民政府政府信息公开工作年度报告",
    "某某县财政局2023年度政府信息公开工作年度报告",
  ])("accepts %s", (title) => {
    expect(wording(title)).toEqual([]);
  });

  it.each([
    ["某某镇人民政府2023年政府信息公开工作报告", "应以“政府信息公开工作年度报告”结尾"],
    ["某某镇人民政府2023年政务公开工作年度总结", "应以“政府信息公开工作年度报告”结尾"],
    ["某某镇人民政府政府信息公开工作年度报告", "缺少年份"],
    ["2023年政府信息公开工作年度报告", "缺少单位名称"],
  ])("warns on %s: %s", (title, problem) => {
    const findings = wording(title);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", location: { paragraph: 0 } });
    expect(findings[0]?.message).toContain(problem);
  });

  it("suggests the statutory title when the unit and year are known", () => {
    expect(wording("某某镇人民政府2023年政务公开工作年度总结")[0]?.message).toContain(
      "建议改为“某某镇人民政府2023年政府信息公开工作年度报告”",
    );
  });
});
