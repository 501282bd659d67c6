/**
 * Reads table 二 (主动公开政府信息情况): blocks under 第二十条第（X）项 headings, each with a
 * 信息内容 header row naming its columns and one row per kind of information.
 */
import { normalizeLabel } from "../text/normalize";
import type { LabeledKey, Table2Block, Table2Column, Table2Spec } from "../formats/types";
import { addCell, addIssue, makeCell, matchLabel, newTable, slotLabel } from "./cells";
import { originsIn, type GridRow, type GridSlot } from "./grid";
import type { RecognizedTable } from "./model";

const CLAUSE = /^第二十条第\(?([一二三四五六七八九十]+)\)?项/;

interface ColumnRange {
  column: Table2Column;
  from: number;
  to: number;
}

export function readTable2(rows: GridRow[], spec: Table2Spec): RecognizedTable {
  const table = newTable("table2", rows);
  const allRows = spec.blocks.flatMap((block) => block.rows.map((row) => ({ block, row })));
  const seen = new Set<string>();
  let block: Table2Block | null = null;
  let ranges: ColumnRange[] | null = null;

  for (const row of rows) {
    const origins = originsIn(row).filter((s) => s.originRow === row.rowIndex);
    const first = origins[0];
    const label = slotLabel(first);
    if (label === "") continue;
    const clause = CLAUSE.exec(label);
    if (clause) {
      block = spec.blocks.find((b) => normalizeLabel(b.clause).includes(`(${clause[1]})`)) ?? null;
      ranges = null;
      continue;
    }
    if (label === "信息内容") {
      const header = readHeader(origins.slice(1), block, spec, table);
      block = header.block;
      ranges = header.ranges;
      continue;
    }
    const candidates = block
      ? [...block.rows.map((r) => ({ block: block as Table2Block, row: r })), ...allRows]
      : allRows;
    const match = matchLabel(
      label,
      candidates.map((c) => c.row),
    );
    const found = match ? candidates.find((c) => c.row === match.item) : undefined;
    if (!match || !found || seen.has(found.row.key)) {
      addIssue(table, {
        kind: "row-extra",
        written: first?.cell.text.trim() ?? "",
        anchor: first?.anchor,
      });
      continue;
    }
    seen.add(found.row.key);
    if (!match.exact) {
      addIssue(table, {
        kind: "row-renamed",
        row: found.row.key,
        label: found.row.label,
        written: first?.cell.text.trim() ?? "",
        anchor: first?.anchor,
      });
    }
    if (block !== found.block) {
      block = found.block;
      ranges = null;
    }
    const columnRanges = ranges ?? positionalRanges(found.block, row);
    for (const range of columnRanges) {
      const slot = valueSlot(row, range);
      addCell(
        table,
        makeCell(
          { table: "table2", row: found.row.key, column: range.column.key },
          slot,
          range.column.kind,
        ),
      );
    }
  }

  for (const { row } of allRows) {
    if (!seen.has(row.key)) {
      addIssue(table, { kind: "row-missing", row: row.key, label: row.label });
    }
  }
  return table;
}

function readHeader(
  heads: GridSlot[],
  block: Table2Block | null,
  spec: Table2Spec,
  table: RecognizedTable,
): { block: Table2Block | null; ranges: ColumnRange[] } {
  const blocks = block ? [block, ...spec.blocks] : spec.blocks;
  let chosen = block;
  const ranges: ColumnRange[] = [];
  for (const head of heads) {
    const label = slotLabel(head);
    if (label === "") continue;
    const columns: (Table2Column & LabeledKey)[] = (chosen ? [chosen] : blocks).flatMap(
      (b) => b.columns,
    );
    const match = matchLabel(label, columns, 0.5);
    if (!match) continue;
    chosen ??= spec.blocks.find((b) => b.columns.includes(match.item)) ?? null;
    ranges.push({
      column: match.item,
      from: head.cell.gridColumn,
      to: head.cell.gridColumn + head.cell.columnSpan - 1,
    });
    if (!match.exact) {
      addIssue(table, {
        kind: "head-renamed",
        column: match.item.key,
        label: match.item.label,
        written: head.cell.text.trim(),
        anchor: head.anchor,
      });
    }
  }
  return { block: chosen, ranges };
}

/** Without a header row: the data cells after the label, in statutory order. */
function positionalRanges(block: Table2Block, row: GridRow): ColumnRange[] {
  const cells = originsIn(row)
    .filter((s) => s.originRow === row.rowIndex)
    .slice(1);
  return block.columns.map((column, i) => {
    const cell = cells[i];
    const from = cell ? cell.cell.gridColumn : row.width;
    return { column, from, to: cell ? from + cell.cell.columnSpan - 1 : row.width };
  });
}

/** The cell holding the value under a header range: the first non-empty one it overlaps. */
function valueSlot(row: GridRow, range: ColumnRange): GridSlot | null {
  const slots = originsIn(row, range.from, range.to + 1).filter(
    (s) => s.originRow === row.rowIndex,
  );
  return slots.find((s) => slotLabel(s) !== "") ?? slots[0] ?? null;
}
