/**
 * The document's paragraphs in order, walked once with First and Next() (Paragraphs.Item(i)
 * walks from the start in Word's object model, which makes a loop O(n²)), each told as the
 * body's, a table's or a text box's. VBA keeps text boxes in a story of their own
 * (wdTextFrameStory) that Document.Paragraphs and Tables leave out; whether WPS lists them is
 * not documented, so Range.StoryType (Kingsoft's typings: Range.StoryType, enum WdStoryType)
 * tells them apart where WPS gives it. Our reader leaves a text box's paragraphs out of the body.
 */
import {
  WD_TEXT_FRAME_STORY,
  WD_WITHIN_TABLE,
  type WpsDocument,
  type WpsParagraph,
  type WpsRange,
} from "./wps-api";

export interface WalkedParagraph {
  paragraph: WpsParagraph;
  range: WpsRange;
  inTable: boolean;
  inTextBox: boolean;
}

export class ParagraphWalk {
  private next: WpsParagraph | null;
  private left: number;

  constructor(doc: WpsDocument) {
    const paragraphs = doc.Paragraphs;
    this.left = paragraphs.Count;
    this.next = this.left > 0 ? paragraphs.First : null;
  }

  /** The next paragraph; null after the last. */
  step(): WalkedParagraph | null {
    if (!this.next || this.left-- <= 0) return null;
    const paragraph = this.next;
    const range = paragraph.Range;
    const inTable = Boolean(range.Information(WD_WITHIN_TABLE));
    const walked = { paragraph, range, inTable, inTextBox: inTextBox(range) };
    this.next = paragraph.Next() ?? null;
    return walked;
  }
}

/** Whether a range is in a text box; false where WPS gives no StoryType. */
export function inTextBox(range: WpsRange): boolean {
  try {
    return range.StoryType === WD_TEXT_FRAME_STORY;
  } catch {
    return false;
  }
}
