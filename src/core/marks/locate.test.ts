import { check } from "../check/check";
import type { DocumentSnapshot, SnapshotTable } from "../model/snapshot";
import { readDocument } from "../ooxml/read-document";
import { templateFlatOpc } from "../template/package";
import { BALANCED_TABLE3, statutoryReport } from "../../../test/support/docx-builder";
import { EMPTY_LEDGER, MARK_COLORS, type CellMark } from "./ledger";
import { DocumentIndex, locateMarks, tableInstances } from "./locate";
import { cellAt, planClearing, planMarking } from "./plan";
import { settleLedger } from "./settle";

const unbalanced = () =>
  readDocument(
    statutoryReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } }),
  );

const tables = (s: DocumentSnapshot) =>
  s.blocks.filter((b): b is SnapshotTable => b.kind === "table");

/** Marks the snapshot's findings in place and returns the ledger entries. */
function mark(snapshot: DocumentSnapshot): CellMark[] {
  const plan = planMarking(snapshot, EMPTY_LEDGER, check(snapshot).findings, {
    shading: true,
    comments: "none",
  });
  for (const w of plan.cells) {
    const cell = cellAt(snapshot, w.tableIndex, w.rowIndex, w.cellIndex);
    if (cell) cell.shading = w.shading;
  }
  return plan.ledger.cells;
}

function renumber(snapshot: DocumentSnapshot): void {
  tables(snapshot).forEach((t, i) => (t.tableIndex = i));
}

/** Inserts blocks after the first paragraph, as 插入此部分 at the title does. */
function insertAtTop(snapshot: DocumentSnapshot, blocks: DocumentSnapshot["blocks"]) {
  snapshot.blocks.splice(1, 0, ...blocks);
  renumber(snapshot);
}

const states = (snapshot: DocumentSnapshot, marks: CellMark[]) =>
  locateMarks(new DocumentIndex(snapshot), marks).map((l) => l.state);

