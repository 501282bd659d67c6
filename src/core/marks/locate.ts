/**
 * Finds marked cells again by what they are, not where they were. Rows, tables and template
 * parts may have been inserted or deleted since we marked (our own 插入此部分 included), so a
 * recorded position is only a hint. The rules, in order:
 *
 * 1. An entry that names a data cell (statutory table, row key, column key) is looked for among
 *    every cell recognition gives that key, in every instance of that table in the document (an
 *    inserted template part is a second instance). Among those: first a cell in our colour
 *    holding the recorded text, then a cell in our colour whatever its text (the figure was
 *    corrected after marking: still ours); the nearest to the hint wins a tie. No candidate in
 *    our colour but one exists in a colour that is not its own either: the user recoloured it
 *    (left, reported). One holding the recorded text in its own earlier shading was never
 *    shaded or was restored by hand: nothing to do. Otherwise the cell is gone (reported), except that
 *    when the table is not recognized at all, the cell at the hint is taken only if it holds the
 *    recorded text, is in our colour, and recognition gives it no other meaning.
 * 2. An entry that names only a statutory table (a label cell a structure finding pointed at)
 *    is looked for among the cells of that table's instances holding the recorded text in our
 *    colour, then among its label cells in our colour whatever their text (the label was
 *    corrected, as the finding asked); without the table, the same hint fallback as above.
 * 3. An entry with a position only (written by version 1) is the cell at its position, ours
 *    when in our colour, as before.
 *
 * A cell is claimed by one entry at most; entries with stronger evidence choose first.
 */
import type { TableId } from "../formats/types";
import type { DocumentSnapshot, SnapshotCell, SnapshotTable } from "../model/snapshot";
import { recognize } from "../recognize";
import {
  anchorKey,
  anchorPosition,
  descend,
  nestingOf,
  tableAddressOf,
  tableKey,
} from "../recognize/anchor";
import {
  missesPart,
  type CellAnchor,
  type RecognizedTable,
  type TableAddress,
} from "../recognize/model";
import type { CellMark } from "./ledger";
import { sameCellText } from "./settle";

/** What a marked cell is, as recorded in its ledger entry. */
export interface CellMeaning {
  table: TableId;
  row?: string;
  column?: string;
}

export interface FoundCell {
  at: CellAnchor;
  cell: SnapshotCell;
}

export type Located =
  | { mark: CellMark; state: "ours"; found: FoundCell }
  | { mark: CellMark; state: "recolored"; found: FoundCell }
  /** The cell holds its text in the shading it had before we marked it: nothing to restore. */
  | { mark: CellMark; state: "unmarked"; found: FoundCell }
  | { mark: CellMark; state: "missing" };

/** Rounds of recognition for further instances of the statutory tables; each takes a table. */
const MAX_ROUNDS = 12;

/**
 * Every instance of each statutory table. A Word table that recognition reads as complete
 * statutory tables on its own (an inserted template part, a pasted copy) is an instance by
 * itself: read together, copies would be taken for one table split over pages. The other Word
 * tables are recognized in rounds: recognition takes the first run of each kind, so the Word
 * tables it used are set aside and the rest recognized again, until none is left.
 */
export function tableInstances(snapshot: DocumentSnapshot): RecognizedTable[] {
  const found: RecognizedTable[] = [];
  const used = new Set<number>();
  for (const block of snapshot.blocks) {
    if (block.kind !== "table") continue;
    const alone = Object.values(recognize({ blocks: [block] }).tables);
    if (alone.length > 0 && alone.every((t) => !t.issues.some(missesPart))) {
      found.push(...alone);
      used.add(block.tableIndex);
    }
  }
  let blocks = snapshot.blocks.filter((b) => b.kind !== "table" || !used.has(b.tableIndex));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fresh = Object.values(recognize({ blocks }).tables).filter((t) =>
      t.tableIndices.some((i) => i >= 0 && !used.has(i)),
    );
    if (fresh.length === 0) break;
    for (const table of fresh) {
      found.push(table);
      for (const i of table.tableIndices) used.add(i);
    }
    blocks = blocks.filter((b) => b.kind !== "table" || !used.has(b.tableIndex));
  }
  return found;
}

const positionKey = anchorKey;
const meaningKey = (m: { table: string; row: string; column: string }) =>
  `${m.table}\u0000${m.row}\u0000${m.column}`;

