/**
 * The contract every host keeps, run against each of them (the demo's in-memory host, Word
 * through the fake Office.js, WPS through the fake JSAPI): it reads what the .docx reader
 * reads, marks and clears back to exactly what was there, writes and removes only its own
 * comments, selects, inserts the template where the cursor is, and keeps ignores.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { check, COMMENT_PREFIX, ignoreRule, MARK_COLORS, readDocument } from "../../src/core";
import type { DocumentHost } from "../../src/hosts/host";
import { checkDocument, clearMarks, insertTemplate } from "../../src/hosts/actions";
import type { MemoryDocument } from "../../src/hosts/memory/memory-document";
import { BALANCED_TABLE3, docx, statutoryReport } from "./docx-builder";
import { SHARED, sharedAvailable } from "./shared";

export interface HostUnderTest {
  host: DocumentHost;
  /** The document behind the host, to look at what the host did. */
  document: MemoryDocument;
  /** Who the host signs comments as. */
  commentAuthor: string;
  /** What the host writes back for "no shading" (Word cannot remove shading). */
  noShading: string | null;
}

export type MakeHost = (input: Uint8Array) => HostUnderTest;

/** Every cell's text and shading, and every comment: what marking must not leave behind. */
export function documentState(doc: MemoryDocument) {
  return {
    tables: doc
      .tables()
      .map((t) => t.rows.map((r) => r.cells.map((c) => [c.text, c.shading ?? null]))),
    comments: doc.comments.map((c) => [c.text, c.author]),
    paragraphs: doc.paragraphs().map((p) => p.text),
  };
}

const faulty = () =>
  docx(
    statutoryReport({
      omitSections: ["五"],
      table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] },
      table4: {
        review: [1, 1, 0, 1, 4],
        suitDirect: [0, 0, 0, 0, 0],
        suitAfterReview: [0, 0, 0, 0, 0],
      },
    }),
  );

/** What a check says, without the parts no host could change. */
export const summary = (findings: ReturnType<typeof check>["findings"]) =>
  findings.map((f) => ({
    rule: f.rule,
    location: f.location,
    message: f.message,
    anchors: f.anchors,
  }));

function sharedFiles(): string[] {
  if (!sharedAvailable()) return [];
  const dir = join(SHARED, "fixtures/seeds-docx");
  return [
    ...readdirSync(dir)
      .filter((f) => f.endsWith(".docx"))
      .map((f) => join(dir, f)),
    join(SHARED, "fixtures/real/blank-template-2021-wps.docx"),
  ];
}

/** Marks, then clears, and expects the document exactly as before (modulo "no shading"). */
async function expectMarkThenClearRestores(subject: HostUnderTest, reviewer: boolean) {
  const { host, document } = subject;
  const before = documentState(document);
  const outcome = await checkDocument(host, { shading: true, reviewer });
  if (outcome.ignores.active.length > 0) expect(documentState(document)).not.toEqual(before);
  const report = await clearMarks(host);
  expect(report.recoloured).toEqual([]);
  expect(report.missing).toEqual([]);
  expect(normalise(documentState(document), subject.noShading)).toEqual(
    normalise(before, subject.noShading),
  );
}

function normalise(state: ReturnType<typeof documentState>, noShading: string | null) {
  if (noShading === null) return state;
  return {
    ...state,
    tables: state.tables.map((t) =>
      t.map((r) => r.map(([text, shading]) => [text, shading === noShading ? null : shading])),
    ),
  };
}

