/**
 * Evaluates the relations of a format against a recognized report, applying the blank-cell
 * convention once for every rule: a relation fails only when no non-negative values in its
 * blank cells could make it hold; where one blank could, that blank's balancing value is kept.
 */
import { relationsOf, type Relation } from "../formats/relations";
import { addExact } from "../text/numbers";
import type { DataCell, ReportModel } from "../recognize/model";

export interface RelationEvaluation {
  relation: Relation;
  /** holds; fails; fixable (a value in a blank cell would make it hold); unknown (a cell is missing or invalid). */
  status: "holds" | "fails" | "fixable" | "unknown";
  expectedCells: DataCell[];
  actualCells: DataCell[];
  expectedSum: number;
  actualSum: number;
  /** When exactly one cell of the relation is blank: the value that balances it. */
  implied: { cell: DataCell; value: number } | null;
}

export function evaluateRelations(model: ReportModel): RelationEvaluation[] {
  return relationsOf(model.spec).map((relation) => evaluate(relation, model));
}

function evaluate(relation: Relation, model: ReportModel): RelationEvaluation {
  const tableCells = model.tables[relation.location.table]?.cells;
  const lookup = (ids: string[]) => ids.map((id) => tableCells?.get(id));
  const expected = lookup(relation.expectedIds);
  const actual = lookup(relation.actualIds);
  const complete = (cells: (DataCell | undefined)[]): cells is DataCell[] =>
    cells.every((c) => c !== undefined);
  const base = { relation, expectedSum: 0, actualSum: 0, implied: null };
  if (!complete(expected) || !complete(actual)) {
    return {
      ...base,
      status: "unknown",
      expectedCells: expected.filter(Boolean) as DataCell[],
      actualCells: actual.filter(Boolean) as DataCell[],
    };
  }
  const cells = [...expected, ...actual];
  if (cells.some((c) => c.value.kind === "invalid")) {
    return { ...base, status: "unknown", expectedCells: expected, actualCells: actual };
  }
  const sum = (side: DataCell[]) =>
    addExact(side.map((c) => (c.value.kind === "number" ? c.value.value : 0)));
  const expectedSum = sum(expected);
  const actualSum = sum(actual);
  const blanksExpected = expected.filter((c) => c.value.kind === "blank");
  const blanksActual = actual.filter((c) => c.value.kind === "blank");
  const blanks = [...blanksExpected, ...blanksActual];

  let status: RelationEvaluation["status"];
  if (expectedSum === actualSum) status = "holds";
  else if (expectedSum < actualSum) status = blanksExpected.length > 0 ? "fixable" : "fails";
  else status = blanksActual.length > 0 ? "fixable" : "fails";

  let implied: RelationEvaluation["implied"] = null;
  const only = blanks.length === 1 ? blanks[0] : undefined;
  if (only && status !== "fails") {
    const value = Math.abs(addExact([expectedSum, -actualSum]));
    implied = { cell: only, value };
  }
  return {
    relation,
    status,
    expectedCells: expected,
    actualCells: actual,
    expectedSum,
    actualSum,
    implied,
  };
}
