/**
 * The arithmetic relations (勾稽关系) of a format, as data. Each says: the sum of `expected`
 * cells equals the sum of `actual` cells. The names follow the JSON report: `expected` is the
 * side computed from the parts, `actual` the figure the report states.
 */
import { TABLE3_APPLICANT_COLUMNS } from "./common";
import type { CellKey, ReportFormat } from "./types";

export type RelationRule =
  "table3-row-total" | "table3-results-total" | "table3-balance" | "table4-total";

export interface Relation {
  rule: RelationRule;
  expected: CellKey[];
  actual: CellKey[];
  /** The cell a finding points at. */
  location: CellKey;
  /** `cellId`s of `expected` and `actual`, computed once. */
  expectedIds: string[];
  actualIds: string[];
}

const t3 = (row: string, column: string): CellKey => ({ table: "table3", row, column });

const cache = new WeakMap<ReportFormat, Relation[]>();

/** The relations of a format; built once per format, they never change. */
export function relationsOf(format: ReportFormat): Relation[] {
  let relations = cache.get(format);
  if (!relations) {
    relations = buildRelations(format);
    cache.set(format, relations);
  }
  return relations;
}

function buildRelations(format: ReportFormat): Relation[] {
  const relations: Omit<Relation, "expectedIds" | "actualIds">[] = [];
  const { rows, columns } = format.table3;
  for (const row of rows) {
    relations.push({
      rule: "table3-row-total",
      expected: TABLE3_APPLICANT_COLUMNS.map((column) => t3(row.key, column)),
      actual: [t3(row.key, "total")],
      location: t3(row.key, "total"),
    });
  }
  const resultRows = rows.filter((row) => row.isResult).map((row) => row.key);
  for (const { key: column } of columns) {
    relations.push({
      rule: "table3-results-total",
      expected: resultRows.map((row) => t3(row, column)),
      actual: [t3("total", column)],
      location: t3("total", column),
    });
  }
  for (const { key: column } of columns) {
    relations.push({
      rule: "table3-balance",
      expected: [t3("new", column), t3("carried", column)],
      actual: [t3("total", column), t3("carryForward", column)],
      location: t3("total", column),
    });
  }
  for (const { key: group } of format.table4.groups) {
    const cell = (column: string): CellKey => ({ table: "table4", row: group, column });
    relations.push({
      rule: "table4-total",
      expected: ["upheld", "corrected", "other", "pending"].map(cell),
      actual: [cell("total")],
      location: cell("total"),
    });
  }
  return relations.map((r) => ({
    ...r,
    expectedIds: r.expected.map(cellId),
    actualIds: r.actual.map(cellId),
  }));
}

export function cellId(key: CellKey): string {
  return `${key.table}/${key.row}/${key.column}`;
}
