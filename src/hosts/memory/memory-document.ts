/**
 * A document held in memory: paragraphs and tables with cell shading, comments, custom XML
 * parts and a selection. The demo host edits it directly; the fake Word and WPS object models
 * in the tests put their documented APIs in front of it. Comments and the selection hold the
 * paragraph or cell itself, so inserting content does not move them, as in a real editor.
 */
import {
  buildGrid,
  descend,
  readDocument,
  type Anchor,
  type DocumentSnapshot,
  type NestingStep,
  type SnapshotBlock,
  type SnapshotCell,
  type SnapshotParagraph,
  type SnapshotRow,
  type SnapshotTable,
} from "../../core";

export type Target =
  | { kind: "paragraph"; paragraph: SnapshotParagraph }
  | { kind: "cell"; table: SnapshotTable; cell: SnapshotCell };

export interface MemoryComment {
  id: string;
  text: string;
  author: string;
  /** The initials shown in the comment balloon, where the writer set them. */
  initials?: string;
  target: Target;
}

export interface MemoryPart {
  id: string;
  xml: string;
}

export class MemoryDocument {
  comments: MemoryComment[] = [];
  parts: MemoryPart[] = [];
  selection: Target | null = null;
  /** Counts changes, for views that redraw when the document changes. */
  version = 0;
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  constructor(public blocks: SnapshotBlock[]) {
    this.renumber();
    const first = this.blocks.find((b): b is SnapshotParagraph => b.kind === "paragraph");
    if (first) this.selection = { kind: "paragraph", paragraph: first };
  }

  static fromDocx(input: Uint8Array | string): MemoryDocument {
    return new MemoryDocument(readDocument(input).blocks);
  }

  /** A deep copy, as a host would read it. */
  snapshot(): DocumentSnapshot {
    return structuredClone({ blocks: this.blocks });
  }

  /** The body's top-level tables, in order (text-box tables are not among them). */
  tables(): SnapshotTable[] {
    return this.blocks.filter((b): b is SnapshotTable => b.kind === "table" && !b.origin);
  }

  paragraphs(): SnapshotParagraph[] {
    return this.blocks.filter((b): b is SnapshotParagraph => b.kind === "paragraph");
  }

  resolve(anchor: Anchor): Target | null {
    if (anchor.kind === "paragraph") {
      const paragraph = this.paragraphs()[anchor.paragraphIndex];
      return paragraph ? { kind: "paragraph", paragraph } : null;
    }
    const top = this.tables()[anchor.tableIndex];
    const table = top ? descend(top, anchor.nesting ?? []) : null;
    const cell = table?.rows[anchor.rowIndex]?.cells[anchor.cellIndex];
    return table && cell ? { kind: "cell", table, cell } : null;
  }

  anchorOf(target: Target): Anchor | null {
    if (target.kind === "paragraph") {
      const index = this.paragraphs().indexOf(target.paragraph);
      return index < 0 ? null : { kind: "paragraph", paragraphIndex: index };
    }
    const path = this.pathTo(target.table);
    if (!path) return null;
    for (const [rowIndex, row] of target.table.rows.entries()) {
      const cellIndex = row.cells.indexOf(target.cell);
      if (cellIndex >= 0)
        return {
          kind: "cell",
          tableIndex: path.tableIndex,
          rowIndex,
          cellIndex,
          ...(path.nesting.length > 0 && { nesting: path.nesting }),
        };
    }
    return null;
  }

  /** Where a table is: its top-level table's ordinal and the path down to it. */
  private pathTo(table: SnapshotTable): { tableIndex: number; nesting: NestingStep[] } | null {
    const search = (current: SnapshotTable, nesting: NestingStep[]): NestingStep[] | null => {
      if (current === table) return nesting;
      for (const [rowIndex, row] of current.rows.entries())
        for (const [cellIndex, cell] of row.cells.entries())
          for (const [tableOrdinal, inner] of cell.nestedTables.entries()) {
            const found = search(inner, [...nesting, { rowIndex, cellIndex, tableOrdinal }]);
            if (found) return found;
          }
      return null;
    };
    for (const [tableIndex, top] of this.tables().entries()) {
      const nesting = search(top, []);
      if (nesting) return { tableIndex, nesting };
    }
    return null;
  }

  setShading(cell: SnapshotCell, shading: string | null): void {
    cell.shading = shading;
    this.changed();
  }

  setText(cell: SnapshotCell, text: string): void {
    cell.text = text;
    this.changed();
  }

  addComment(target: Target, text: string, author: string, initials?: string): MemoryComment {
    const comment: MemoryComment = {
      id: `c${this.nextId++}`,
      text,
      author,
      ...(initials !== undefined ? { initials } : {}),
      target,
    };
    this.comments.push(comment);
    this.changed();
    return comment;
  }

