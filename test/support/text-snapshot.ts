/**
 * A report copied from a web page as plain text (../shared/seeds/*.txt), as a snapshot: each
 * non-empty line a paragraph, centred when it looks like a title. Tables arrive as lines of
 * figures, so only the prose rules have something to read; that is what the text seeds test.
 */
import type { DocumentSnapshot } from "../../src/core/model/snapshot";

export function snapshotFromText(text: string): DocumentSnapshot {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  // A title, on one line or broken over two (「…政府信息公开」「工作年度报告」), was centred.
  const title = (line: string | undefined) => line !== undefined && /年度报告$/.test(line);
  return {
    blocks: lines.map((line, paragraphIndex) => ({
      kind: "paragraph",
      paragraphIndex,
      text: line,
      styleId: null,
      styleName: null,
      headingLevel: null,
      alignment:
        title(line) ||
        (line.length <= 30 && !line.includes(">") && title(lines[paragraphIndex + 1]))
          ? "center"
          : null,
    })),
  };
}
