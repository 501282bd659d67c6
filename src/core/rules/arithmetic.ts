/** Shared by the four balance rules: turn failed relations into findings. */
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

export function anchorsOf(cells: DataCell[]): Anchor[] {
  return cells.map((c) => cellAnchor(c.anchor)).filter((a): a is Anchor => a !== null);
}

export function figure(cell: DataCell): string {
  return cell.value.kind === "number" ? String(cell.value.value) : "空";
}

export function difference(e: RelationEvaluation): string {
  return `相差 ${Math.round(Math.abs(e.expectedSum - e.actualSum) * 1e6) / 1e6}`;
}
