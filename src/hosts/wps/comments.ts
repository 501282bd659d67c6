/**
 * Our comments in WPS: added at an anchor and signed 年报校核 where WPS lets us, and removed by
 * the texts the ledger recorded.
 */
import { COMMENT_AUTHOR, COMMENT_INITIALS, findOurComments, type Anchor } from "../../core";
import type { AnchorFinder } from "./anchor-finder";
import type { WpsComment, WpsDocument } from "./wps-api";

/**
 * Deletes our comments: one per text the ledger recorded, whoever WPS says wrote them (Word
 * signs with the user's name, and WPS may ignore the author we set), preferring the one signed
 * 年报校核 where several read the same (findOurComments). A colleague's comment does not carry
 * a text we recorded, so it stays. Counts the deleted ones and lists the texts that may still
 * be in the document (the ledger keeps those).
 */
export function removeOurComments(
  doc: WpsDocument,
  texts: string[],
  result: { deleted: number; kept: string[] },
): void {
  if (texts.length === 0) return;
  let existing: { comment: WpsComment; text: string; author: string | null }[];
  try {
    const comments = doc.Comments;
    existing = [];
    for (let i = 1; i <= comments.Count; i++) {
      const comment = comments.Item(i);
      existing.push({ comment, text: comment.Range.Text, author: authorOf(comment) });
    }
  } catch (error) {
    // Not read, so not deleted: the ledger keeps them, to be removed next time.
    result.kept.push(...texts);
    throw error;
  }
  const { found } = findOurComments(existing, texts);
  // From the last: a deletion never moves a comment still to be deleted.
  for (const { index, text } of found.sort((a, b) => b.index - a.index)) {
    try {
      existing[index]?.comment.Delete();
      result.deleted++;
    } catch (error) {
      console.warn("nianbao: WPS refused to delete a comment", error);
      result.kept.push(text);
    }
  }
}

function authorOf(comment: WpsComment): string | null {
  try {
    return comment.Author;
  } catch {
    return null;
  }
}

/** Adds one comment; false when its cell or paragraph is not there (nothing is written). */
export function addComment(doc: WpsDocument, anchors: AnchorFinder, anchor: Anchor, text: string) {
  const range = anchors.range(anchor, { unverifiedCell: false });
  if (!range) return false;
  const comment = doc.Comments.Add(range, text);
  try {
    comment.Author = COMMENT_AUTHOR;
    comment.Initial = COMMENT_INITIALS;
  } catch (error) {
    // Signing is a courtesy: the comment is ours by its text.
    console.warn("nianbao: WPS would not sign the comment", error);
  }
  return true;
}
