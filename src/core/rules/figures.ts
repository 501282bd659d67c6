/** What a table says about a quantity, for the rules that hold the prose against it. */
import { cellId } from "../formats/relations";
import type { DataCell, ReportModel } from "../recognize/model";

export interface Figure {
  /** The quantity the row states: its 总计, or the sum of its parts where that is larger. */
  value: number;
  /** The cells that show it (the 总计 first), to mark. */
  cells: DataCell[];
}

const PARTS: Record<"table3" | "table4", string[]> = {
  table3: ["natural", "commercial", "research", "social", "legal", "otherOrg"],
  table4: ["upheld", "corrected", "other", "pending"],
};

/**
 * The figure of one row of table 三 or one group of table 四: a contradiction needs only one
 * cell that is more than 0, so a blank or wrong 总计 does not hide a filled-in part. Null when
 * the table or every cell of the row is missing or not a number.
 */
export function rowFigure(
  model: ReportModel,
  table: "table3" | "table4",
  row: string,
): Figure | null {
  const cells = model.tables[table]?.cells;
  if (!cells) return null;
  const cell = (column: string): DataCell | undefined => cells.get(cellId({ table, row, column }));
  const numeric = (c: DataCell | undefined): c is DataCell => c?.value.kind === "number";
  const total = cell("total");
  const parts = PARTS[table].map(cell).filter(numeric);
  if (!numeric(total) && parts.length === 0) return null;
  const totalValue = numeric(total) ? valueOf(total) : 0;
  const partsValue = parts.reduce((n, c) => n + valueOf(c), 0);
  const shown = [
    ...(numeric(total) && totalValue > 0 ? [total] : []),
    ...parts.filter((c) => valueOf(c) > 0),
  ];
  return { value: Math.max(totalValue, partsValue), cells: shown };
}

/** The sum of several rows' figures (null when none of them can be read). */
export function rowsFigure(
  model: ReportModel,
  table: "table3" | "table4",
  rows: string[],
): Figure | null {
  const figures = rows
    .map((row) => rowFigure(model, table, row))
    .filter((f): f is Figure => f !== null);
  if (figures.length === 0) return null;
  return {
    value: figures.reduce((n, f) => n + f.value, 0),
    cells: figures.flatMap((f) => f.cells),
  };
}

function valueOf(cell: DataCell): number {
  return cell.value.kind === "number" ? cell.value.value : 0;
}
