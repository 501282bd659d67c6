/** Shared by the four balance rules: turn failed relations into findings. */
import { columnName, rowName } from "../formats/describe";
import type { RelationRule } from "../formats/relations";
import type { DataCell } from "../recognize/model";
import type { RelationEvaluation } from "./evaluate";
import {
  cellAnchor,
  tableLocation,
  type Anchor,
  type RuleContext,
  type RuleFinding,
} from "./types";

export function failedRelations(
  context: RuleContext,
  rule: RelationRule,
  describe: (evaluation: RelationEvaluation) => string,
): RuleFinding[] {
  return context.evaluations
    .filter((e) => e.relation.rule === rule && e.status === "fails")
    .map((e) => ({
      message: describe(e),
      location: tableLocation(e.relation.location),
      expected: e.expectedSum,
      actual: e.actualSum,
      anchors: anchorsOf([...e.actualCells, ...e.expectedCells]),
    }));
}

/**
 * Failed relations that a row's 总计 is the sum of its other cells, each term named:
 * "row：a 1 + b 2 = 3，但总计为 4，相差 1".
 */
export function failedRowTotals(
  context: RuleContext,
  rule: "table3-row-total" | "table4-total",
): RuleFinding[] {
  const format = context.model.spec;
  return failedRelations(context, rule, (e) => {
    const { table, row } = e.relation.location;
    const terms = e.expectedCells
      .map((c) => `${columnName(format, table, c.key.column)} ${figure(c)}`)
      .join(" + ");
    return `${rowName(format, table, row)}：${terms} = ${e.expectedSum}，但总计为 ${e.actualSum}，${difference(e)}`;
  });
}

export function anchorsOf(cells: DataCell[]): Anchor[] {
  return cells.map((c) => cellAnchor(c.anchor)).filter((a): a is Anchor => a !== null);
}

export function figure(cell: DataCell): string {
  return cell.value.kind === "number" ? String(cell.value.value) : "空";
}

export function difference(e: RelationEvaluation): string {
  return `相差 ${Math.round(Math.abs(e.expectedSum - e.actualSum) * 1e6) / 1e6}`;
}
