/**
 * A table's grid from its cells as WPS lists them (Range.Cells: each cell's row, column number
 * and width), for WPS builds that give no OOXML. Pure: no WPS call, so it is tested on its own.
 * A column number skipped in a row is a cell covered by a vertical merge, as wide as the cell
 * above it; the cells' edges across all rows give the grid, and so each cell's grid column and
 * span.
 */
import type { SnapshotCell, SnapshotTable } from "../../core";

export interface ListedCell {
  /** 0-based, as WPS's RowIndex less one. */
  row: number;
  /** 0-based, as WPS's ColumnIndex less one: the cell's place among its row's cells. */
  column: number;
  /** In points. */
  width: number;
  text: string;
  shading: string | null;
}

/** Widths come in points with rounding: edges within half a point are one edge. */
const near = (a: number, b: number) => Math.abs(a - b) < 0.5;

interface Laid {
  left: number;
  right: number;
  cell: ListedCell | null;
}

export function gridFromCells(found: readonly ListedCell[], tableIndex: number): SnapshotTable {
  const rowCount = Math.max(0, ...found.map((c) => c.row + 1));
  const laid: Laid[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const inRow = found.filter((c) => c.row === r);
    const width = Math.max(0, ...inRow.map((c) => c.column + 1));
    let x = 0;
    laid[r] = Array.from({ length: width }, (_, i) => {
      const cell = inRow.find((c) => c.column === i) ?? null;
      const above = laid[r - 1]?.find((e) => near(e.left, x));
      const left = x;
      x += cell ? cell.width : above ? above.right - above.left : 0;
      return { left, right: x, cell };
    });
  }
  const edges = [...new Set(laid.flat().flatMap((e) => [e.left, e.right]))]
    .sort((a, b) => a - b)
    .filter((edge, i, all) => i === 0 || !near(edge, all[i - 1] as number));
  const column = (x: number) =>
    Math.max(
      0,
      edges.findIndex((edge) => near(edge, x)),
    );
  const rows = laid.map((row) => ({
    cells: row.map((e, i): SnapshotCell => ({
      text: e.cell?.text ?? "",
      gridColumn: column(e.left),
      columnSpan: Math.max(1, column(e.right) - column(e.left)),
      rowSpan: 1,
      verticalMerge: e.cell ? null : "continue",
      physicalIndex: i,
      nestedTables: [],
      shading: e.cell?.shading ?? null,
    })),
  }));
  rows.forEach((row, r) =>
    row.cells.forEach((cell) => {
      if (cell.verticalMerge !== "continue") return;
      for (let above = r - 1; above >= 0; above--) {
        const over = rows[above]?.cells.find((c) => c.gridColumn === cell.gridColumn);
        if (!over || over.verticalMerge === "continue") continue;
        over.verticalMerge ??= "restart";
        over.rowSpan++;
        break;
      }
    }),
  );
  return { kind: "table", tableIndex, gridColumnCount: Math.max(0, edges.length - 1), rows };
}
