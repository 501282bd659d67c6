/**
 * Builds content with WPS's own table calls when InsertXML is refused: paragraphs typed in
 * with their heading styles, tables added as plain grids, filled, then merged from the bottom
 * right so that no merge renumbers a cell a later merge still has to name.
 */
import type { SnapshotBlock, SnapshotTable } from "../../core/model/snapshot";
import { WD_COLLAPSE_END, type WpsDocument, type WpsRange, type WpsTable } from "./wps-api";

/** wdStyleHeading1 is -2, wdStyleHeading2 -3, and so on. */
const headingStyle = (level: number) => -1 - level;

export function insertByBuilding(doc: WpsDocument, at: WpsRange, blocks: SnapshotBlock[]): void {
  let range = at;
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      range.InsertAfter(block.text);
      range.InsertParagraphAfter();
      if (block.headingLevel !== null) range.Style = headingStyle(block.headingLevel);
      range.Collapse(WD_COLLAPSE_END);
      continue;
    }
    const table = doc.Tables.Add(range, block.rows.length, block.gridColumnCount);
    fill(table, block);
    merge(table, block);
    range = table.Range;
    range.Collapse(WD_COLLAPSE_END);
  }
}

function fill(table: WpsTable, block: SnapshotTable): void {
  block.rows.forEach((row, r) => {
    for (const cell of row.cells) {
      if (cell.text && cell.verticalMerge !== "continue")
        table.Cell(r + 1, cell.gridColumn + 1).Range.Text = cell.text;
    }
  });
}

function merge(table: WpsTable, block: SnapshotTable): void {
  // Where each current cell of each row starts, in grid columns; covered cells stay counted.
  const starts = block.rows.map(() => Array.from({ length: block.gridColumnCount }, (_, g) => g));
  const spans = block.rows
    .flatMap((row, r) =>
      row.cells
        .filter((c) => c.verticalMerge !== "continue" && (c.columnSpan > 1 || c.rowSpan > 1))
        .map((c) => ({ r, g: c.gridColumn, rows: c.rowSpan, columns: c.columnSpan })),
    )
    .sort((a, b) => b.r - a.r || b.g - a.g);
  const indexOf = (row: number, column: number) => {
    const cells = starts[row] ?? [];
    let index = 0;
    while (index + 1 < cells.length && (cells[index + 1] ?? Infinity) <= column) index++;
    return index + 1;
  };
  for (const span of spans) {
    const bottom = span.r + span.rows - 1;
    const right = span.g + span.columns - 1;
    const from = table.Cell(span.r + 1, indexOf(span.r, span.g));
    const to = table.Cell(bottom + 1, indexOf(bottom, right));
    from.Merge(to);
    for (let row = span.r; row <= bottom; row++)
      starts[row] = (starts[row] ?? []).filter((g) => g <= span.g || g > right);
  }
}
