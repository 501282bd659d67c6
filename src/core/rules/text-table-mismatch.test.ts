import { BALANCED_TABLE3 } from "../../../test/support/docx-builder";
import { checkReport, findingsOf } from "../../../test/support/check-helpers";

const check = (prose: string[], table3 = BALANCED_TABLE3) =>
  findingsOf(checkReport({ prose, table3 }), "text-table-mismatch");

describe("text-table-mismatch", () => {
  it("is silent when the prose agrees with the table", () => {
    expect(
      check([
        "2023年共收到政府信息公开申请20件，其中予以公开11件，部分公开2件，无法提供3件，不予处理1件。",
      ]),
    ).toEqual([]);
  });

  it("warns when the number of applications received differs from 一、本年新收", () => {
    const findings = check(["本年度共收到政府信息公开申请21件。"]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "warning",
      expected: 20,
      actual: 21,
      location: { paragraph: 3, text: "本年度共收到政府信息公开申请21件。" },
    });
    expect(findings[0]?.message).toContain("相差 1");
  });

  it("quotes the figure as the clerk wrote it: full-width digits and spaces kept", () => {
    const findings = check(["本年度共收到政府信息公开申请 ２１ 件，其中予以公开１１件。"]);
    expect(findings.map((f) => [f.message, f.actual])).toEqual([
      [
        "正文“收到政府信息公开申请 ２１ 件”与表三“一、本年新收政府信息公开申请数量”总计 20 不一致，相差 1，请核对",
        21,
      ],
    ]);
  });

  it("accepts 收到 counted with the carried-over applications (新收 + 上年结转)", () => {
    expect(check(["本年度收到政府信息公开申请22件。"])).toEqual([]);
  });

  it("checks result figures and 行政复议 against the tables", () => {
    const findings = check(["办结的申请中予以公开12件。", "全年发生政府信息公开行政复议案件4件。"]);
    expect(findings.map((f) => f.expected)).toEqual([11, 3]);
  });

  it.each([
    "市本级收到政府信息公开申请5件。",
    "通过网上申请平台收到政府信息公开申请9件。",
    "2022年收到政府信息公开申请35件。",
    "共办理备案审查的行政规范性文件申请4件，予以公开3件。",
    "全年办理行政复议案件120件。",
  ])("does not fire on a sentence about another scope or year: %s", (sentence) => {
    expect(check([sentence])).toEqual([]);
  });

  it("does not compare with a blank table cell", () => {
    const table3 = { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, ""] };
    expect(check(["其中予以公开8件。"], table3)).toEqual([]);
  });
});