/** The document as recognition sees it: cells by meaning, meanings by position. */
export class DocumentIndex {
  private readonly byMeaning = new Map<string, CellAnchor[]>();
  private readonly meaningAt = new Map<string, CellMeaning>();
  /** The physical tables (top-level or nested) each statutory table was read from, by tableKey. */
  private readonly tablesOf = new Map<TableId, Map<string, TableAddress>>();
  private readonly tables = new Map<number, SnapshotTable>();

  constructor(snapshot: DocumentSnapshot) {
    for (const block of snapshot.blocks)
      if (block.kind === "table" && block.tableIndex >= 0) this.tables.set(block.tableIndex, block);
    for (const instance of tableInstances(snapshot)) {
      const sources = this.tablesOf.get(instance.id) ?? new Map<string, TableAddress>();
      for (const source of instance.sources ??
        instance.tableIndices.map((tableIndex) => ({ tableIndex })))
        if (source.tableIndex >= 0) sources.set(tableKey(source), tableAddressOf(source));
      this.tablesOf.set(instance.id, sources);
      for (const cell of instance.cells.values()) {
        if (cell.anchor.tableIndex < 0) continue;
        const key = meaningKey(cell.key);
        this.byMeaning.set(key, [...(this.byMeaning.get(key) ?? []), cell.anchor]);
        const at = positionKey(cell.anchor);
        if (!this.meaningAt.has(at)) this.meaningAt.set(at, { ...cell.key });
      }
    }
  }

  cell(at: CellAnchor): SnapshotCell | null {
    return this.table(at)?.rows[at.rowIndex]?.cells[at.cellIndex] ?? null;
  }

  private table(at: TableAddress): SnapshotTable | null {
    const top = this.tables.get(at.tableIndex);
    return top ? descend(top, nestingOf(at)) : null;
  }

  /** What recognition makes of the cell at a position, if anything. */
  meaningOf(at: CellAnchor): CellMeaning | null {
    const data = this.meaningAt.get(positionKey(at));
    if (data) return data;
    const key = tableKey(at);
    for (const [table, sources] of this.tablesOf) if (sources.has(key)) return { table };
    return null;
  }

  recognizes(table: TableId): boolean {
    return this.tablesOf.has(table);
  }

  /** The cells recognition gives this meaning, in every instance of its table. */
  candidates(meaning: CellMeaning): FoundCell[] {
    if (meaning.row && meaning.column) {
      const key = meaningKey({ table: meaning.table, row: meaning.row, column: meaning.column });
      return this.found(this.byMeaning.get(key) ?? []);
    }
    const anchors: CellAnchor[] = [];
    for (const source of this.tablesOf.get(meaning.table)?.values() ?? []) {
      this.table(source)?.rows.forEach((row, rowIndex) =>
        row.cells.forEach((_cell, cellIndex) => anchors.push({ ...source, rowIndex, cellIndex })),
      );
    }
    return this.found(anchors);
  }

  private found(anchors: CellAnchor[]): FoundCell[] {
    const result: FoundCell[] = [];
    for (const at of anchors) {
      const cell = this.cell(at);
      if (cell) result.push({ at, cell });
    }
    return result;
  }
}

export function sameColor(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? "").toUpperCase() === (b ?? "").toUpperCase();
}

/** How far apart two positions are; cells of different (nested) tables are far apart. */
const distance = (a: CellAnchor, b: CellAnchor) =>
  (tableKey(a) === tableKey(b) ? 0 : 1e12) +
  Math.abs(a.tableIndex - b.tableIndex) * 1e8 +
  Math.abs(a.rowIndex - b.rowIndex) * 1e4 +
  Math.abs(a.cellIndex - b.cellIndex);

const meaningOfMark = (mark: CellMark): CellMeaning | null =>
  mark.table
    ? {
        table: mark.table,
        ...(mark.row && mark.column ? { row: mark.row, column: mark.column } : {}),
      }
    : null;

