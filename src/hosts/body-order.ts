/**
 * Word and WPS give paragraphs (those inside tables included) and tables separately, and no
 * API that interleaves them. Walking the paragraphs in order, each run of table paragraphs
 * stands for the next table: this puts the blocks back in document order.
 */
import type { SnapshotBlock, SnapshotParagraph, SnapshotTable } from "../core";

export class BodyOrder {
  private readonly blocks: SnapshotBlock[] = [];
  private next = 0;
  private inTable = false;
  private paragraphIndex = 0;

  constructor(private readonly tables: SnapshotTable[]) {}

  /** A paragraph inside a table: the first of a run places the next table. */
  tableParagraph(): void {
    if (!this.inTable && this.tables[this.next])
      this.blocks.push(this.tables[this.next++] as SnapshotTable);
    this.inTable = true;
  }

  /** A table that is not the body's (a text box's), placed here; a run of table paragraphs goes on. */
  aside(table: SnapshotTable): void {
    this.blocks.push(table);
  }

  /** A body paragraph, made with its ordinal among the body's paragraphs. */
  paragraph(make: (paragraphIndex: number) => SnapshotParagraph): void {
    this.inTable = false;
    this.blocks.push(make(this.paragraphIndex++));
  }

  /** The blocks, with any table no paragraph stood for at the end. */
  finish(): SnapshotBlock[] {
    while (this.next < this.tables.length)
      this.blocks.push(this.tables[this.next++] as SnapshotTable);
    return this.blocks;
  }
}
