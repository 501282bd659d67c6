/**
 * Reads table 三 (收到和处理政府信息公开申请情况). Columns are found by their header labels
 * (or, in a part without a header, carried over from the previous part, or taken as the last
 * seven grid columns); rows by their labels and the （三）…（六） group they sit under.
 */
import { normalizeLabel, similarity, splitNumbering } from "../text/normalize";
import type { Table3Row, Table3Spec } from "../formats/types";
import { addCell, addIssue, makeCell, newTable, slotLabel } from "./cells";
import { originsIn, type GridRow, type GridSlot } from "./grid";
import type { RecognizedTable } from "./model";

const HEADER_WORDS =
  /申请人情况|勾稽关系|^自然人$|商业企业|科研机构|社会公益组织|法律服务机构|法人或其他组织/;
const ROW_THRESHOLD = 0.55;

type ColumnMap = Map<number, string>;

export function readTable3(rows: GridRow[], spec: Table3Spec): RecognizedTable {
  const table = newTable("table3", rows);
  // By physical table: nested and text-box tables share a tableIndex.
  const columnMaps = new Map<GridRow["source"], ColumnMap>();
  let previousMap: { width: number; map: ColumnMap } | null = null;
  const seen = new Set<string>();
  let group: string | null = null;

  for (const row of rows) {
    let map = columnMaps.get(row.source);
    if (!map) {
      const found = columnsFromHeader(
        rows.filter((r) => r.source === row.source),
        spec,
      );
      map =
        found ??
        (previousMap && previousMap.width === row.width
          ? previousMap.map
          : lastColumns(row.width, spec));
      columnMaps.set(row.source, map);
      previousMap = { width: row.width, map };
    }
    if (isHeaderRow(row)) continue;
    const firstData = Math.min(...map.keys());
    const labels = originsIn(row, 0, firstData)
      .map(slotLabel)
      .filter((t) => t !== "");
    const dataSlots = [...map.keys()].map((c) => row.slots[c] ?? null);
    if (labels.length === 0) {
      if (dataSlots.some((s) => s && s.originRow === row.rowIndex && slotLabel(s) !== "")) {
        addIssue(table, { kind: "row-unlabelled", anchor: dataSlots.find(Boolean)?.anchor });
      }
      continue;
    }
    const match = matchRow(labels, spec, group);
    if (match.kind === "group") {
      group = match.group;
      if (dataSlots.some((s) => s && s.originRow === row.rowIndex && slotLabel(s) !== "")) {
        addIssue(table, {
          kind: "group-with-figures",
          written: labels[labels.length - 1] as string,
          anchor: row.slots[0]?.anchor,
        });
      }
      continue;
    }
    if (match.kind === "none") {
      if (!/^三、?本年度办理结果$/.test(labels.join(""))) {
        addIssue(table, {
          kind: "row-extra",
          written: labels.join(" "),
          anchor: row.slots[0]?.anchor,
        });
      }
      continue;
    }
    const target = match.row;
    group = target.group ?? null;
    if (seen.has(target.key)) {
      addIssue(table, { kind: "row-repeated", row: target.key, anchor: row.slots[0]?.anchor });
      continue;
    }
    seen.add(target.key);
    if (!match.exact) {
      addIssue(table, {
        kind: "row-renamed",
        row: target.key,
        label: target.label,
        written: labels[labels.length - 1] as string,
        anchor: row.slots[0]?.anchor,
      });
    }
    const used = new Set<GridSlot>();
    for (const [column, key] of map) {
      const slot = row.slots[column] ?? null;
      const own = slot && slot.originRow === row.rowIndex && !used.has(slot) ? slot : null;
      if (own) used.add(own);
      addCell(table, makeCell({ table: "table3", row: target.key, column: key }, own, "count"));
    }
  }

  for (const row of spec.rows) {
    if (!seen.has(row.key)) {
      addIssue(table, { kind: "row-missing", row: row.key, label: row.label });
    }
  }
  return table;
}

function isHeaderRow(row: GridRow): boolean {
  return originsIn(row).some(
    (slot) => slot.originRow === row.rowIndex && HEADER_WORDS.test(slotLabel(slot)),
  );
}

