import { cellName, columnName, rowName, TABLE_SHORT_NAMES } from "../formats/describe";
import type { DataCell, RecognizedTable } from "../recognize/model";
import { anchorsOf } from "./arithmetic";
import {
  tableLocation,
  type FindingCell,
  type Rule,
  type RuleContext,
  type RuleFinding,
} from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

/** Blank cells named in a table's listing message; every one is in `cells`. */
const NAMED_IN_MESSAGE = 3;

export const cellBlank: Rule<"cell-blank"> = {
  meta: {
    id: "cell-blank",
    severity: "warning",
    name: "单元格未填写",
    description:
      "法定表格的数据单元格未填写（含“—”“/”“无”），按 0 计算；能由勾稽关系推出的逐格给出应填数值；整表未填为一条提示，其余空格每表一条",
    remedy: "请核实后填写。",
    basis: `${FORMAT_2021_NOTICE}一、报告内容：“不能遗漏，也不宜泛化”；表格无数据的填 0 是通行做法，格式未作规定`,
  },
  check(context) {
    const implied = impliedValues(context);
    const findings: RuleFinding[] = [];
    for (const table of Object.values(context.model.tables)) {
      const cells = [...table.cells.values()];
      const blanks = cells.filter((c) => c.value.kind === "blank");
      if (blanks.length === 0) continue;
      if (blanks.length === cells.length) {
        findings.push(unfilled(table, blanks));
        continue;
      }
      // A blank whose figure the relations give is a finding of its own, with that figure
      // (findings.md); the other blanks are a draft's gaps, listed together per table.
      const needFigure = blanks.filter((c) => (implied.get(c) ?? []).length > 0);
      const gaps = blanks.filter((c) => !needFigure.includes(c));
      for (const cell of needFigure) findings.push(oneBlank(context, cell, implied));
      if (gaps.length === 1) findings.push(oneBlank(context, gaps[0] as DataCell, implied));
      else if (gaps.length > 1) findings.push(severalBlanks(context, table, gaps, implied));
    }
    return findings;
  },
};

/** A table not yet filled in (a draft from the template): one note, not one per cell. */
function unfilled(table: RecognizedTable, blanks: DataCell[]): RuleFinding {
  const name = TABLE_SHORT_NAMES[table.id];
  return {
    severity: "info",
    message: `${name}尚未填写（${blanks.length} 个数据单元格均为空）；填报时无数据的请填 0`,
    location: { table: table.id },
    anchors: anchorsOf(blanks.slice(0, 1)),
  };
}

function oneBlank(
  context: RuleContext,
  cell: DataCell,
  implied: Map<DataCell, number[]>,
): RuleFinding {
  const values = implied.get(cell) ?? [];
  const name = cellName(context.model.spec, cell.key);
  const written = cell.text.trim() === "" ? "未填" : `填为“${cell.text.trim()}”`;
  const only = values.length === 1 ? values[0] : undefined;
  let message: string;
  if (only !== undefined) message = `${name}${written}；按勾稽关系应为 ${only}`;
  else if (values.length > 1)
    message = `${name}${written}；按不同勾稽关系应为 ${values.join(" 或 ")}，请核对`;
  else message = `${name}${written}，暂按 0 计算；无数据的请填 0`;
  return {
    message,
    location: tableLocation(cell.key),
    ...(only !== undefined && { expected: only }),
    anchors: anchorsOf([cell]),
    cells: [findingCell(cell, only)],
  };
}

function severalBlanks(
  context: RuleContext,
  table: RecognizedTable,
  blanks: DataCell[],
  implied: Map<DataCell, number[]>,
): RuleFinding {
  const spec = context.model.spec;
  const named = blanks.slice(0, NAMED_IN_MESSAGE).map((cell) => {
    const where = `“${rowName(spec, table.id, cell.key.row)}”行“${columnName(spec, table.id, cell.key.column)}”列`;
    const values = implied.get(cell) ?? [];
    return values.length > 0 ? `${where}应为 ${values.join(" 或 ")}` : where;
  });
  const more = blanks.length > NAMED_IN_MESSAGE ? "等" : "";
  return {
    message:
      `${TABLE_SHORT_NAMES[table.id]}有 ${blanks.length} 个单元格未填，暂按 0 计算：` +
      `${named.join("，")}${more}；无数据的请填 0`,
    location: { table: table.id },
    anchors: anchorsOf(blanks),
    cells: blanks.map((cell) => {
      const values = implied.get(cell) ?? [];
      return findingCell(cell, values.length === 1 ? values[0] : undefined);
    }),
  };
}

function findingCell(cell: DataCell, expected: number | undefined): FindingCell {
  return {
    row: cell.key.row,
    column: cell.key.column,
    ...(expected !== undefined && { expected }),
  };
}

/** The figures the relations imply for each blank cell (one per relation that has only it blank). */
function impliedValues(context: RuleContext): Map<DataCell, number[]> {
  const implied = new Map<DataCell, Set<number>>();
  for (const evaluation of context.evaluations) {
    if (!evaluation.implied) continue;
    const values = implied.get(evaluation.implied.cell) ?? new Set<number>();
    values.add(evaluation.implied.value);
    implied.set(evaluation.implied.cell, values);
  }
  return new Map([...implied].map(([cell, values]) => [cell, [...values]]));
}
