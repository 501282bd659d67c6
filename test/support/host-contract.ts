/**
 * The contract every host keeps, run against each of them (the demo's in-memory host, Word
 * through the fake Office.js, WPS through the fake JSAPI): it reads what the .docx reader
 * reads, marks and clears back to exactly what was there, writes and removes only its own
 * comments, selects, inserts the template where the cursor is, and keeps ignores.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  check,
  COMMENT_AUTHOR,
  ignoreRule,
  LEDGER_NAMESPACE,
  ledgerToXml,
  MARK_COLORS,
  readDocument,
} from "../../src/core";
import type { SnapshotCell } from "../../src/core/model/snapshot";
import type { DocumentHost } from "../../src/hosts/host";
import { checkDocument, clearMarks, insertTemplate } from "../../src/hosts/actions";
import type { MemoryDocument } from "../../src/hosts/memory/memory-document";
import { BALANCED_TABLE3, docx, FAULTY_TABLE4, statutoryReport } from "./docx-builder";
import { SHARED, sharedAvailable } from "./shared";
import { expectCommentStyle, legacyCommentText } from "./comment-style";

export interface HostUnderTest {
  host: DocumentHost;
  /** The document behind the host, to look at what the host did. */
  document: MemoryDocument;
  /** Who the host signs comments as. */
  commentAuthor: string;
  /** The initials it signs them with; absent where the host cannot set them (Word). */
  commentInitials?: string;
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
      table4: FAULTY_TABLE4,
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
  expect(report.recolored).toEqual([]);
  expect(report.missing).toEqual([]);
  expect(normalize(documentState(document), subject.noShading)).toEqual(
    normalize(before, subject.noShading),
  );
}

function normalize(state: ReturnType<typeof documentState>, noShading: string | null) {
  if (noShading === null) return state;
  return {
    ...state,
    tables: state.tables.map((t) =>
      t.map((r) => r.map(([text, shading]) => [text, shading === noShading ? null : shading])),
    ),
  };
}

/** Every cell's own shading, by the cell itself, so it is found whatever moves around it. */
function ownShading(doc: MemoryDocument): Map<SnapshotCell, string | null> {
  return new Map(
    doc.tables().flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => [c, c.shading ?? null]))),
  );
}

/** Cells of the document, still there, whose shading is not their own (cells added since aside). */
function notOwnShading(subject: HostUnderTest, own: Map<SnapshotCell, string | null>) {
  const normal = (shading: string | null | undefined) =>
    shading === undefined || shading === subject.noShading ? null : shading;
  return subject.document
    .tables()
    .flatMap((t) => t.rows.flatMap((r) => r.cells))
    .filter((c) => own.has(c) && normal(c.shading) !== normal(own.get(c)))
    .map((c) => ({ text: c.text, shading: c.shading }));
}

