/**
 * Marks, clears and selects cells of statutory tables nested in layout tables (a web page
 * pasted into Word), in every host, under every plausible semantics of how a host lists nested
 * tables. Where a host reaches the nested cell it shades that cell and nothing else; where it
 * cannot reach it safely it reports the write as not done and shades nothing.
 */
import { check, LEDGER_NAMESPACE, readDocument, type Anchor } from "../../../src/core";
import { checkDocument, clearMarks, insertTemplate } from "../../../src/hosts/actions";
import type { DocumentHost } from "../../../src/hosts/host";
import type { MemoryDocument } from "../../../src/hosts/memory/memory-document";
import { MemoryDocument as Memory } from "../../../src/hosts/memory/memory-document";
import { MemoryHost } from "../../../src/hosts/memory/memory-host";
import { WordHost, WORD_NO_SHADING } from "../../../src/hosts/word/word-host";
import { WpsHost } from "../../../src/hosts/wps/wps-host";
import { BALANCED_TABLE3, BALANCED_TABLE4 } from "../../support/docx-builder";
import { fakeWord, type FakeWordOptions } from "../../support/fake-word";
import { fakeWps, type FakeWpsOptions } from "../../support/fake-wps";
import { nestedReport, reproducibleDocx, type NestedLayout } from "../../support/nested-docx";
import type { SnapshotCell, SnapshotTable } from "../../../src/core/model/snapshot";
import { cellAtAnchor } from "../../../src/core/recognize/anchor";

interface Subject {
  host: DocumentHost;
  document: MemoryDocument;
  /** What the host writes back for "no shading". */
  noShading: string | null;
  /** Whether the host can reach nested cells under these semantics. */
  reaches: boolean;
}

const faulty = (layout: NestedLayout) =>
  reproducibleDocx(
    nestedReport(layout, {
      table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] },
      table4: { ...BALANCED_TABLE4, review: [1, 1, 0, 1, 4] },
    }),
  );

/** Every cell of the document, nested ones included, with whether it is in a nested table. */
function allCells(doc: MemoryDocument): { cell: SnapshotCell; nested: boolean }[] {
  const out: { cell: SnapshotCell; nested: boolean }[] = [];
  const visit = (table: SnapshotTable, nested: boolean) => {
    for (const row of table.rows)
      for (const cell of row.cells) {
        out.push({ cell, nested });
        for (const inner of cell.nestedTables) visit(inner, true);
      }
  };
  for (const table of doc.tables()) visit(table, false);
  return out;
}

const shadings = (doc: MemoryDocument, noShading: string | null) =>
  allCells(doc).map(({ cell }) =>
    cell.shading === noShading || cell.shading === undefined ? null : cell.shading,
  );

const WORD: [string, FakeWordOptions][] = [
  ["body.tables lists nested tables", {}],
  ["body.tables skips nested tables", { bodyTablesSkipNested: true }],
  [
    "getNext skips nested tables, cell tables deep",
    { nextSkipsNested: true, cellTablesDeep: true },
  ],
  [
    "Word's OOXML, continuation cells not counted, deleted row counted",
    { ooxml: "word", continuationsCounted: false, deletedRow: "counted" },
  ],
];
const WPS: [string, FakeWpsOptions, boolean][] = [
  ["as our reader", {}, true],
  [
    "cell tables deep, covered cells skipped",
    { cellTablesDeep: true, coveredCellsSkipped: true },
    true,
  ],
  ["WPS's OOXML, deleted row counted", { wordOpenXml: "wps", deletedRowBefore: 2 }, true],
  // The layout table's caption row and its table row are a deleted row apart in WPS's count.
  [
    "deleted row counted in the layout table",
    { deletedRowBefore: 1, coveredCellsSkipped: true },
    true,
  ],
  ["no NestingLevel", { noNestingLevel: true }, false],
];

