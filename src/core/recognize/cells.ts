/** Helpers shared by the table readers. */
import { cellId } from "../formats/relations";
import { normalizeLabel, similarity, splitNumbering } from "../text/normalize";
import { parseCellValue, type ValueKind } from "../text/numbers";
import type { CellKey, LabeledKey, TableId } from "../formats/types";
import { tableAddressOf, tableKey } from "./anchor";
import type { GridRow, GridSlot } from "./grid";
import type { DataCell, RecognizedTable, StructureIssue } from "./model";

export function slotLabel(slot: GridSlot | null | undefined): string {
  return slot ? normalizeLabel(slot.cell.text) : "";
}

export function makeCell(key: CellKey, slot: GridSlot | null, kind: ValueKind): DataCell {
  const text = slot?.cell.text ?? "";
  return {
    key,
    text,
    kind,
    value: parseCellValue(text, kind),
    anchor: slot?.anchor ?? { tableIndex: -1, rowIndex: -1, cellIndex: -1 },
  };
}

/** An empty recognized table read from these rows (of one or more Word tables). */
export function newTable(id: TableId, rows: GridRow[]): RecognizedTable {
  const sources = new Map(rows.map((r) => [tableKey(r.address), tableAddressOf(r.address)]));
  return {
    id,
    cells: new Map(),
    tableIndices: [...new Set(rows.map((r) => r.tableIndex))],
    sources: [...sources.values()],
    issues: [],
  };
}

export function addCell(table: RecognizedTable, cell: DataCell): void {
  table.cells.set(cellId(cell.key), cell);
}

/** A structure issue without its table (each member of the union keeps its own fields). */
type IssueOf<T> = T extends StructureIssue ? Omit<T, "table"> : never;

export function addIssue(table: RecognizedTable, issue: IssueOf<StructureIssue>): void {
  table.issues.push({ table: table.id, ...issue });
}

/** A text that reads as data rather than as a label: a figure, or a blank mark. */
export function looksLikeData(text: string): boolean {
  const compact = normalizeLabel(text);
  return (
    compact === "" ||
    /^[+-]?[\d,.]+(件|个|项|万元|元)?$/.test(compact) ||
    /^(-|—+|\/|无)$/.test(compact)
  );
}

export interface LabelMatch<T extends LabeledKey> {
  item: T;
  score: number;
  /** The written label equals the statutory one (after normalization). */
  exact: boolean;
}

/** Best match of a written label among statutory labels (numbering aside), or null. */
export function matchLabel<T extends LabeledKey>(
  written: string,
  candidates: T[],
  threshold = 0.6,
): LabelMatch<T> | null {
  for (const item of candidates) {
    if (normalizeLabel(item.label) === written) return { item, score: 1, exact: true };
  }
  const core = splitNumbering(written).core;
  let best: LabelMatch<T> | null = null;
  for (const item of candidates) {
    const labels = [item.label, ...(item.aliases ?? [])].map(normalizeLabel);
    const exact = labels[0] === written;
    let score = 0;
    for (const label of labels) {
      score = Math.max(score, label === written ? 1 : similarity(core, splitNumbering(label).core));
    }
    if (score >= threshold && (!best || score > best.score)) best = { item, score, exact };
  }
  return best;
}
