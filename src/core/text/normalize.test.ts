import { normalizeLabel, similarity, splitNumbering } from "./normalize";

describe("label normalization", () => {
  it.each([
    ["（三）不予公开", "(三)不予公开"],
    ["(三) 不予 公开", "(三)不予公开"],
    ["商业\n企业", "商业企业"],
    ["3.危及“三安全一稳定”", "3.危及三安全一稳定"],
    ['3.危及"三安全一稳定"', "3.危及三安全一稳定"],
    ["1．属于国家秘密", "1.属于国家秘密"],
    ["1、属于国家秘密", "1.属于国家秘密"],
    ["本年收费金额（单位：万元）", "本年收费金额(单位:万元)"],
    ["　规章　", "规章"],
    ["政府資訊公開申請", "政府资讯公开申请"],
  ])("%s → %s", (written, normalized) => {
    expect(normalizeLabel(written)).toBe(normalized);
  });
});

describe("numbering", () => {
  it.each([
    ["一、总体情况", "chinese", 1, "总体情况"],
    ["六.其他需要报告的事项", "chinese", 6, "其他需要报告的事项"],
    ["(七)总计", "bracketed", 7, "总计"],
    ["8.属于行政查询事项", "arabic", 8, "属于行政查询事项"],
    ["规章", "none", null, "规章"],
  ])("splits %s", (label, level, ordinal, core) => {
    expect(splitNumbering(normalizeLabel(label))).toMatchObject({ level, ordinal, core });
  });

  it("does not take a year for a list number", () => {
    expect(splitNumbering("2021年").level).toBe("none");
  });
});

describe("similarity", () => {
  it("is 1 for equal labels and high for a small typo", () => {
    expect(similarity("本机关不掌握相关政府信息", "本机关不掌握相关政府信息")).toBe(1);
    expect(similarity("本机关不掌握相关政府信患", "本机关不掌握相关政府信息")).toBeGreaterThan(0.8);
    expect(similarity("重复申请", "信访举报投诉类申请")).toBeLessThan(0.4);
  });
});
