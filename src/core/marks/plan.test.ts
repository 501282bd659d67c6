import { check } from "../check/check";
import { readDocument } from "../ooxml/read-document";
import type { DocumentSnapshot, SnapshotTable } from "../model/snapshot";
import { BALANCED_TABLE3, statutoryReport } from "../../../test/support/docx-builder";
import { MARK_COLORS, type Ledger } from "./ledger";
import { commentText } from "./comments";
import { cellAt, planClearing, planMarking } from "./plan";

const unbalanced = () =>
  readDocument(
    statutoryReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } }),
  );

/** The snapshot as it reads after the plan's cell writes. */
function applyWrites(snapshot: DocumentSnapshot, plan: ReturnType<typeof planClearing>) {
  const copy = structuredClone(snapshot);
  for (const w of plan.cells) {
    const cell = cellAt(copy, w.tableIndex, w.rowIndex, w.cellIndex);
    if (!cell) throw new Error("write to a missing cell");
    cell.shading = w.shading;
  }
  return copy;
}

const shadings = (snapshot: DocumentSnapshot) =>
  snapshot.blocks
    .filter((b): b is SnapshotTable => b.kind === "table")
    .map((t) => t.rows.map((r) => r.cells.map((c) => c.shading ?? null)));

describe("planning marks and their clearing", () => {
  it("marks the findings' cells, remembers their own shading, and clears back to it", () => {
    const snapshot = unbalanced();
    const target = snapshot.blocks.find((b): b is SnapshotTable => b.kind === "table");
    const findings = check(snapshot).findings;
    const anchor = findings.flatMap((f) => f.anchors).find((a) => a.kind === "cell");
    if (!anchor || anchor.kind !== "cell" || !target) throw new Error("fixture has no cell");
    const own = cellAt(snapshot, anchor.tableIndex, anchor.rowIndex, anchor.cellIndex);
    if (own) own.shading = "#D9D9D9";
    const before = shadings(snapshot);

    const marking = planMarking(snapshot, { cells: [], comments: [] }, findings, {
      shading: true,
      comments: "none",
    });
    expect(marking.report.shaded).toBeGreaterThan(0);
    expect(marking.ledger.cells.find((c) => c.original === "#D9D9D9")).toBeDefined();
    const marked = applyWrites(snapshot, marking);
    expect(shadings(marked)).not.toEqual(before);
    expect(marking.cells.every((w) => Object.values(MARK_COLORS).includes(w.shading ?? ""))).toBe(
      true,
    );

    const clearing = planClearing(marked, marking.ledger);
    expect(clearing.report.restored).toBe(marking.report.shaded);
    expect(shadings(applyWrites(marked, clearing))).toEqual(before);
    expect(clearing.ledger).toEqual({ cells: [], comments: [] });
  });

  it("re-marking clears the old marks in the same writes, once per cell", () => {
    const snapshot = unbalanced();
    const findings = check(snapshot).findings;
    const options = { shading: true, comments: "none" } as const;
    const first = planMarking(snapshot, { cells: [], comments: [] }, findings, options);
    const marked = applyWrites(snapshot, first);
    const second = planMarking(marked, first.ledger, findings, options);
    expect(second.ledger.cells.map((c) => c.original)).toEqual(
      first.ledger.cells.map((c) => c.original),
    );
    const keys = second.cells.map((w) => `${w.tableIndex}/${w.rowIndex}/${w.cellIndex}`);
    expect(new Set(keys).size).toBe(keys.length);
    // With nothing but the marks changed, re-marking and clearing leave the original table.
    const clearing = planClearing(applyWrites(marked, second), second.ledger);
    expect(shadings(applyWrites(applyWrites(marked, second), clearing))).toEqual(
      shadings(snapshot),
    );
  });

  it("leaves a cell the user recolored, and reports it", () => {
    const snapshot = unbalanced();
    const marking = planMarking(snapshot, { cells: [], comments: [] }, check(snapshot).findings, {
      shading: true,
      comments: "none",
    });
    const marked = applyWrites(snapshot, marking);
    const mark = marking.ledger.cells[0];
    if (!mark) throw new Error("nothing marked");
    const cell = cellAt(marked, mark.tableIndex, mark.rowIndex, mark.cellIndex);
    if (cell) cell.shading = "#00B050";
    const clearing = planClearing(marked, marking.ledger);
    expect(clearing.report.recolored).toEqual([mark]);
    expect(
      clearing.cells.some(
        (w) =>
          w.rowIndex === mark.rowIndex &&
          w.cellIndex === mark.cellIndex &&
          w.tableIndex === mark.tableIndex,
      ),
    ).toBe(false);
  });

  it("comments every finding in reviewer mode, only missing parts otherwise, and removes its own", () => {
    const snapshot = readDocument(statutoryReport({ omitSections: ["三"] }));
    const findings = check(snapshot).findings;
    const reviewer = planMarking(snapshot, { cells: [], comments: [] }, findings, {
      shading: false,
      comments: "all",
    });
    expect(reviewer.addComments).toHaveLength(findings.length);
    expect(reviewer.addComments.map((c) => c.text)).toEqual(findings.map(commentText));
    expect(reviewer.ledger.comments).toEqual(findings.map(commentText));
    expect(reviewer.cells).toEqual([]);

    const structure = planMarking(snapshot, reviewer.ledger, findings, {
      shading: true,
      comments: "structure",
    });
    expect(structure.removeComments).toEqual(reviewer.ledger.comments);
    expect(
      structure.addComments.map((c) => findings.find((f) => c.text.includes(f.message))?.rule),
    ).toEqual(
      findings
        .filter((f) => f.rule === "section-missing" || f.rule === "table-missing")
        .map((f) => f.rule),
    );
  });

  it("reports marked cells that no longer exist and forgets them", () => {
    const ledger: Ledger = {
      cells: [
        { tableIndex: 9, rowIndex: 0, cellIndex: 0, original: null, applied: "#FFC7CE", text: "" },
      ],
      comments: [],
    };
    const clearing = planClearing(unbalanced(), ledger);
    expect(clearing.report.missing).toEqual(ledger.cells);
    expect(clearing.cells).toEqual([]);
  });
});