export function hostContract(name: string, make: MakeHost): void {
  describe(`the ${name} host`, () => {
    it("reads what the .docx reader reads: the same findings and anchors", async () => {
      const bytes = faulty();
      const { host } = make(bytes);
      const state = await host.read();
      expect(summary(check(state.snapshot).findings)).toEqual(
        summary(check(readDocument(bytes)).findings),
      );
    });

    it("marks the unbalanced cells in the colour of their severity and records them", async () => {
      const subject = make(faulty());
      const outcome = await checkDocument(subject.host, { shading: true, reviewer: false });
      expect(outcome.marks.shaded).toBeGreaterThan(0);
      const state = await subject.host.read();
      expect(state.ledger.cells).toHaveLength(outcome.marks.shaded);
      const colours = new Set(Object.values(MARK_COLORS));
      for (const mark of state.ledger.cells) {
        const cell =
          subject.document.tables()[mark.tableIndex]?.rows[mark.rowIndex]?.cells[mark.cellIndex];
        expect(colours.has(cell?.shading ?? "")).toBe(true);
      }
      // A missing section has no cell: it gets a comment where it belongs.
      const comments = subject.document.comments.filter((c) => c.text.startsWith(COMMENT_PREFIX));
      expect(comments.map((c) => c.text)).toEqual([
        expect.stringContaining("五、存在的主要问题及改进情况"),
      ]);
    });

    it("clears back to exactly what was there, cells with their own shading included", async () => {
      const subject = make(faulty());
      const first = await subject.host.read();
      const anchors = check(first.snapshot).findings.flatMap((f) => f.anchors);
      for (const anchor of anchors.slice(0, 3)) {
        if (anchor.kind !== "cell") continue;
        const cell =
          subject.document.tables()[anchor.tableIndex]?.rows[anchor.rowIndex]?.cells[
            anchor.cellIndex
          ];
        if (cell) subject.document.setShading(cell, "#D9D9D9");
      }
      await expectMarkThenClearRestores(subject, false);
    });

    it("in reviewer mode writes every finding as a comment and removes only its own", async () => {
      const subject = make(faulty());
      const own = subject.document.resolve({ kind: "paragraph", paragraphIndex: 1 });
      if (!own) throw new Error("no paragraph to comment on");
      subject.document.addComment(own, "请核对第二段。", "李四");
      const outcome = await checkDocument(subject.host, { shading: true, reviewer: true });
      const ours = subject.document.comments.filter((c) => c.author === subject.commentAuthor);
      expect(ours).toHaveLength(outcome.ignores.active.length);
      expect(ours.every((c) => c.text.startsWith(COMMENT_PREFIX))).toBe(true);
      await clearMarks(subject.host);
      expect(subject.document.comments.map((c) => [c.text, c.author])).toEqual([
        ["请核对第二段。", "李四"],
      ]);
    });

    it("re-checking replaces its marks instead of piling them up", async () => {
      const subject = make(faulty());
      const before = documentState(subject.document);
      await checkDocument(subject.host, { shading: true, reviewer: true });
      const once = documentState(subject.document);
      await checkDocument(subject.host, { shading: true, reviewer: true });
      expect(documentState(subject.document)).toEqual(once);
      await clearMarks(subject.host);
      expect(normalise(documentState(subject.document), subject.noShading)).toEqual(
        normalise(before, subject.noShading),
      );
    });

    it("leaves a cell the user recoloured after marking, and reports it", async () => {
      const subject = make(faulty());
      await checkDocument(subject.host, { shading: true, reviewer: false });
      const mark = (await subject.host.read()).ledger.cells[0];
      if (!mark) throw new Error("nothing marked");
      const cell =
        subject.document.tables()[mark.tableIndex]?.rows[mark.rowIndex]?.cells[mark.cellIndex];
      if (!cell) throw new Error("marked cell not found");
      subject.document.setShading(cell, "#00B050");
      const report = await clearMarks(subject.host);
      expect(report.recoloured).toEqual([mark]);
      expect(cell.shading).toBe("#00B050");
      expect((await subject.host.read()).ledger.cells).toEqual([]);
    });

    it("selects a finding's cell or paragraph, and says when it no longer exists", async () => {
      const subject = make(faulty());
      expect(
        await subject.host.select({ kind: "cell", tableIndex: 1, rowIndex: 5, cellIndex: 2 }),
      ).toBe(true);
      const selected = subject.document.selection;
      expect(selected?.kind === "cell" && subject.document.anchorOf(selected)).toEqual({
        kind: "cell",
        tableIndex: 1,
        rowIndex: 5,
        cellIndex: 2,
      });
      expect(await subject.host.select({ kind: "paragraph", paragraphIndex: 2 })).toBe(true);
      expect(subject.document.selection).toEqual({
        kind: "paragraph",
        paragraph: subject.document.paragraphs()[2],
      });
      expect(
        await subject.host.select({ kind: "cell", tableIndex: 1, rowIndex: 500, cellIndex: 0 }),
      ).toBe(false);
      expect(
        await subject.host.select({ kind: "cell", tableIndex: 1, rowIndex: 5, cellIndex: 99 }),
      ).toBe(false);
    });

    it("inserts the template after the cursor's paragraph, and after the table when the cursor is in one", async () => {
      const subject = make(docx(statutoryReport({ omitSections: ["五"], omitTables: ["table4"] })));
      const doc = subject.document;
      const tablesBefore = doc.tables().length;
      await subject.host.select({ kind: "paragraph", paragraphIndex: 0 });
      const title = doc.paragraphs()[0];
      expect(await insertTemplate(subject.host, { format: "2021", year: 2024 })).toEqual({
        placement: "cursor",
      });
      expect(doc.tables()).toHaveLength(tablesBefore + 3);
      expect(doc.blocks[0]).toBe(title);
      expect(doc.blocks[1]?.kind === "paragraph" && doc.blocks[1].text).toContain(
        "2024年政府信息公开工作年度报告",
      );

      const table = doc.tables()[0];
      await subject.host.select({ kind: "cell", tableIndex: 0, rowIndex: 2, cellIndex: 1 });
      const outcome = await insertTemplate(
        subject.host,
        { format: "2021", year: 2024 },
        { table: "table4" },
      );
      expect(outcome).toEqual({ placement: "after-table" });
      const at = doc.blocks.indexOf(table as never);
      const inserted = doc.blocks[at + 1];
      expect(inserted?.kind).toBe("table");
      // The cell the cursor was in is untouched: nothing went into it.
      expect(table?.rows[2]?.cells[1]?.nestedTables).toEqual([]);
    });

    it("stores ignores in the document, where the next reader finds them", async () => {
      const subject = make(faulty());
      await subject.host.saveIgnores([ignoreRule("table4-total")]);
      const state = await subject.host.read();
      expect(state.ignores).toEqual([ignoreRule("table4-total")]);
      const outcome = await checkDocument(subject.host, { shading: true, reviewer: false });
      expect(outcome.ignores.ignored.map((i) => i.finding.rule)).toContain("table4-total");
      expect(outcome.ignores.active.some((f) => f.rule === "table4-total")).toBe(false);
    });

    const files = sharedFiles();
    if (files.length > 0)
      it.each(files)(
        "%s: reads like the file, and mark → clear leaves it as it was",
        async (file) => {
          const bytes = new Uint8Array(readFileSync(file));
          const subject = make(bytes);
          const state = await subject.host.read();
          expect(summary(check(state.snapshot).findings)).toEqual(
            summary(check(readDocument(bytes)).findings),
          );
          await expectMarkThenClearRestores(subject, true);
        },
      );
  });
}