describe("finding marks again by meaning", () => {
  it("records the statutory table, row and column of each data cell it marks", () => {
    const marks = mark(unbalanced());
    expect(marks.length).toBe(28);
    expect(marks.every((m) => m.table === "table3" && m.row && m.column)).toBe(true);
    expect(marks).toContainEqual(
      expect.objectContaining({ row: "granted", column: "total", text: "12" }),
    );
  });

  it("tells copies of a table apart from one table split over two", () => {
    const snapshot = unbalanced();
    insertAtTop(
      snapshot,
      readDocument(
        templateFlatOpc({ format: "2021", year: 2023, zeros: true }, { table: "table3" }),
      ).blocks,
    );
    const instances = tableInstances(snapshot).map((t) => [t.id, t.tableIndices]);
    expect(instances).toEqual(
      expect.arrayContaining([
        ["table3", [0]],
        ["table3", [2]],
      ]),
    );
  });

  it("picks, of two copies of a table, the cell in our colour holding the recorded text", () => {
    const snapshot = unbalanced();
    const marks = mark(snapshot);
    // A table 三 full of zeros lands before the marked one: every "0" we marked has a twin.
    insertAtTop(
      snapshot,
      readDocument(
        templateFlatOpc({ format: "2021", year: 2023, zeros: true }, { table: "table3" }),
      ).blocks,
    );
    const located = locateMarks(new DocumentIndex(snapshot), marks);
    expect(located.every((l) => l.state === "ours")).toBe(true);
    expect(new Set(located.map((l) => l.state === "ours" && l.found.at.tableIndex))).toEqual(
      new Set([2]),
    );
  });

  it("keeps a cell whose figure was corrected after marking: still in our colour, still ours", () => {
    const snapshot = unbalanced();
    const marks = mark(snapshot);
    const total = marks.find((m) => m.row === "granted" && m.column === "total");
    if (!total) throw new Error("total not marked");
    const cell = cellAt(snapshot, total.tableIndex, total.rowIndex, total.cellIndex);
    if (cell) cell.text = "11";
    snapshot.blocks.splice(2, 0, ...tables(readDocument(statutoryReport())).slice(0, 1));
    renumber(snapshot);
    const located = locateMarks(new DocumentIndex(snapshot), [total]);
    expect(located[0]?.state === "ours" && located[0].found.cell).toBe(cell);
  });

  it("finds nothing to restore, and nothing gone, where a marked cell shows its own shading again", () => {
    const snapshot = unbalanced();
    const marks = mark(snapshot);
    for (const m of marks) {
      const cell = cellAt(snapshot, m.tableIndex, m.rowIndex, m.cellIndex);
      if (cell) cell.shading = m.original;
    }
    expect(new Set(states(snapshot, marks))).toEqual(new Set(["unmarked"]));
  });

  it("finds a label cell again after the clerk corrected the label the finding named", () => {
    const snapshot = readDocument(statutoryReport());
    const statutory = "一、本年新收政府信息公开申请数量";
    const label = tables(snapshot)
      .flatMap((t) => t.rows.flatMap((r) => r.cells))
      .find((c) => c.text.trim() === statutory);
    if (!label) throw new Error("no table 三 label");
    label.text = "一、本年新收政府信息公开申请数";
    label.shading = "#D9D9D9";
    const marks = mark(snapshot);
    const entry = marks.find((m) => m.text === label.text);
    expect(entry?.original).toBe("#D9D9D9");
    label.text = statutory;
    const located = locateMarks(new DocumentIndex(snapshot), entry ? [entry] : []);
    expect(located[0]?.state === "ours" && located[0].found.cell).toBe(label);
  });

  it("keeps, and leaves alone, an entry not found by meaning whose position still shows our colour", () => {
    const snapshot = unbalanced();
    const marks = mark(snapshot);
    const total = marks.find((m) => m.row === "granted" && m.column === "total");
    if (!total) throw new Error("total not marked");
    // An entry recognition can no longer place (its row is called something else now).
    const lost = { ...total, row: "no-such-row" };
    const clearing = planClearing(snapshot, { cells: [lost], comments: [] });
    expect(clearing.cells).toEqual([]);
    expect(clearing.report.uncertain).toEqual([lost]);
    expect(clearing.report.missing).toEqual([]);
    const stored = settleLedger(clearing, {
      written: [],
      skipped: [],
      commentsAdded: [],
      commentsKept: [],
      ledgerStored: true,
    });
    expect(stored.cells).toEqual([lost]);
    // Marking that cell again takes over the entry's original shading, and the entry itself.
    const marking = planMarking(snapshot, stored, check(snapshot).findings, {
      shading: true,
      comments: "none",
    });
    const again = marking.ledger.cells.filter(
      (m) =>
        m.tableIndex === total.tableIndex &&
        m.rowIndex === total.rowIndex &&
        m.cellIndex === total.cellIndex,
    );
    expect(again).toHaveLength(1);
    expect(again[0]?.original).toBe(total.original);
  });

  it("says a cell is gone when its row is gone, even where another cell now sits at its position", () => {
    const snapshot = unbalanced();
    const marks = mark(snapshot);
    const table = tables(snapshot)[1];
    const granted = marks.filter((m) => m.row === "granted");
    table?.rows.splice(granted[0]?.rowIndex ?? 0, 1);
    expect(states(snapshot, granted).every((s) => s === "missing")).toBe(true);
  });

  it("falls back on the position, when its table is not recognized, only where the cell holds the recorded text in our colour", () => {
    const snapshot = unbalanced();
    const marks = mark(snapshot);
    // The labels are wiped: table 三 is no longer recognized.
    const table = tables(snapshot)[1];
    for (const row of table?.rows ?? [])
      for (const cell of row.cells) if (!/^\d*$/.test(cell.text)) cell.text = "";
    expect(tableInstances(snapshot).some((t) => t.id === "table3")).toBe(false);
    expect(states(snapshot, marks).every((s) => s === "ours")).toBe(true);
    // One row inserted above: the hints now show other cells, which are not taken.
    table?.rows.splice(0, 0, structuredClone(table.rows[0]!));
    const shifted = states(snapshot, marks);
    expect(shifted.filter((s) => s === "ours").length).toBeLessThan(marks.length);
    for (const located of locateMarks(new DocumentIndex(snapshot), marks))
      if (located.state === "ours") expect(located.found.cell.text).toBe(located.mark.text);
  });

  it("never takes a cell recognition gives to another table for a mark whose table is gone", () => {
    const snapshot = unbalanced();
    const marks = mark(snapshot);
    // Table 三 deleted; table 四 takes its place, and where the hint points, one of its cells
    // holds the recorded text in our colour.
    snapshot.blocks.splice(snapshot.blocks.indexOf(tables(snapshot)[1]!), 1);
    renumber(snapshot);
    const there = tables(snapshot)[1]?.rows[2]?.cells[3];
    const recorded = marks[0];
    if (!there || !recorded) throw new Error("fixture changed");
    const t3 = { ...recorded, tableIndex: 1, rowIndex: 2, cellIndex: 3 };
    there.text = t3.text;
    there.shading = MARK_COLORS.error;
    expect(states(snapshot, [t3])).toEqual(["missing"]);
  });

  it("finds a label cell a structure finding pointed at by its text in its table", () => {
    const snapshot = unbalanced();
    const table = tables(snapshot)[0];
    const cell = table?.rows[2]?.cells[0];
    if (!table || !cell) throw new Error("no table 二");
    cell.shading = MARK_COLORS.warning;
    const label: CellMark = {
      tableIndex: 0,
      rowIndex: 2,
      cellIndex: 0,
      original: null,
      applied: MARK_COLORS.warning,
      text: cell.text,
      table: "table2",
    };
    table.rows.splice(1, 0, structuredClone(table.rows[1]!));
    const located = locateMarks(new DocumentIndex(snapshot), [label]);
    expect(located[0]?.state === "ours" && located[0].found.at).toEqual({
      tableIndex: 0,
      rowIndex: 3,
      cellIndex: 0,
    });
  });
});