async function ledgerPart(subject: HostUnderTest) {
  const part = subject.document.partsIn(LEDGER_NAMESPACE)[0];
  if (!part) throw new Error("no ledger part");
  return part;
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
      const colors = new Set(Object.values(MARK_COLORS));
      for (const mark of state.ledger.cells) {
        const cell =
          subject.document.tables()[mark.tableIndex]?.rows[mark.rowIndex]?.cells[mark.cellIndex];
        expect(colors.has(cell?.shading ?? "")).toBe(true);
      }
      // A missing section has no cell: it gets a comment where it belongs.
      const comments = subject.document.comments.filter((c) => c.author === subject.commentAuthor);
      expect(comments.map((c) => c.text)).toEqual([
        "缺少“五、存在的主要问题及改进情况”。请按法定格式补写这一部分。",
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
      for (const comment of ours) {
        expectCommentStyle(comment.text);
        if (subject.commentInitials !== undefined)
          expect(comment.initials).toBe(subject.commentInitials);
      }
      await clearMarks(subject.host);
      expect(subject.document.comments.map((c) => [c.text, c.author])).toEqual([
        ["请核对第二段。", "李四"],
      ]);
    });

    it("clears the comments an earlier version wrote (prefix and rule id), never a user's", async () => {
      const subject = make(faulty());
      const doc = subject.document;
      const findings = check(doc.snapshot()).findings.filter((f) => f.anchors.length > 0);
      const earlier = findings.slice(0, 3).map((f) => {
        const target = doc.resolve(f.anchors[0] ?? { kind: "paragraph", paragraphIndex: 0 });
        if (!target) throw new Error("finding without a place");
        // As the earlier pane wrote them: Word signed with the user's name, WPS with ours.
        return doc.addComment(target, legacyCommentText(f), subject.commentAuthor);
      });
      doc.addPart(ledgerToXml({ cells: [], comments: earlier.map((c) => c.text) }));
      const paragraph = doc.resolve({ kind: "paragraph", paragraphIndex: 1 });
      if (!paragraph) throw new Error("no paragraph to comment on");
      // Users' comments: a colleague's, one by a user who calls himself 年报校核 in the old
      // style, and one quoting our old text inside his own: none is in the ledger.
      const users = [
        ["请核对第二段。", "李四"],
        ["【年报校核】本人备注：表四总计待核（table4-total）", COMMENT_AUTHOR],
        [`转述：${earlier[0]?.text}`, "李四"],
      ] as const;
      for (const [text, author] of users) doc.addComment(paragraph, text, author);
      const outcome = await checkDocument(subject.host, { shading: true, reviewer: true });
      const texts = doc.comments.map((c) => c.text);
      for (const old of earlier) expect(texts).not.toContain(old.text);
      expect(doc.comments.filter((c) => c.author === subject.commentAuthor)).toHaveLength(
        outcome.ignores.active.length + users.filter(([, a]) => a === subject.commentAuthor).length,
      );
      await clearMarks(subject.host);
      expect(doc.comments.map((c) => [c.text, c.author])).toEqual(users.map((u) => [...u]));
    });

    it("clears an earlier version's comments on 清除标记 alone", async () => {
      const subject = make(faulty());
      const doc = subject.document;
      const finding = check(doc.snapshot()).findings.find((f) => f.anchors[0]?.kind === "cell");
      const target = finding?.anchors[0] && doc.resolve(finding.anchors[0]);
      if (!finding || !target) throw new Error("no cell finding");
      const old = legacyCommentText(finding);
      doc.addComment(target, old, subject.commentAuthor);
      doc.addComment(target, old.replace("（", "，请看（"), subject.commentAuthor);
      doc.addPart(ledgerToXml({ cells: [], comments: [old] }));
      await clearMarks(subject.host);
      expect(doc.comments.map((c) => c.text)).toEqual([old.replace("（", "，请看（")]);
    });

    it("re-checking replaces its marks instead of piling them up", async () => {
      const subject = make(faulty());
      const before = documentState(subject.document);
      await checkDocument(subject.host, { shading: true, reviewer: true });
      const once = documentState(subject.document);
      await checkDocument(subject.host, { shading: true, reviewer: true });
      expect(documentState(subject.document)).toEqual(once);
      await clearMarks(subject.host);
      expect(normalize(documentState(subject.document), subject.noShading)).toEqual(
        normalize(before, subject.noShading),
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
      expect(report.recolored).toEqual([mark]);
      expect(cell.shading).toBe("#00B050");
      expect((await subject.host.read()).ledger.cells).toEqual([]);
    });

    it("finds its marks again after 插入此部分 puts a second table 二 before them", async () => {
      const subject = make(faulty());
      const own = ownShading(subject.document);
      const marked = await checkDocument(subject.host, { shading: true, reviewer: false });
      expect(marked.marks.shaded).toBeGreaterThan(20);
      await subject.host.select({ kind: "paragraph", paragraphIndex: 0 });
      await insertTemplate(subject.host, { format: "2021", year: 2023 }, { table: "table2" });
      expect(subject.document.tables()).toHaveLength(4);
      const report = await clearMarks(subject.host);
      expect(report.missing).toEqual([]);
      expect(report.restored).toBe(marked.marks.shaded);
      expect(notOwnShading(subject, own)).toEqual([]);
      expect((await subject.host.read()).ledger.cells).toEqual([]);
    });

    it.each(["inserted", "deleted"])(
      "finds a marked cell again after a row is %s above it",
      async (edit) => {
        const subject = make(faulty());
        const own = ownShading(subject.document);
        const marked = await checkDocument(subject.host, { shading: true, reviewer: false });
        const ledger = (await subject.host.read()).ledger.cells;
        const first = ledger.find((m) => m.table === "table3");
        if (!first) throw new Error("nothing marked in table 三");
        const table = subject.document.tables()[first.tableIndex];
        if (!table) throw new Error("table gone");
        const markedRows = new Set(
          ledger.filter((m) => m.tableIndex === first.tableIndex).map((m) => m.rowIndex),
        );
        const above = [...table.rows.keys()].filter(
          (r) =>
            r < first.rowIndex &&
            !markedRows.has(r) &&
            /\d/.test(table.rows[r]?.cells.at(-1)?.text ?? ""),
        );
        const row = above.at(-1);
        if (row === undefined) throw new Error("no unmarked row with figures above the mark");
        if (edit === "inserted") subject.document.insertRow(table, row);
        else subject.document.deleteRow(table, row);
        const report = await clearMarks(subject.host);
        expect(report.missing).toEqual([]);
        expect(report.restored).toBe(marked.marks.shaded);
        expect(notOwnShading(subject, own)).toEqual([]);
      },
    );

    it("clears a ledger of positions only (version 1) as before", async () => {
      const subject = make(faulty());
      const own = ownShading(subject.document);
      await checkDocument(subject.host, { shading: true, reviewer: false });
      const part = await ledgerPart(subject);
      part.xml = part.xml
        .replace(/ version="2"/, "")
        .replace(/ key-(table|row|column)="[^"]*"/g, "");
      const report = await clearMarks(subject.host);
      expect(report.missing).toEqual([]);
      expect(report.restored).toBeGreaterThan(0);
      expect(notOwnShading(subject, own)).toEqual([]);
    });

    it("skips an unreadable ledger entry and says so, and restores all the others", async () => {
      const subject = make(faulty());
      const own = ownShading(subject.document);
      const marked = await checkDocument(subject.host, { shading: true, reviewer: false });
      const part = await ledgerPart(subject);
      // One entry with a colour no writer of ours produces, one whose text holds a field's
      // characters, and one in lower case: only the first is unreadable.
      let n = 0;
      part.xml = part.xml.replace(/<cell [^>]*\/>/g, (entry) => {
        n++;
        if (n === 1) return entry.replace(/applied="#[0-9A-F]{6}"/, 'applied="#FFF"');
        if (n === 2) return entry.replace(/text="/, 'text="\u0013 = 1 \u0014');
        if (n === 3)
          return entry.replace(
            /applied="(#[0-9A-F]{6})"/,
            (_m, c: string) => `applied="${c.toLowerCase()}"`,
          );
        return entry;
      });
      const report = await clearMarks(subject.host);
      expect(report.unreadable).toHaveLength(1);
      expect(report.restored).toBe(marked.marks.shaded - 1);
      expect(report.missing).toEqual([]);
      // The one cell left is in our colour: nothing else differs.
      expect(notOwnShading(subject, own)).toEqual([
        { text: expect.any(String) as string, shading: MARK_COLORS.error },
      ]);
    });

    it("leaves a ledger written by a newer version untouched, marks nothing, and says so", async () => {
      const subject = make(faulty());
      const xml = `<ledger xmlns="${LEDGER_NAMESPACE}" version="9"><cell future="yes"/></ledger>`;
      subject.document.addPart(xml);
      const before = documentState(subject.document);
      const checked = await checkDocument(subject.host, { shading: true, reviewer: true });
      expect(checked.result.findings.length).toBeGreaterThan(0);
      expect(checked.marks.newerLedger).toBe("9");
      const cleared = await clearMarks(subject.host);
      expect(cleared.newerLedger).toBe("9");
      expect(documentState(subject.document)).toEqual(before);
      expect(subject.document.partsIn(LEDGER_NAMESPACE).map((p) => p.xml)).toEqual([xml]);
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
