/**
 * The property every host keeps for its marks, run over a host factory so the demo host and
 * the Word and WPS fakes run the very same cases: whatever shading a document had, after
 * 检查 → random edits (rows and tables inserted or deleted, any template part inserted where the
 * cursor happens to be, figures retyped, cells recoloured) → 清除标记, every cell that still
 * exists has exactly its own shading again (or the colour the user gave it after we marked
 * it, which is left alone), and the report accounts for every mark: restored, recoloured by
 * the user, or gone.
 *
 * Preconditions, which the edits respect: the user never paints a cell in one of our exact
 * colours after we marked it (such a cell cannot be told from ours), rows are deleted only
 * where they hold figures (deleting a table's header rows leaves nothing to recognize it by),
 * and the label cells are not retyped.
 */
import fc from "fast-check";
import { MARK_COLORS, sameCellText, type CellMark, type TemplatePart } from "../../src/core";
import type { SnapshotCell, SnapshotTable } from "../../src/core/model/snapshot";
import { checkDocument, clearMarks, insertTemplate } from "../../src/hosts/actions";
import type { MemoryDocument } from "../../src/hosts/memory/memory-document";
import {
  BALANCED_TABLE3,
  BALANCED_TABLE4,
  docx,
  FAULTY_TABLE4,
  statutoryReport,
} from "./docx-builder";
import { nestedReport, reproducibleDocx } from "./nested-docx";
import type { HostUnderTest, MakeHost } from "./host-contract";

export const MARK_RUNS = Number(process.env.FUZZ_RUNS ?? 100);
export const MARK_SEED = Number(process.env.FUZZ_SEED ?? 20261127);

const SOURCES = [
  () =>
    docx(
      statutoryReport({
        table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] },
        table4: FAULTY_TABLE4,
      }),
    ),
  () =>
    docx(
      statutoryReport({
        format: "2019",
        table3: {
          ...BALANCED_TABLE3,
          new: [18, 2, 0, 0, 0, 0, 21],
          carried: [2, "", 0, 0, 0, 0, 2],
        },
      }),
    ),
  // Statutory tables nested in captioned layout tables, as a pasted web page has them.
  () =>
    reproducibleDocx(
      nestedReport("captioned", {
        table3: { ...BALANCED_TABLE3, partial: [2, 0, 0, 0, 0, 0, 3] },
        table4: { ...BALANCED_TABLE4, suitDirect: [1, 0, 0, 1, 1] },
      }),
    ),
];

/** Colours users give cells; ours among them, as a cell may have had our colour all along. */
const OWN_COLORS = ["#D9D9D9", "#FFFF00", "#C6EFCE", MARK_COLORS.error, MARK_COLORS.warning];
/** Colours a user paints after marking: never one of ours. */
const LATER_COLORS = ["#00B050", "#BDD7EE", "#D9D9D9"];

const PARTS: (TemplatePart | undefined)[] = [
  undefined,
  { table: "table2" },
  { table: "table3" },
  { table: "table4" },
  ...(["一", "二", "三", "四", "五", "六"] as const).map((section) => ({ section })),
];

type Edit =
  | { kind: "insertRow"; picks: number[] }
  | { kind: "deleteRow"; picks: number[] }
  | { kind: "deleteTable"; picks: number[] }
  | { kind: "insertPart"; picks: number[] }
  | { kind: "retype"; picks: number[] }
  | { kind: "recolor"; picks: number[] };