function columnsFromHeader(rows: GridRow[], spec: Table3Spec): ColumnMap | null {
  const map: ColumnMap = new Map();
  for (const row of rows.filter(isHeaderRow)) {
    for (const slot of originsIn(row)) {
      if (slot.cell.columnSpan > 1) continue;
      const label = slotLabel(slot);
      const column = spec.columns.find((c) => normalizeLabel(c.label) === label);
      if (column && ![...map.values()].includes(column.key))
        map.set(slot.cell.gridColumn, column.key);
    }
  }
  if (map.size < spec.columns.length - 2) return null;
  if (map.size < spec.columns.length) fillGaps(map, spec);
  return new Map([...map].sort((a, b) => a[0] - b[0]));
}

/** Columns whose heads are missing sit between the ones found, in statutory order. */
function fillGaps(map: ColumnMap, spec: Table3Spec): void {
  const keys = spec.columns.map((c) => c.key);
  const entries = [...map].sort((a, b) => a[0] - b[0]);
  const first = entries[0];
  if (!first) return;
  const start = first[0] - keys.indexOf(first[1]);
  keys.forEach((key, i) => {
    if (![...map.values()].includes(key) && !map.has(start + i)) map.set(start + i, key);
  });
}

function lastColumns(width: number, spec: Table3Spec): ColumnMap {
  const n = spec.columns.length;
  return new Map(spec.columns.map((c, i) => [width - n + i, c.key]));
}

type RowMatch =
  | { kind: "row"; row: Table3Row; exact: boolean }
  | { kind: "group"; group: string }
  | { kind: "none" };

function matchRow(labels: string[], spec: Table3Spec, contextGroup: string | null): RowMatch {
  const item = labels[labels.length - 1] as string;
  const explicitGroup =
    labels
      .slice(0, -1)
      .map((l) => groupOf(l, spec))
      .find((g) => g !== null) ?? null;
  const ownGroup = groupOf(item, spec);
  if (
    ownGroup !== null &&
    labels.length >= 1 &&
    !spec.rows.some((r) => r.group === undefined && normalizeLabel(r.label) === item)
  ) {
    return { kind: "group", group: ownGroup };
  }
  const group = explicitGroup ?? contextGroup;
  const exact = exactRows(spec).get(item);
  if (exact && (exact.group === undefined || exact.group === group))
    return { kind: "row", row: exact, exact: true };
  const written = splitNumbering(item);
  let best: { row: Table3Row; score: number } | null = null;
  for (const row of spec.rows) {
    if (row.group !== undefined && row.group !== group) continue;
    if (row.group === undefined && written.level === "arabic" && group !== null) continue;
    const statutory = splitNumbering(normalizeLabel(row.label));
    let score = Math.max(
      similarity(written.core, statutory.core),
      prefixScore(written.core, statutory.core),
    );
    if (written.level === statutory.level && written.ordinal !== null)
      score += written.ordinal === statutory.ordinal ? 0.15 : -0.3;
    if (!best || score > best.score) best = { row, score };
  }
  if (!best || best.score < ROW_THRESHOLD) return { kind: "none" };
  return {
    kind: "row",
    row: best.row,
    exact: normalizeLabel(best.row.label) === item || isAcceptedShortening(item, best.row),
  };
}

const exactRowCache = new WeakMap<Table3Spec, Map<string, Table3Row>>();

/** Rows by their normalized statutory label: most labels match exactly, no scoring needed. */
function exactRows(spec: Table3Spec): Map<string, Table3Row> {
  let rows = exactRowCache.get(spec);
  if (!rows) {
    rows = new Map();
    for (const row of spec.rows)
      if (row.group === undefined || !rows.has(normalizeLabel(row.label)))
        rows.set(normalizeLabel(row.label), row);
    exactRowCache.set(spec, rows);
  }
  return rows;
}

/** （二）部分公开 is often printed without its counting note. */
function isAcceptedShortening(written: string, row: Table3Row): boolean {
  const statutory = normalizeLabel(row.label);
  return statutory.startsWith(written) && statutory.slice(written.length).startsWith("(");
}

/** A label cut short ("属于国家秘密" → "属于国家") still identifies its row. */
function prefixScore(written: string, statutory: string): number {
  return written.length >= 4 && statutory.startsWith(written) ? 0.8 : 0;
}

function groupOf(label: string, spec: Table3Spec): string | null {
  const written = splitNumbering(label);
  for (const group of spec.groups) {
    const statutory = splitNumbering(normalizeLabel(group.label));
    if (written.core === statutory.core) return group.key;
    if (
      written.level === "bracketed" &&
      written.ordinal === group.ordinal &&
      similarity(written.core, statutory.core) >= 0.5
    ) {
      return group.key;
    }
  }
  return null;
}