const SUBJECTS: [string, (bytes: Uint8Array) => Subject][] = [
  [
    "demo",
    (bytes) => {
      const document = Memory.fromDocx(bytes);
      return { host: new MemoryHost(document), document, noShading: null, reaches: true };
    },
  ],
  ...WORD.map(([name, options]): [string, (bytes: Uint8Array) => Subject] => [
    `Word: ${name}`,
    (bytes) => {
      const word = fakeWord(bytes, options);
      return {
        host: new WordHost({
          run: word.run,
          supports: word.supports,
          commonParts: word.commonParts,
        }),
        document: word.document,
        noShading: WORD_NO_SHADING,
        reaches: true,
      };
    },
  ]),
  ...WPS.map(([name, options, reaches]): [string, (bytes: Uint8Array) => Subject] => [
    `WPS: ${name}`,
    (bytes) => {
      const wps = fakeWps(bytes, options);
      return {
        host: new WpsHost(wps.application),
        document: wps.document,
        noShading: null,
        reaches,
      };
    },
  ]),
];

describe.each(SUBJECTS)("%s, tables nested in layout tables", (_name, make) => {
  it.each(["captioned", "two-cell", "split"] as const)(
    "%s: reads what the .docx reader reads, nested anchors included",
    async (layout) => {
      const bytes = faulty(layout);
      const state = await make(bytes).host.read();
      const summary = (findings: ReturnType<typeof check>["findings"]) =>
        findings.map((f) => ({ rule: f.rule, location: f.location, anchors: f.anchors }));
      expect(summary(check(state.snapshot).findings)).toEqual(
        summary(check(readDocument(bytes)).findings),
      );
    },
  );

  it("finds its marks again by meaning after a row is inserted above the nested table", async () => {
    const subject = make(faulty("captioned"));
    if (!subject.reaches) return;
    const before = shadings(subject.document, subject.noShading);
    const marked = await checkDocument(subject.host, { shading: true, reviewer: false });
    expect(marked.marks.shaded).toBeGreaterThan(0);
    // The layout table of table 三 gets a row above its caption: every path into it shifts.
    const layout = subject.document.tables()[1];
    if (!layout) throw new Error("no layout table");
    const inserted = new Set(subject.document.insertRow(layout, 0).cells);
    const cleared = await clearMarks(subject.host);
    expect(cleared.missing).toEqual([]);
    expect(cleared.restored).toBe(marked.marks.shaded);
    const after = allCells(subject.document)
      .filter(({ cell }) => !inserted.has(cell))
      .map(({ cell }) =>
        cell.shading === subject.noShading || cell.shading === undefined ? null : cell.shading,
      );
    expect(after).toEqual(before);
  });

  it.each(["captioned", "two-cell"] as const)(
    "%s: marks the nested cells only, records them, and clears back to what was there",
    async (layout) => {
      const subject = make(faulty(layout));
      const before = shadings(subject.document, subject.noShading);
      const outcome = await checkDocument(subject.host, { shading: true, reviewer: false });
      const state = await subject.host.read();
      const cells = allCells(subject.document);
      const changed = shadings(subject.document, subject.noShading).flatMap((s, i) =>
        s !== before[i] ? [cells[i] as { cell: SnapshotCell; nested: boolean }] : [],
      );
      // Never a cell of a layout table (or any top-level cell): these reports have no other.
      expect(changed.filter((c) => !c.nested)).toEqual([]);
      if (subject.reaches) {
        expect(outcome.marks.shaded).toBeGreaterThan(0);
        expect(outcome.marks.skipped).toEqual([]);
        expect(state.ledger.cells).toHaveLength(outcome.marks.shaded);
        expect(changed).toHaveLength(outcome.marks.shaded);
        for (const mark of state.ledger.cells) {
          expect(mark.nesting?.length).toBeGreaterThan(0);
          const cell = cellAtAnchor({ blocks: subject.document.blocks }, mark);
          expect(cell?.shading).toBe(mark.applied);
        }
        expect(subject.document.partsIn(LEDGER_NAMESPACE)[0]?.xml).toContain('version="3"');
      } else {
        // Not reachable safely: reported as not done, nothing shaded, nothing recorded.
        expect(outcome.marks.shaded).toBe(0);
        expect(outcome.marks.skipped.length).toBeGreaterThan(0);
        expect(outcome.marks.skipped.every((s) => s.reason === "not-found")).toBe(true);
        expect(changed).toEqual([]);
        expect(state.ledger.cells).toEqual([]);
      }
      const cleared = await clearMarks(subject.host);
      expect(cleared.missing).toEqual([]);
      expect(cleared.recolored).toEqual([]);
      expect(shadings(subject.document, subject.noShading)).toEqual(before);
    },
  );

  it("selects a finding's nested cell, and never another cell", async () => {
    const subject = make(faulty("captioned"));
    const state = await subject.host.read();
    const finding = check(state.snapshot).findings.find((f) => f.rule === "table4-total");
    const anchor = finding?.anchors.find((a) => a.kind === "cell");
    if (!anchor || anchor.kind !== "cell") throw new Error("no cell anchor");
    expect(anchor.nesting).toHaveLength(1);
    const selected = await subject.host.select(anchor);
    expect(selected).toBe(subject.reaches);
    const selection = subject.document.selection;
    if (subject.reaches)
      expect(selection?.kind === "cell" && subject.document.anchorOf(selection)).toEqual(anchor);
    else expect(selection?.kind).not.toBe("cell");
  });

  it("inserts the template after the layout table when the cursor is in a nested cell", async () => {
    const subject = make(faulty("captioned"));
    const doc = subject.document;
    const layout = doc.tables()[2];
    const nested = layout?.rows[1]?.cells[0]?.nestedTables[0];
    const cell = nested?.rows[3]?.cells[0];
    if (!layout || !nested || !cell) throw new Error("no nested table");
    doc.select({ kind: "cell", table: nested, cell });
    const outcome = await insertTemplate(
      subject.host,
      { format: "2021", year: 2024 },
      {
        table: "table4",
      },
    );
    expect(outcome).toEqual({ placement: "after-table" });
    const at = doc.blocks.indexOf(layout);
    expect(doc.blocks[at + 1]?.kind).toBe("table");
    expect(doc.tables()).toHaveLength(4);
    // Nothing went into the layout table's cells.
    expect(layout.rows[1]?.cells[0]?.nestedTables).toEqual([nested]);
    expect(nested.rows.every((r) => r.cells.every((c) => c.nestedTables.length === 0))).toBe(true);
  });

  it("leaves a nested cell whose text changed since the read, and reports it", async () => {
    const subject = make(faulty("captioned"));
    const state = await subject.host.read();
    const finding = check(state.snapshot).findings.find((f) => f.rule === "table4-total");
    const anchor = finding?.anchors.find(
      (a): a is Extract<Anchor, { kind: "cell" }> => a.kind === "cell",
    );
    if (!anchor) throw new Error("no cell anchor");
    const target = subject.document.resolve(anchor);
    if (target?.kind !== "cell") throw new Error("anchor not in the document");
    // Edited behind the host's back, after the check read the document.
    const { planMarking, EMPTY_LEDGER } = await import("../../../src/core");
    const plan = planMarking(state.snapshot, EMPTY_LEDGER, [finding!], {
      shading: true,
      comments: "none",
    });
    subject.document.setText(target.cell, "99");
    const before = shadings(subject.document, subject.noShading);
    const outcome = await subject.host.write(plan);
    const skippedHere = outcome.skipped.filter(
      (s) => s.write.rowIndex === anchor.rowIndex && s.write.cellIndex === anchor.cellIndex,
    );
    expect(skippedHere).toHaveLength(1);
    expect(target.cell.shading ?? null).toBe(
      before[allCells(subject.document).findIndex((c) => c.cell === target.cell)],
    );
    expect(
      outcome.written.some(
        (w) => w.rowIndex === anchor.rowIndex && w.cellIndex === anchor.cellIndex,
      ),
    ).toBe(false);
  });
});
