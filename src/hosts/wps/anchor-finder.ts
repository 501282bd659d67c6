/**
 * Ranges for anchors: a cell proved by its text (cell-locator.ts), a body paragraph by its
 * ordinal among the body's paragraphs, counted as the reader counts them (tables' and text
 * boxes' paragraphs left out), walking the document once however many are asked for.
 */
import { type Anchor, type DocumentSnapshot, cellAtAnchor, isNested } from "../../core";
import type { CellLocator } from "./cell-locator";
import { ParagraphWalk } from "./paragraph-walk";
import type { WpsDocument, WpsRange } from "./wps-api";

export class AnchorFinder {
  private readonly bodyParagraphs: WpsRange[] = [];
  private walk: ParagraphWalk | null = null;

  constructor(
    private readonly doc: WpsDocument,
    private readonly locator: CellLocator,
    private readonly snapshot: DocumentSnapshot | null,
  ) {}

  /**
   * The anchor's range; null when it is not there. With unverifiedCell, a cell edited since the
   * check (which cannot prove itself by its text) is taken by its address, for selecting only.
   */
  range(anchor: Anchor, options: { unverifiedCell: boolean }): WpsRange | null {
    if (anchor.kind === "paragraph") return this.paragraph(anchor.paragraphIndex);
    const expected = this.snapshot ? cellAtAnchor(this.snapshot, anchor) : null;
    const located = expected ? this.locator.locate(anchor, expected.text) : null;
    if (located && "cell" in located) return located.cell.Range;
    // A nested cell's address alone would name a cell of its layout table: never taken.
    if (!options.unverifiedCell || isNested(anchor)) return null;
    return this.locator.table(anchor.tableIndex).Cell(anchor.rowIndex + 1, anchor.cellIndex + 1)
      .Range;
  }

  private paragraph(index: number): WpsRange | null {
    this.walk ??= new ParagraphWalk(this.doc);
    while (this.bodyParagraphs.length <= index) {
      const step = this.walk.step();
      if (!step) break;
      if (!step.inTable && !step.inTextBox) this.bodyParagraphs.push(step.range);
    }
    return this.bodyParagraphs[index] ?? null;
  }
}