/** Where each ledger entry's cell is now, and whether it is still ours to restore. */
export function locateMarks(index: DocumentIndex, marks: CellMark[]): Located[] {
  const claimed = new Set<string>();
  const results = new Map<CellMark, Located>();
  const claim = (mark: CellMark, found: FoundCell) => {
    claimed.add(positionKey(found.at));
    results.set(mark, { mark, state: "ours", found });
  };
  const free = (found: FoundCell) => !claimed.has(positionKey(found.at));
  const nearest = (mark: CellMark, cells: FoundCell[]) =>
    [...cells].sort((a, b) => distance(a.at, mark) - distance(b.at, mark))[0];

  // Data cells (known by their keys) choose before label cells (known by their text alone).
  const byMeaning = marks
    .filter((m) => {
      const meaning = meaningOfMark(m);
      return meaning !== null && index.recognizes(meaning.table);
    })
    .sort((a, b) => Number(!a.row) - Number(!b.row));
  const inOurColor = (mark: CellMark, found: FoundCell) =>
    sameColor(found.cell.shading, mark.applied);
  const holdsText = (mark: CellMark, found: FoundCell) => sameCellText(found.cell.text, mark.text);
  const candidates = new Map(
    byMeaning.map((m) => {
      const meaning = meaningOfMark(m) as CellMeaning;
      return [m, index.candidates(meaning)];
    }),
  );

  // Strongest evidence first: our colour and the recorded text; then our colour alone, for a
  // data cell whose figure was corrected after marking; last, a label cell in our colour that
  // recognition gives no data meaning (the clerk corrected the label the finding named).
  const tiers: ((mark: CellMark, found: FoundCell) => boolean)[] = [
    (m, c) => inOurColor(m, c) && holdsText(m, c),
    (m, c) => inOurColor(m, c) && meaningOfMark(m)?.row !== undefined,
    (m, c) =>
      inOurColor(m, c) &&
      meaningOfMark(m)?.row === undefined &&
      index.meaningOf(c.at)?.row === undefined,
  ];
  // Within a tier the closest mark and cell pair first, so that where several reports hold the
  // same cell with the same text (a 汇编), a mark whose own cell is gone cannot take the cell of
  // a mark recorded nearer to it.
  for (const tier of tiers) {
    const pairs: { mark: CellMark; found: FoundCell; distance: number }[] = [];
    for (const mark of byMeaning) {
      if (results.has(mark)) continue;
      for (const found of candidates.get(mark) ?? [])
        if (free(found) && tier(mark, found))
          pairs.push({ mark, found, distance: distance(found.at, mark) });
    }
    pairs.sort((a, b) => a.distance - b.distance);
    for (const { mark, found } of pairs) if (!results.has(mark) && free(found)) claim(mark, found);
  }
  for (const mark of byMeaning) {
    if (results.has(mark)) continue;
    // Our cell recoloured by the user still holds its text, in a colour of its own that is
    // neither ours nor the one it had; a cell without that evidence (another instance of the
    // table, say, blank and unshaded) is no sign of ours, which is then gone.
    const seen = nearest(
      mark,
      (candidates.get(mark) ?? []).filter(
        (c) =>
          holdsText(mark, c) &&
          !inOurColor(mark, c) &&
          !sameColor(c.cell.shading, mark.original) &&
          (c.cell.shading ?? null) !== null,
      ),
    );
    // The closest cell holding the text, when it shows the shading it had: a cell further
    // away (the same cell of another report in a 汇编) says nothing about this mark.
    const closest = nearest(
      mark,
      (candidates.get(mark) ?? []).filter((c) => holdsText(mark, c)),
    );
    const unmarked =
      seen || !closest || !free(closest) || !sameColor(closest.cell.shading, mark.original)
        ? null
        : closest;
    if (seen) results.set(mark, { mark, state: "recolored", found: seen });
    else if (unmarked) {
      claimed.add(positionKey(unmarked.at));
      results.set(mark, { mark, state: "unmarked", found: unmarked });
    } else results.set(mark, { mark, state: "missing" });
  }

  // The table is not recognized any more: the hint, where it still shows this very mark.
  for (const mark of marks) {
    if (results.has(mark) || !mark.table) continue;
    const cell = index.cell(mark);
    const found = cell ? { at: position(mark), cell } : null;
    const other = index.meaningOf(mark);
    const foreign = other !== null && other.table !== mark.table;
    if (found && free(found) && !foreign && inOurColor(mark, found) && holdsText(mark, found))
      claim(mark, found);
    else results.set(mark, { mark, state: "missing" });
  }

  // Version 1 entries: the position, as they were always cleared.
  for (const mark of marks) {
    if (results.has(mark)) continue;
    const cell = index.cell(mark);
    const found = cell ? { at: position(mark), cell } : null;
    if (!found || !free(found)) results.set(mark, { mark, state: "missing" });
    else if (inOurColor(mark, found)) claim(mark, found);
    else results.set(mark, { mark, state: "recolored", found });
  }

  return marks.map((m) => results.get(m) as Located);
}

const position = anchorPosition;
