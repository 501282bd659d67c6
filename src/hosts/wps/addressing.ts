/**
 * How WPS may number a table's cells, computed from the snapshot we read. The snapshot numbers
 * cells by their OOXML w:tc order: cells covered by a vertical merge counted, tracked-deleted
 * rows dropped. Whether WPS's Table.Cell(r, c) counts the same way is not documented (VBA's
 * MS-DOC model counts covered cells; a deleted row stays in the table until the revision is
 * accepted), so each plausible numbering is tried and the cell's text decides.
 */
import type { SnapshotTable } from "../../core";

export interface Addressing {
  /** Cell(r, c) counts the cells covered by a vertical merge, as the w:tc order does. */
  coveredCellsCounted: boolean;
  /** Tracked-deleted rows above the row that WPS still counts (our reader drops them). */
  deletedRowsAbove: number;
}

/** Our reader's own numbering. */
export const READER_ADDRESSING: Addressing = { coveredCellsCounted: true, deletedRowsAbove: 0 };

/** A cell's place in WPS's numbering: 1-based, as Table.Cell takes it. */
export interface HostAddress {
  row: number;
  column: number;
}

/** Where a snapshot cell is under an addressing; null for a covered cell, which has none. */
export function hostAddress(
  table: SnapshotTable,
  rowIndex: number,
  cellIndex: number,
  addressing: Addressing,
): HostAddress | null {
  const cells = table.rows[rowIndex]?.cells;
  const cell = cells?.[cellIndex];
  if (!cells || !cell || cell.verticalMerge === "continue") return null;
  const column = addressing.coveredCellsCounted
    ? cellIndex
    : cells.slice(0, cellIndex).filter((c) => c.verticalMerge !== "continue").length;
  return { row: rowIndex + 1 + addressing.deletedRowsAbove, column: column + 1 };
}

/**
 * Every addressing worth trying when WPS counts `extraRows` more rows than the snapshot holds
 * (its deleted rows may lie above any row), the reader's own first.
 */
export function addressings(extraRows: number): Addressing[] {
  const all: Addressing[] = [];
  for (let deleted = 0; deleted <= Math.max(0, extraRows); deleted++)
    for (const coveredCellsCounted of [true, false])
      all.push({ coveredCellsCounted, deletedRowsAbove: deleted });
  return all;
}

/**
 * The addressable cells of a snapshot row with their texts, placed by an addressing: reading
 * them all back from WPS recognises the row, where one cell's text (often "0") cannot.
 */
export function rowSignature(
  table: SnapshotTable,
  rowIndex: number,
  addressing: Addressing,
): (HostAddress & { text: string })[] {
  const cells = table.rows[rowIndex]?.cells ?? [];
  const signature: (HostAddress & { text: string })[] = [];
  cells.forEach((cell, index) => {
    const address = hostAddress(table, rowIndex, index, addressing);
    if (address) signature.push({ ...address, text: cell.text });
  });
  return signature;
}

/**
 * Whether a cell's address alone is trustworthy: WPS counts no more rows than we read, and no
 * covered cell precedes it in its row, so every plausible numbering names the same cell.
 */
export function addressUnambiguous(
  table: SnapshotTable,
  rowIndex: number,
  cellIndex: number,
  extraRows: number,
): boolean {
  const cells = table.rows[rowIndex]?.cells ?? [];
  return extraRows === 0 && !cells.slice(0, cellIndex).some((c) => c.verticalMerge === "continue");
}
