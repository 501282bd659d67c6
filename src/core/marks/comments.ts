/**
 * Our comments (批注): what they say, who signs them, and how a host finds them again.
 *
 * One style everywhere (the Word and WPS panes, the demo, `nianbao check --annotate`): signed
 * 年报校核 with the initials 校核 where the host lets us sign, and the text is the finding's
 * message followed by what to do. No prefix (the author already says who wrote it) and no
 * rule id: the id is for the ledger and the reports, not for a government document.
 *
 * A comment is ours when its text is one the ledger recorded when we wrote it, one comment per
 * entry. The author alone never makes a comment ours (Word signs every comment with the user's
 * name, and a user may well be called 年报校核); it only decides between comments that read the
 * same, so a colleague's verbatim copy stays while ours is there.
 */
import type { Finding, RuleId } from "../rules/types";
import { sameCellText } from "./settle";

export const COMMENT_AUTHOR = "年报校核";
export const COMMENT_INITIALS = "校核";

/**
 * What a clerk should do about each kind of finding, in one short sentence. Only added where
 * the message does not already say it (see saysWhatToDo). Every rule has one: the compiler
 * asks for it when a rule is added.
 */
export const REMEDIES: Record<RuleId, string> = {
  "section-missing": "请按法定格式补写这一部分。",
  "section-order": "请按法定顺序和编号调整各部分标题。",
  "section-title": "建议改用法定标题。",
  "table-missing": "请按法定格式补上此表。",
  "table-structure": "请对照法定表格修改。",
  "format-outdated": "请改用该年度适用的表格格式填写。",
  "cell-blank": "请核实后填写。",
  "cell-invalid": "请改正此格。",
  "cell-note": "请只在表格内填数字，括号中的说明移到正文。",
  "period-invalid": "请改为“××××年1月1日至××××年12月31日”的写法。",
  "table3-row-total": "请核对本行各类申请人的数字与总计，改正有误的一处。",
  "table3-results-total": "请核对本列各项办理结果与（七）总计，改正有误的一处。",
  "table3-balance": "请核对本列本年新收、上年结转、总计和结转下年度的数字。",
  "table4-total": "请核对该组各项结果的数字与总计，改正有误的一处。",
  "text-table-mismatch": "请核对正文与表格，改正有误的一处。",
  "year-mismatch": "请核对标题、统计期限和正文中的年份。",
  "carryover-mismatch": "请与上年报告核对后改正。",
  "inforce-rollforward": "请核对现行有效件数；如因修订、清理等原因，请在正文说明。",
  "content-repeated": "请删除重复的一份。",
  "basis-outdated": "请改为引用现行的条例和年度报告格式。",
  "fee-statement-missing": "请写明本年度收取信息处理费的情况，未收取的也请写明。",
  "oversight-missing": "请在监督保障部分写明工作考核、社会评议和责任追究的结果。",
  "problems-vague": "请如实写明本年度存在的主要问题和具体改进措施。",
  "claim-contradiction": "请核对正文的说法与表格，改正有误的一处。",
  "title-wording": "请按“单位＋年份＋政府信息公开工作年度报告”修改标题。",
  "report-date": "请核对报告日期，并按期公布年度报告。",
  "summary-length": "请精简“一、总体情况”，只写综述。",
  "text-copied": "请按本年度工作情况重写相同的段落。",
};

/**
 * Whether a message already tells the reader what to do (请…, 建议…) outside quotations, which
 * may quote anything; 申请, 提请 and 请求 are words, not requests to the reader.
 */
export function saysWhatToDo(message: string): boolean {
  // No lookbehind: Safari before 16.4 (Word for Mac) cannot parse it.
  const plain = message.replace(/“[^”]*”|「[^」]*」|"[^"]*"|[申提邀聘恳敬]请|请求/g, "");
  return /请|建议/.test(plain);
}

/** What to do about a finding, or null when its message already says so. */
export function remedyFor(finding: Pick<Finding, "rule" | "message">): string | null {
  if (saysWhatToDo(finding.message)) return null;
  return REMEDIES[finding.rule];
}

/** The text of the comment for a finding: its message, then what to do. */
export function commentText(finding: Pick<Finding, "rule" | "message">): string {
  const message = finding.message.trim().replace(/[。；，,;.\s]+$/u, "");
  const remedy = remedyFor(finding);
  const sentence = /[！？!?]$/.test(message) ? message : `${message}。`;
  return remedy ? `${sentence}${remedy}` : sentence;
}

/** A comment as a host reads it; author is absent where the host does not say. */
export interface ExistingComment {
  text: string;
  author?: string | null;
}

/**
 * Which of the document's comments are ours to delete: for each recorded text, one comment
 * that reads the same (on its visible characters, as hosts add paragraph marks), preferring
 * one signed 年报校核. Returns the index of each comment to delete with the text it matched,
 * and the recorded texts no comment matched.
 */
export function findOurComments(
  existing: readonly ExistingComment[],
  recorded: readonly string[],
): { found: { index: number; text: string }[]; missing: string[] } {
  const taken = new Set<number>();
  const found: { index: number; text: string }[] = [];
  const missing: string[] = [];
  for (const text of recorded) {
    let choice = -1;
    for (let i = 0; i < existing.length; i++) {
      const comment = existing[i];
      if (taken.has(i) || !comment || !sameCellText(comment.text, text)) continue;
      if (comment.author === COMMENT_AUTHOR) {
        choice = i;
        break;
      }
      if (choice < 0) choice = i;
    }
    if (choice < 0) missing.push(text);
    else {
      taken.add(choice);
      found.push({ index: choice, text });
    }
  }
  return { found, missing };
}
