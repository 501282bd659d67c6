/**
 * Builds content with WPS's own table calls when InsertXML is refused: paragraphs typed in
 * with their heading styles, tables added as plain grids, filled, then merged from the right
 * so that no merge renumbers a cell a later merge still has to name.
 */
import type { SnapshotBlock, SnapshotTable } from "../../core";
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

/**
 * Merges from the rightmost merge to the leftmost. Every cell a later merge names then has
 * only unmerged cells to its left in its row, so its number is its grid column whether WPS's
 * Cell(r, c) counts the cells a vertical merge covers or not (which is not documented).
 */
function merge(table: WpsTable, block: SnapshotTable): void {
  const spans = block.rows
    .flatMap((row, r) =>
      row.cells
        .filter((c) => c.verticalMerge !== "continue" && (c.columnSpan > 1 || c.rowSpan > 1))
        .map((c) => ({ r, g: c.gridColumn, rows: c.rowSpan, columns: c.columnSpan })),
    )
    .sort((a, b) => b.g - a.g || b.r - a.r);
  for (const span of spans) {
    const from = table.Cell(span.r + 1, span.g + 1);
    const to = table.Cell(span.r + span.rows, span.g + span.columns);
    from.Merge(to);
  }
}
