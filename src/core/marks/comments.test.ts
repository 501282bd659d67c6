import { check } from "../check/check";
import { readDocument } from "../ooxml/read-document";
import { RULE_IDS, type Finding, type RuleId } from "../rules/types";
import { BALANCED_TABLE3, statutoryReport } from "../../../test/support/docx-builder";
import { expectCommentStyle, legacyCommentText } from "../../../test/support/comment-style";
import {
  COMMENT_AUTHOR,
  commentText,
  findOurComments,
  REMEDIES,
  remedyFor,
  saysWhatToDo,
} from "./comments";

const finding = (rule: string, message: string) => ({ rule: rule as RuleId, message });

/** Findings of many rules on built reports (the shared fixtures: test/unit/annotate.test.ts). */
function sampleFindings(): Finding[] {
  return [
    statutoryReport({
      omitSections: ["五"],
      table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] },
      table4: {
        review: [1, 1, 0, 1, 4],
        suitDirect: [0, 0, 0, 0, 0],
        suitAfterReview: [0, 0, 0, 0, 0],
      },
    }),
    statutoryReport({ omitSections: ["二", "六"] }),
  ].flatMap((xml) => check(readDocument(xml)).findings);
}

describe("the comment text", () => {
  it("is the message, then what to do", () => {
    expect(
      commentText(
        finding(
          "table4-total",
          "行政复议：结果维持 44 + 结果纠正 9 + 其他结果 5 + 尚未审结 5 = 63，但总计为 62，相差 1",
        ),
      ),
    ).toBe(
      "行政复议：结果维持 44 + 结果纠正 9 + 其他结果 5 + 尚未审结 5 = 63，但总计为 62，相差 1。请核对该组各项结果的数字与总计，改正有误的一处。",
    );
    expect(commentText(finding("section-missing", "缺少“五、存在的主要问题及改进情况”"))).toBe(
      "缺少“五、存在的主要问题及改进情况”。请按法定格式补写这一部分。",
    );
  });

  it("adds nothing where the message already says what to do", () => {
    const blank = "政府集中采购总计未填，按 0 计算；无数据请填 0";
    expect(remedyFor(finding("cell-blank", blank))).toBeNull();
    expect(commentText(finding("cell-blank", blank))).toBe(`${blank}。`);
    expect(
      commentText(
        finding(
          "section-title",
          "标题“五、问题”不同，建议改为法定标题“五、存在的主要问题及改进情况”。",
        ),
      ),
    ).toBe("标题“五、问题”不同，建议改为法定标题“五、存在的主要问题及改进情况”。");
  });

  it("does not take 申请, 请求 or a quoted 请 for advice", () => {
    expect(saysWhatToDo("正文“收到政府信息公开申请 12 件”与表中本年新收 13 不一致，相差 1")).toBe(
      false,
    );
    expect(saysWhatToDo("表三行标题“请求公开”与法定表述不一致")).toBe(false);
    expect(saysWhatToDo("依申请公开总计未填；按勾稽关系应为 5，请核对")).toBe(true);
  });

  it("adds the rule's advice after a message that does not say what to do", () => {
    expect(commentText(finding("content-repeated", "第二部分出现了两次"))).toBe(
      "第二部分出现了两次。请删除重复的一份。",
    );
  });

  it("has advice, read as a clerk would, for every rule", () => {
    const missing = RULE_IDS.filter((id) => REMEDIES[id] === undefined);
    // A new rule: give its meta a remedy (src/core/rules/<id>.ts).
    expect(missing).toEqual([]);
    for (const remedy of Object.values(REMEDIES)) {
      expect(remedy).toMatch(/^(请|建议)[^a-zA-Z]*。$/);
      expect(remedy.length).toBeLessThanOrEqual(30);
    }
  });

  it("for every finding of the built reports: no rule id, no prefix", () => {
    const findings = sampleFindings();
    expect(findings.length).toBeGreaterThan(5);
    for (const f of findings) {
      const text = commentText(f);
      expectCommentStyle(text);
      expect(text.startsWith(f.message.replace(/[。；，]+$/, ""))).toBe(true);
    }
  });
});

describe("finding our comments again", () => {
  const old = legacyCommentText(finding("table4-total", "行政复议：总计为 62，相差 1"));
  const now = commentText(finding("table4-total", "行政复议：总计为 62，相差 1"));

  it("finds one comment per recorded text, old style and new, with the host's paragraph marks", () => {
    const { found, missing } = findOurComments(
      [
        { text: "请核对第二段。", author: "李四" },
        { text: `${old}\r`, author: "张三" },
        { text: now, author: COMMENT_AUTHOR },
      ],
      [old, now, now],
    );
    expect(found).toEqual([
      { index: 1, text: old },
      { index: 2, text: now },
    ]);
    expect(missing).toEqual([now]);
  });

  it("never takes a comment for its author: 年报校核 as a user's name, or our words in a user's comment", () => {
    const { found } = findOurComments(
      [
        { text: "【年报校核】本人备注（table4-total）", author: COMMENT_AUTHOR },
        { text: `转述：${now}`, author: "李四" },
        { text: now.slice(0, -1), author: COMMENT_AUTHOR },
      ],
      [old, now],
    );
    expect(found).toEqual([]);
  });

  it("of comments that read the same, takes the one signed 年报校核", () => {
    const { found } = findOurComments(
      [
        { text: now, author: "李四" },
        { text: now, author: COMMENT_AUTHOR },
      ],
      [now],
    );
    expect(found).toEqual([{ index: 1, text: now }]);
  });
});
