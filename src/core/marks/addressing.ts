/**
 * How a host may number a table's cells, and where a snapshot cell sits under each numbering.
 * Our reader numbers a row's cells in w:tc order (vertical-merge continuation cells counted)
 * and drops rows deleted under track changes; Word's getCell(r, c) is documented only as "the
 * index of the cell in the row", and Word keeps a deleted row until the revision is accepted.
 * A host that reads a cell's text before writing it can try each numbering and keep the one
 * under which the cells hold the text we checked.
 */
import { DEFAULT_LIMITS } from "../ooxml/limits";
import { parseXml } from "../ooxml/xml";
import type { SnapshotTable } from "../model/snapshot";

export interface Addressing {
  /** Vertical-merge continuation cells take an index in their row (our reader's numbering). */
  continuationsCounted: boolean;
  /** Rows deleted under track changes keep their index (our reader drops them). */
  deletedRowsCounted: boolean;
}

/** Every numbering a host may use, the reader's own first. */
export const ADDRESSINGS: readonly Addressing[] = [
  { continuationsCounted: true, deletedRowsCounted: false },
  { continuationsCounted: false, deletedRowsCounted: false },
  { continuationsCounted: true, deletedRowsCounted: true },
  { continuationsCounted: false, deletedRowsCounted: true },
];

export interface CellAddress {
  rowIndex: number;
  cellIndex: number;
}

/**
 * The row positions (in w:tr order, 0-based) of the rows the first top-level table of this
 * OOXML (a flat-OPC package or a bare document part) marks as deleted (w:trPr/w:del).
 */
export function deletedRowsIn(ooxml: string): number[] {
  if (!/<w:del[\s/>]/.test(ooxml)) return [];
  const deleted: number[] = [];
  const stack: string[] = [];
  let tableDepth = 0;
  let done = false;
  let row = -1;
  parseXml(
    ooxml,
    {
      open(name) {
        stack.push(name);
        if (done) return;
        if (name === "w:tbl") tableDepth++;
        else if (name === "w:tr" && tableDepth === 1) row++;
        else if (
          name === "w:del" &&
          tableDepth === 1 &&
          stack[stack.length - 2] === "w:trPr" &&
          stack[stack.length - 3] === "w:tr" &&
          deleted[deleted.length - 1] !== row
        )
          deleted.push(row);
      },
      close(name) {
        stack.pop();
        if (name !== "w:tbl" || done) return;
        tableDepth--;
        if (tableDepth === 0) done = true;
      },
      text() {},
    },
    DEFAULT_LIMITS,
    "table OOXML",
  );
  return deleted;
}

/**
 * Where the snapshot's cell (rowIndex, cellIndex) is under a numbering, or null when that
 * numbering gives the cell no index (a continuation cell when continuations are not counted).
 * deletedRows are the table's deleted row positions (deletedRowsIn).
 */
export function addressUnder(
  table: SnapshotTable,
  deletedRows: readonly number[],
  addressing: Addressing,
  rowIndex: number,
  cellIndex: number,
): CellAddress | null {
  const row = table.rows[rowIndex];
  const cell = row?.cells[cellIndex];
  if (!row || !cell) return null;
  let cellAt = cellIndex;
  if (!addressing.continuationsCounted) {
    if (cell.verticalMerge === "continue") return null;
    cellAt = row.cells.slice(0, cellIndex).filter((c) => c.verticalMerge !== "continue").length;
  }
  const rowAt = addressing.deletedRowsCounted ? rowPosition(deletedRows, rowIndex) : rowIndex;
  return { rowIndex: rowAt, cellIndex: cellAt };
}

/** The w:tr position of the rowIndex-th row that is not deleted. */
function rowPosition(deletedRows: readonly number[], rowIndex: number): number {
  const deleted = new Set(deletedRows);
  let kept = -1;
  for (let position = 0; ; position++) {
    if (deleted.has(position)) continue;
    if (++kept === rowIndex) return position;
  }
}

/** The numberings that address this table differently, the reader's own first. */
export function distinctAddressings(
  table: SnapshotTable,
  deletedRows: readonly number[],
): Addressing[] {
  const hasContinuations = table.rows.some((r) =>
    r.cells.some((c) => c.verticalMerge === "continue"),
  );
  return ADDRESSINGS.filter(
    (a) =>
      (hasContinuations || a.continuationsCounted) &&
      (deletedRows.length > 0 || !a.deletedRowsCounted),
  );
}
