/** The three statutory tables, cell for cell, derived from the format data. */
import { FORMATS } from "../formats";
import type { FormatId, TableId } from "../formats/types";
import type { TemplateCell, TemplateRow, TemplateTable } from "./model";
import { FONTS, TABLE4_FONT_SIZE, TEXT_WIDTH } from "./typesetting";

const cell = (
  text: string,
  role: TemplateCell["role"],
  columnSpan = 1,
  verticalMerge: TemplateCell["verticalMerge"] = null,
): TemplateCell => ({
  text,
  columnSpan,
  verticalMerge,
  role,
});
const below = (columnSpan = 1): TemplateCell => cell("", "header", columnSpan, "continue");
const data = (zeros: boolean, columnSpan = 1) => cell(zeros ? "0" : "", "data", columnSpan);
const row = (cells: TemplateCell[], repeatAsHeader = false): TemplateRow => ({
  cells,
  repeatAsHeader,
});

/** Splits the text width: fixed label columns, the rest shared by the data columns. */
function widths(labelWidths: number[], dataColumns: number): number[] {
  const rest = TEXT_WIDTH - labelWidths.reduce((a, b) => a + b, 0);
  const each = Math.floor(rest / dataColumns);
  return [
    ...labelWidths,
    ...Array.from({ length: dataColumns }, (_, i) =>
      i === dataColumns - 1 ? rest - each * (dataColumns - 1) : each,
    ),
  ];
}

export function table2Grid(format: FormatId, zeros = false): TemplateTable {
  const { blocks } = FORMATS[format].table2;
  // 2021: three data columns. 2019: six sub-columns, so both three- and two-value rows fit.
  const dataColumns = format === "2021" ? 3 : 6;
  const rows: TemplateRow[] = [];
  for (const block of blocks) {
    const span = dataColumns / block.columns.length;
    rows.push(row([cell(block.clause, "header", dataColumns + 1)]));
    rows.push(
      row([cell("信息内容", "header"), ...block.columns.map((c) => cell(c.label, "header", span))]),
    );
    for (const item of block.rows)
      rows.push(row([cell(item.label, "label"), ...block.columns.map(() => data(zeros, span))]));
  }
  return {
    kind: "table",
    table: "table2",
    columnWidths: widths([2835], dataColumns),
    fontSize: FONTS.table.size,
    rows,
  };
}

export function table3Grid(format: FormatId, zeros = false): TemplateTable {
  const spec = FORMATS[format].table3;
  const values = () => spec.columns.map(() => data(zeros));
  const rows: TemplateRow[] = [
    row(
      [cell(spec.cornerNote, "header", 3, "restart"), cell(spec.applicantsHeader, "header", 7)],
      true,
    ),
    row(
      [
        below(3),
        cell(spec.columns[0]?.label ?? "", "header", 1, "restart"),
        cell(spec.organizationsHeader, "header", 5),
        cell("总计", "header", 1, "restart"),
      ],
      true,
    ),
    row(
      [below(3), below(), ...spec.columns.slice(1, 6).map((c) => cell(c.label, "header")), below()],
      true,
    ),
  ];
  let inResults = false;
  let openGroup: string | undefined;
  for (const item of spec.rows) {
    if (!item.isResult && item.key !== "total") {
      rows.push(row([cell(item.label, "label", 3), ...values()]));
      continue;
    }
    const first = inResults
      ? cell("", "label", 1, "continue")
      : { ...cell(spec.resultsHeader, "label", 1, "restart"), tall: true };
    inResults = true;
    if (item.group) {
      const group = spec.groups.find((g) => g.key === item.group);
      const second =
        openGroup === item.group
          ? cell("", "label", 1, "continue")
          : cell(group?.label ?? "", "label", 1, "restart");
      openGroup = item.group;
      rows.push(row([first, second, cell(item.label, "label"), ...values()]));
    } else {
      openGroup = undefined;
      rows.push(row([first, cell(item.label, "label", 2), ...values()]));
    }
  }
  return {
    kind: "table",
    table: "table3",
    columnWidths: widths([794, 1247, 2268], spec.columns.length),
    fontSize: FONTS.table.size,
    rows,
  };
}

export function table4Grid(format: FormatId, zeros = false): TemplateTable {
  const spec = FORMATS[format].table4;
  const heads = spec.columns.map((c) => c.label);
  const [, direct, afterReview] = spec.groups;
  const rows: TemplateRow[] = [
    row([cell(spec.reviewHeader, "header", 5), cell(spec.litigationHeader, "header", 10)], true),
    row(
      [
        ...heads.map((h) => cell(h, "header", 1, "restart")),
        cell(direct?.label ?? "", "header", 5),
        cell(afterReview?.label ?? "", "header", 5),
      ],
      true,
    ),
    row(
      [
        ...heads.map(() => below()),
        ...heads.map((h) => cell(h, "header")),
        ...heads.map((h) => cell(h, "header")),
      ],
      true,
    ),
    row(spec.groups.flatMap(() => heads.map(() => data(zeros)))),
  ];
  return {
    kind: "table",
    table: "table4",
    columnWidths: widths([], 15),
    fontSize: TABLE4_FONT_SIZE,
    rows,
  };
}

export function tableGrid(format: FormatId, table: TableId, zeros = false): TemplateTable {
  if (table === "table2") return table2Grid(format, zeros);
  if (table === "table3") return table3Grid(format, zeros);
  return table4Grid(format, zeros);
}
