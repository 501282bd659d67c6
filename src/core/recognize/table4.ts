/**
 * Reads table 四 (行政复议、行政诉讼). Three groups of five columns; a group is found by its
 * header (行政复议 / 未经复议直接起诉 / 复议后起诉), a column by its head when the head is
 * the statutory one, otherwise by its position in the group (heads are often cut short).
 */
import { normalizeLabel } from "../text/normalize";
import type { Table4Spec } from "../formats/types";
import { addCell, addIssue, looksLikeData, makeCell, newTable, slotLabel } from "./cells";
import { originsIn, type GridRow, type GridSlot } from "./grid";
import type { RecognizedTable } from "./model";

const HEADER_WORDS =
  /行政复议|行政诉讼|结果维持|结果纠正|其他结果|尚未审结|直接起诉|复议后起诉|^总计$/;

export function readTable4(rows: GridRow[], spec: Table4Spec): RecognizedTable {
  const table = newTable("table4", rows);
  const headerRows = rows.filter((row) =>
    originsIn(row).some((s) => s.originRow === row.rowIndex && HEADER_WORDS.test(slotLabel(s))),
  );
  const dataRows = rows.filter((row) => !headerRows.includes(row));
  const width = Math.max(...rows.map((r) => r.width));
  const groupStarts = findGroupStarts(headerRows, spec, width);
  const dataRow =
    dataRows.find((row) =>
      originsIn(row).some(
        (s) => s.originRow === row.rowIndex && slotLabel(s) !== "" && looksLikeData(s.cell.text),
      ),
    ) ?? dataRows[0];

  spec.groups.forEach((group, g) => {
    const start = groupStarts[g] as number;
    const heads = spec.columns.map((_, i) => deepestHead(headerRows, start + i));
    spec.columns.forEach((column, i) => {
      const head = heads[i];
      const byLabel = heads.findIndex(
        (h) => h !== null && slotLabel(h) === normalizeLabel(column.label),
      );
      const at = byLabel >= 0 ? byLabel : i;
      const written = head ? slotLabel(head) : "";
      if (headerRows.length > 0 && written !== normalizeLabel(column.label) && byLabel < 0) {
        const where = { group: group.key, column: column.key, label: column.label };
        addIssue(table, {
          ...(written
            ? { kind: "head-renamed", written, ...where }
            : { kind: "head-missing", ...where }),
          anchor: head?.anchor,
        });
      }
      const slot = dataRow?.slots[start + at] ?? null;
      const own = slot && dataRow && slot.originRow === dataRow.rowIndex ? slot : null;
      addCell(
        table,
        makeCell({ table: "table4", row: group.key, column: column.key }, own, "count"),
      );
    });
  });
  if (!dataRow) addIssue(table, { kind: "figures-missing" });
  return table;
}

/** First grid column of each group: from its header when found, else 0, 5 and 10 from the right edge. */
function findGroupStarts(headerRows: GridRow[], spec: Table4Spec, width: number): number[] {
  const fallbackBase = Math.max(0, width - spec.groups.length * spec.columns.length);
  return spec.groups.map((group, g) => {
    const wanted = normalizeLabel(group.label);
    for (const row of headerRows) {
      for (const slot of originsIn(row)) {
        const label = slotLabel(slot);
        const isGroup =
          g === 0
            ? label === wanted
            : label.includes(wanted) && !(g === 2 && label.includes("未经"));
        if (isGroup && slot.cell.columnSpan >= 2) return slot.cell.gridColumn;
      }
    }
    return fallbackBase + g * spec.columns.length;
  });
}

/** The head of a grid column: the lowest single-column header cell over it. */
function deepestHead(headerRows: GridRow[], column: number): GridSlot | null {
  for (let i = headerRows.length - 1; i >= 0; i--) {
    const slot = headerRows[i]?.slots[column];
    if (slot && slot.cell.columnSpan === 1 && slotLabel(slot) !== "") return slot;
  }
  return null;
}