  removeComment(id: string): void {
    this.comments = this.comments.filter((c) => c.id !== id);
    this.changed();
  }

  addPart(xml: string): MemoryPart {
    const part = { id: `{part-${this.nextId++}}`, xml };
    this.parts.push(part);
    this.changed();
    return part;
  }

  removePart(id: string): void {
    this.parts = this.parts.filter((p) => p.id !== id);
    this.changed();
  }

  partsIn(namespace: string): MemoryPart[] {
    return this.parts.filter((p) => new RegExp(`xmlns="${escapeRegExp(namespace)}"`).test(p.xml));
  }

  select(target: Target): void {
    this.selection = target;
    this.changed();
  }

  /** The paragraph or top-level table holding a target. */
  blockOf(target: Target): SnapshotBlock | null {
    const holder = target.kind === "paragraph" ? target.paragraph : target.table;
    if (this.blocks.includes(holder)) return holder;
    return this.tables().find((t) => containsTable(t, holder)) ?? null;
  }

  /** Inserts these blocks (taken over, not copied) after a paragraph or top-level table, or at the end. */
  insertAfter(block: SnapshotBlock | null, blocks: SnapshotBlock[]): void {
    const at = block ? this.blocks.indexOf(block) : -1;
    this.blocks.splice(at < 0 ? this.blocks.length : at + 1, 0, ...blocks);
    this.renumber();
    this.changed();
  }

  /**
   * Inserts an empty row before `at` (at the end when `at` is the row count), shaped like the
   * row it is inserted before (or the last row), as 插入行 does in an editor: inside a vertical
   * merge the new row continues the merge, elsewhere its cells are empty and unshaded.
   */
  insertRow(table: SnapshotTable, at: number): SnapshotRow {
    const index = Math.max(0, Math.min(at, table.rows.length));
    const model = table.rows[index] ?? table.rows[table.rows.length - 1];
    const grid = buildGrid(table);
    const shape = model?.cells ?? [];
    const row: SnapshotRow = {
      cells: shape.map((cell, physicalIndex) => {
        const origin =
          index < table.rows.length && cell.verticalMerge === "continue"
            ? grid[index]?.slots[cell.gridColumn]?.cell
            : undefined;
        if (origin) origin.rowSpan += 1;
        return {
          text: "",
          gridColumn: cell.gridColumn,
          columnSpan: cell.columnSpan,
          rowSpan: 1,
          verticalMerge: origin ? "continue" : null,
          physicalIndex,
          nestedTables: [],
          shading: null,
        };
      }),
    };
    table.rows.splice(index, 0, row);
    this.changed();
    return row;
  }

  /**
   * Deletes a row as an editor does: a vertical merge it started goes on from the next row,
   * which takes over its text; one it continued is a row shorter.
   */
  deleteRow(table: SnapshotTable, at: number): void {
    const row = table.rows[at];
    if (!row) return;
    const grid = buildGrid(table);
    const next = table.rows[at + 1];
    for (const cell of row.cells) {
      if (cell.verticalMerge === "continue") {
        const origin = grid[at]?.slots[cell.gridColumn]?.cell;
        if (origin && origin !== cell) origin.rowSpan = Math.max(1, origin.rowSpan - 1);
      } else if (cell.verticalMerge === "restart") {
        const below = next?.cells.find(
          (c) => c.gridColumn === cell.gridColumn && c.verticalMerge === "continue",
        );
        if (below) {
          below.verticalMerge = cell.rowSpan > 2 ? "restart" : null;
          below.rowSpan = Math.max(1, cell.rowSpan - 1);
          below.text = cell.text;
        }
      }
    }
    table.rows.splice(at, 1);
    this.changed();
  }

  /** Deletes a top-level table; comments and the selection on it go with it. */
  deleteTable(table: SnapshotTable): void {
    const at = this.blocks.indexOf(table);
    if (at < 0) return;
    this.blocks.splice(at, 1);
    this.comments = this.comments.filter(
      (c) => c.target.kind !== "cell" || c.target.table !== table,
    );
    if (this.selection?.kind === "cell" && this.selection.table === table) this.selection = null;
    this.renumber();
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners that a table's structure was edited in place. */
  changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  private renumber(): void {
    let paragraphs = 0;
    let tables = 0;
    for (const block of this.blocks) {
      if (block.kind === "paragraph") block.paragraphIndex = paragraphs++;
      else block.tableIndex = block.origin ? -1 : tables++;
    }
  }
}

function containsTable(outer: SnapshotTable, inner: SnapshotBlock): boolean {
  return outer.rows.some((r) =>
    r.cells.some((c) => c.nestedTables.some((t) => t === inner || containsTable(t, inner))),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
