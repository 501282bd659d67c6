/**
 * The logical grid of a Word table: for every row and grid column, the cell that covers it
 * (its origin). Horizontal merges repeat the origin across columns, vertical merges down rows.
 */
import type { SnapshotCell, SnapshotTable } from "../model/snapshot";
import type { CellAnchor, TableAddress } from "./model";

export interface GridSlot {
  cell: SnapshotCell;
  /** Row where the covering cell starts. */
  originRow: number;
  anchor: CellAnchor;
}

export interface GridRow {
  /** The top-level table's ordinal (for a nested table, the one it is nested in). */
  tableIndex: number;
  /** The physical table the row belongs to: tells apart tables sharing a tableIndex. */
  source: SnapshotTable;
  /** Where the table is: its anchors carry this path. */
  address: TableAddress;
  rowIndex: number;
  width: number;
  slots: (GridSlot | null)[];
}

/** The grid of a table; `address` locates a nested table (by default the table is top-level). */
export function buildGrid(
  table: SnapshotTable,
  address: TableAddress = { tableIndex: table.tableIndex },
): GridRow[] {
  const rows: GridRow[] = [];
  const nesting = address.nesting && address.nesting.length > 0 ? address.nesting : null;
  table.rows.forEach((row, rowIndex) => {
    const width = Math.max(
      table.gridColumnCount,
      ...row.cells.map((c) => c.gridColumn + c.columnSpan),
    );
    const slots: (GridSlot | null)[] = new Array<GridSlot | null>(width).fill(null);
    for (const cell of row.cells) {
      let slot: GridSlot = {
        cell,
        originRow: rowIndex,
        anchor: {
          tableIndex: address.tableIndex,
          rowIndex,
          cellIndex: cell.physicalIndex,
          ...(nesting && { nesting }),
        },
      };
      if (cell.verticalMerge === "continue") {
        const above = rows[rowIndex - 1]?.slots[cell.gridColumn];
        if (above) slot = above;
      }
      for (let c = cell.gridColumn; c < cell.gridColumn + cell.columnSpan && c < width; c++)
        slots[c] = slot;
    }
    rows.push({ tableIndex: address.tableIndex, source: table, address, rowIndex, width, slots });
  });
  return rows;
}

/** The distinct covering cells of a row between two grid columns, left to right. */
export function originsIn(row: GridRow, from = 0, to = row.width): GridSlot[] {
  const seen = new Set<GridSlot>();
  const result: GridSlot[] = [];
  for (let c = from; c < Math.min(to, row.width); c++) {
    const slot = row.slots[c];
    if (slot && !seen.has(slot)) {
      seen.add(slot);
      result.push(slot);
    }
  }
  return result;
}