const picks = fc.array(fc.nat({ max: 1000 }), { minLength: 4, maxLength: 4 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  ...(["insertRow", "deleteRow", "deleteTable", "insertPart", "retype", "recolor"] as const).map(
    (kind) => picks.map((p): Edit => ({ kind, picks: p })),
  ),
);

export const markCase = fc.record({
  source: fc.nat({ max: SOURCES.length - 1 }),
  shading: fc.array(picks, { maxLength: 10 }),
  edits: fc.array(edit, { maxLength: 6 }),
  /** 重新检查 after the edits, before clearing: the old marks are replaced by meaning. */
  recheck: fc.boolean(),
});
export type MarkCase = typeof markCase extends fc.Arbitrary<infer T> ? T : never;

const pick = <T>(items: T[], n: number | undefined): T | undefined =>
  items.length > 0 ? items[(n ?? 0) % items.length] : undefined;

/** Every table of the document, tables nested in cells included (after their holder). */
function allTables(doc: MemoryDocument): SnapshotTable[] {
  const out: SnapshotTable[] = [];
  const visit = (table: SnapshotTable) => {
    out.push(table);
    for (const row of table.rows) for (const cell of row.cells) cell.nestedTables.forEach(visit);
  };
  doc.tables().forEach(visit);
  return out;
}

function cellsOf(doc: MemoryDocument): { table: SnapshotTable; cell: SnapshotCell }[] {
  return allTables(doc).flatMap((table) =>
    table.rows.flatMap((row) => row.cells.map((cell) => ({ table, cell }))),
  );
}

const FIGURE = /^\s*\d*\s*$/;

/** Carries out one edit as a user would, in the document behind the host. */
async function apply(
  subject: HostUnderTest,
  change: Edit,
  recolored: Map<SnapshotCell, string>,
): Promise<void> {
  const doc = subject.document;
  const [a = 0, b = 0, c = 0, d = 0] = change.picks;
  const table = pick(allTables(doc), a);
  switch (change.kind) {
    case "insertRow":
      if (table) doc.insertRow(table, b % (table.rows.length + 1));
      return;
    case "deleteRow": {
      if (!table) return;
      const rows = table.rows
        .map((row, index) => ({ row, index }))
        .filter(({ row }) =>
          row.cells.some(
            (cell) => cell.gridColumn > 0 && /\d/.test(cell.text) && FIGURE.test(cell.text),
          ),
        );
      const chosen = pick(rows, b);
      if (chosen) doc.deleteRow(table, chosen.index);
      return;
    }
    case "deleteTable": {
      const top = pick(doc.tables(), a);
      if (top) doc.deleteTable(top);
      return;
    }
    case "insertPart": {
      const targets = [
        ...doc
          .paragraphs()
          .map((p) => ({ kind: "paragraph" as const, paragraphIndex: p.paragraphIndex })),
        ...doc.tables().map((t) => ({
          kind: "cell" as const,
          tableIndex: t.tableIndex,
          rowIndex: 0,
          cellIndex: 0,
        })),
      ];
      const target = pick(targets, b);
      if (target) await subject.host.select(target);
      await insertTemplate(subject.host, { format: "2021", year: 2023 }, pick(PARTS, c));
      return;
    }
    case "retype": {
      const figures = cellsOf(doc).filter(({ cell }) => FIGURE.test(cell.text));
      const chosen = pick(figures, b);
      if (chosen) doc.setText(chosen.cell, String(c % 50));
      return;
    }
    case "recolor": {
      // Half the time one of the cells showing a mark colour, which is what users recolour.
      const colored = cellsOf(doc).filter(({ cell }) =>
        Object.values(MARK_COLORS).includes(cell.shading ?? ""),
      );
      const chosen = pick(d % 2 === 0 && colored.length > 0 ? colored : cellsOf(doc), b);
      const color = pick(LATER_COLORS, c) ?? "#00B050";
      if (chosen) {
        doc.setShading(chosen.cell, color);
        recolored.set(chosen.cell, color);
      }
      return;
    }
  }
}

export interface MarkRun {
  /** Each surviving cell: [its shading now, the shading it must have]. */
  mismatches: { text: string; now: string | null; expected: string | null }[];
  /** Entries in the ledger that the clearing read. */
  marked: number;
  /** Re-checked after the edits: the first marks were replaced, so only totals are compared. */
  rechecked: boolean;
  restored: number;
  /** Marked cells still in the document that the user did not recolour. */
  survivingOurs: number;
  /** Marked cells still in the document with their text that the user recoloured (not to their own colour). */
  survivingRecolored: number;
  reportedRecolored: number;
  reportedMissing: number;
  skipped: number;
  ledgerAfter: CellMark[];
}

/** One case: mark, edit, clear; what became of every cell. */
export async function runMarkCase(make: MakeHost, input: MarkCase): Promise<MarkRun> {
  const source = SOURCES[input.source] ?? SOURCES[0];
  if (!source) throw new Error("no source document");
  const subject = make(source());
  const doc = subject.document;
  for (const [a = 0, b = 0, c = 0, d = 0] of input.shading) {
    const table = pick(allTables(doc), a);
    const cell = pick(pick(table?.rows ?? [], b)?.cells ?? [], c);
    if (cell) doc.setShading(cell, pick(OWN_COLORS, d) ?? null);
  }
  const own = new Map<SnapshotCell, string | null>();
  const remember = () => {
    for (const { cell } of cellsOf(doc)) if (!own.has(cell)) own.set(cell, cell.shading ?? null);
  };
  remember();

  await checkDocument(subject.host, { shading: true, reviewer: false });
  const ledger = (await subject.host.read()).ledger.cells;
  const markedText = new Map<SnapshotCell, string>();
  for (const m of ledger) {
    const target = doc.resolve({ kind: "cell", ...m });
    if (target?.kind === "cell") markedText.set(target.cell, target.cell.text);
  }
  const marked = new Set(markedText.keys());

  const recolored = new Map<SnapshotCell, string>();
  for (const change of input.edits) {
    await apply(subject, change, recolored);
    remember();
  }

  let ledgerBeforeClear = ledger.length;
  if (input.recheck) {
    await checkDocument(subject.host, { shading: true, reviewer: false });
    ledgerBeforeClear = (await subject.host.read()).ledger.cells.length;
  }
  const report = await clearMarks(subject.host);
  const noShading = subject.noShading;
  const normal = (shading: string | null | undefined) =>
    shading === undefined || shading === noShading ? null : shading;
  const surviving = cellsOf(doc).map(({ cell }) => cell);
  return {
    mismatches: surviving
      .map((cell) => ({
        text: cell.text,
        now: normal(cell.shading),
        expected: normal(recolored.get(cell) ?? own.get(cell)),
      }))
      .filter((c) => c.now !== c.expected),
    marked: ledgerBeforeClear,
    rechecked: input.recheck,
    restored: report.restored,
    survivingOurs: surviving.filter((cell) => marked.has(cell) && !recolored.has(cell)).length,
    // A cell painted back in its own colour needs no word; one retyped as well cannot be told
    // from any other cell.
    survivingRecolored: surviving.filter(
      (cell) =>
        marked.has(cell) &&
        recolored.has(cell) &&
        normal(recolored.get(cell)) !== normal(own.get(cell)) &&
        sameCellText(cell.text, markedText.get(cell) ?? ""),
    ).length,
    reportedRecolored: report.recolored.length,
    reportedMissing: report.missing.length,
    skipped: report.skipped.length,
    ledgerAfter: (await subject.host.read()).ledger.cells,
  };
}

/** Registers the property for one host (runs: fewer for slower fakes; FUZZ_RUNS overrides). */
export function markProperties(name: string, make: MakeHost, runs = MARK_RUNS): void {
  describe(`marks on the ${name} host, property`, () => {
    it("check → random edits → (re-check →) clear: every surviving cell has its own shading back", async () => {
      await fc.assert(
        fc.asyncProperty(markCase, async (input) => {
          const run = await runMarkCase(make, input);
          expect(run.mismatches).toEqual([]);
          // Every mark is accounted for, once.
          expect(run.restored + run.reportedRecolored + run.reportedMissing + run.skipped).toBe(
            run.marked,
          );
          expect(run.skipped).toBe(0);
          if (!run.rechecked) {
            // Each marked cell still there is found and restored; recoloured ones are reported.
            expect(run.restored).toBe(run.survivingOurs);
            expect(run.reportedRecolored).toBeGreaterThanOrEqual(run.survivingRecolored);
          }
          expect(run.ledgerAfter).toEqual([]);
        }),
        { numRuns: process.env.FUZZ_RUNS ? MARK_RUNS : runs, seed: MARK_SEED },
      );
    });
  });
}
