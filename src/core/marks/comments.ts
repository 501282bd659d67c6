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
import { byRule } from "../rules/registry";
import type { Finding } from "../rules/types";
import { sameCellText } from "./settle";

export const COMMENT_AUTHOR = "年报校核";
export const COMMENT_INITIALS = "校核";

/**
 * What a clerk should do about each kind of finding, in one short sentence: each rule owns its
 * remedy (RuleMeta.remedy); this is the lookup by id. Only added where the message does not
 * already say it (see saysWhatToDo).
 */
export const REMEDIES = byRule((meta) => meta.remedy);

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
