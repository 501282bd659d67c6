import {
  BALANCED_TABLE3,
  BALANCED_TABLE4,
  TABLE3_UNPAID_FEE,
} from "../../../test/support/docx-builder";
import { checkReport, findingsOf } from "../../../test/support/check-helpers";

/** No application carried forward: the default carries 5 forward. */
const ALL_DONE = {
  ...BALANCED_TABLE3,
  new: [18, 2, 0, 0, 0, 0, 20],
  carried: [2, 0, 0, 0, 0, 0, 2],
  granted: [14, 2, 0, 0, 0, 0, 16],
  carryForward: [0, 0, 0, 0, 0, 0, 0],
  total: [20, 2, 0, 0, 0, 0, 22],
};
const ZERO4 = {
  review: [0, 0, 0, 0, 0],
  suitDirect: [0, 0, 0, 0, 0],
  suitAfterReview: [0, 0, 0, 0, 0],
};

const claims = (prose: string[], table3 = BALANCED_TABLE3, table4 = BALANCED_TABLE4) =>
  findingsOf(checkReport({ prose, table3, table4 }), "claim-contradiction");

describe("claim-contradiction", () => {
  it("warns on 「均已办结」 while applications are carried forward, marking the sentence and the cells", () => {
    const findings = claims(["本年度共收到政府信息公开申请20件，均已按时办结。"]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "warning",
      actual: 5,
      location: { paragraph: 3, text: "本年度共收到政府信息公开申请20件,均已按时办结。" },
    });
    expect(findings[0]?.message).toBe(
      "正文称“均已按时办结”，但表三“四、结转下年度继续办理”为 5 件，两者矛盾，请核对",
    );
    expect(findings[0]?.anchors[0]).toEqual({ kind: "paragraph", paragraphIndex: 3 });
    expect(findings[0]?.anchors.filter((a) => a.kind === "cell").length).toBeGreaterThan(0);
  });

  it("is silent when all were done, or when 均 is about a part of them", () => {
    expect(claims(["本年度共收到政府信息公开申请20件，均已按时办结。"], ALL_DONE)).toEqual([]);
    expect(claims(["收到申请20件，其中予以公开11件，均已按时答复。"])).toEqual([]);
    expect(claims(["17件均已办结，5件结转下年度办理。"])).toEqual([]);
  });

  it("warns on 「未收到…申请」 while table 三 has new applications", () => {
    const [finding] = claims(["2023年度我镇未收到依申请公开政府信息。"]);
    expect(finding?.message).toContain("表三“一、本年新收政府信息公开申请数量”为 20 件");
    expect(claims(["本年度未收到法人或其他组织提出的政府信息公开申请。"])).toEqual([]);
  });

  it("warns on 「未发生…行政复议和行政诉讼」 while table 四 has cases", () => {
    const [finding] = claims(["本年度未发生因政府信息公开引起的行政复议和行政诉讼。"]);
    expect(finding?.message).toContain("表四“行政复议”为 3 件");
    expect(
      claims(["本年度未发生因政府信息公开引起的行政复议和行政诉讼。"], BALANCED_TABLE3, ZERO4),
    ).toEqual([]);
    // 「降低…被行政复议的风险」 denies nothing.
    expect(claims(["引入法律顾问，降低被行政复议、行政诉讼的风险，未发生纠错。"])).toEqual([]);
  });

  it("warns on 「未发出收费通知」 while （六）2 counts applicants who did not pay", () => {
    const [finding] = claims(["本年度未发出信息处理费收费通知。"], TABLE3_UNPAID_FEE);
    expect(finding?.actual).toBe(1);
    // Nothing was collected from those applicants: 「未收取」 is no contradiction.
    expect(claims(["本年度未收取信息处理费。"], TABLE3_UNPAID_FEE)).toEqual([]);
  });

  it("leaves sentences about another year or another scope", () => {
    expect(claims(["2022年未收到政府信息公开申请。", "各部门申请均已办结。"])).toEqual([]);
  });
});
