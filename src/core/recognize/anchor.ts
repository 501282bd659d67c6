/**
 * Cell anchors with their nesting path (model.ts, CellAnchor): keys, copies and lookups that
 * every consumer (marks, annotation, hosts) shares, so a cell of a nested table is never taken
 * for the cell of the top-level table at the same row and index.
 */
import type { DocumentSnapshot, SnapshotCell, SnapshotTable } from "../model/snapshot";
import type { CellAnchor, NestingStep, TableAddress } from "./model";

/** The anchor's path, [] for a cell of a top-level table. */
export function nestingOf(at: Pick<CellAnchor, "nesting">): NestingStep[] {
  return at.nesting ?? [];
}

export function isNested(at: Pick<CellAnchor, "nesting">): boolean {
  return nestingOf(at).length > 0;
}

/** A key naming the physical table: equal for two addresses exactly when they name the same table. */
export function tableKey(at: TableAddress): string {
  const path = nestingOf(at)
    .map((s) => `${s.rowIndex}.${s.cellIndex}.${s.tableOrdinal}`)
    .join("/");
  return path ? `${at.tableIndex}>${path}` : `${at.tableIndex}`;
}

/** A key naming the cell: equal for two anchors exactly when they name the same cell. */
export function anchorKey(at: CellAnchor): string {
  return `${tableKey(at)}:${at.rowIndex}/${at.cellIndex}`;
}

/** Only the position of an anchor (a mark, a write, a finding's anchor), path included. */
export function anchorPosition(at: CellAnchor): CellAnchor {
  const nesting = nestingOf(at);
  return {
    tableIndex: at.tableIndex,
    rowIndex: at.rowIndex,
    cellIndex: at.cellIndex,
    ...(nesting.length > 0 ? { nesting: nesting.map((s) => ({ ...s })) } : {}),
  };
}

/** The address of the table an anchor's cell is in. */
export function tableAddressOf(at: TableAddress): TableAddress {
  const nesting = nestingOf(at);
  return { tableIndex: at.tableIndex, ...(nesting.length > 0 ? { nesting } : {}) };
}

/** Follows a nesting path down from a table; null when a step names nothing. */
export function descend(
  table: SnapshotTable,
  nesting: readonly NestingStep[],
): SnapshotTable | null {
  let current: SnapshotTable | null = table;
  for (const step of nesting) {
    current =
      current?.rows[step.rowIndex]?.cells[step.cellIndex]?.nestedTables[step.tableOrdinal] ?? null;
    if (!current) return null;
  }
  return current;
}

/** The top-level table with this ordinal (text-box tables, at -1, are never addressed). */
export function topLevelTable(
  snapshot: DocumentSnapshot,
  tableIndex: number,
): SnapshotTable | null {
  if (tableIndex < 0) return null;
  return (
    snapshot.blocks.find(
      (b): b is SnapshotTable => b.kind === "table" && b.tableIndex === tableIndex,
    ) ?? null
  );
}

/** The physical table an address names in a snapshot, or null. */
export function tableAt(snapshot: DocumentSnapshot, at: TableAddress): SnapshotTable | null {
  const top = topLevelTable(snapshot, at.tableIndex);
  return top ? descend(top, nestingOf(at)) : null;
}

/** The cell an anchor names in a snapshot, or null. */
export function cellAtAnchor(snapshot: DocumentSnapshot, at: CellAnchor): SnapshotCell | null {
  return tableAt(snapshot, at)?.rows[at.rowIndex]?.cells[at.cellIndex] ?? null;
}
