/**
 * The WPS write, beyond the host contract: every cell proved by its text under each plausible
 * addressing, what happens at each point where WPS may refuse a call, undo records that may
 * not exist, a silent InsertXML, our comments found by text whoever signed them, a cursor in a
 * nested table, and paragraph walks that stay linear.
 */
import {
  check,
  COMMENT_AUTHOR,
  COMMENT_INITIALS,
  LEDGER_NAMESPACE,
  ledgerFromXml,
  planMarking,
} from "../../../src/core";
import { checkDocument, clearMarks, insertTemplate, markOptions } from "../../../src/hosts/actions";
import { HostError } from "../../../src/hosts/host";
import type { MemoryDocument } from "../../../src/hosts/memory/memory-document";
import { WpsHost } from "../../../src/hosts/wps/wps-host";
import { docx, documentXml, paragraph, statutoryReport, table } from "../../support/docx-builder";
import { fakeWps, type FakeWpsOptions } from "../../support/fake-wps";
import { documentState } from "../../support/host-contract";
import { allowConsole } from "../../support/console";
import { faulty, markedCells } from "../../support/wps-write-cases";

// The host logs each fallback it takes; the tests look at what it did instead.
// WPS refusing a call is said in the console; these tests provoke it on purpose.
beforeEach(() => allowConsole("warn", /^nianbao: /));
afterEach(() => jest.restoreAllMocks());

function ledgerIn(doc: MemoryDocument) {
  const parts = doc.partsIn(LEDGER_NAMESPACE);
  expect(parts).toHaveLength(1);
  return ledgerFromXml(parts[0]?.xml ?? "");
}

/** A read, then the plan checkDocument would carry out. */
async function planFor(host: WpsHost, reviewer = false) {
  const state = await host.read();
  const findings = check(state.snapshot).findings;
  return planMarking(
    state.snapshot,
    state.ledger,
    findings,
    markOptions(host, { shading: true, reviewer }),
  );
}

describe("WPS cells are proved by their text before they are shaded", () => {
  const reference = fakeWps(faulty());
  let expected: string[] = [];
  beforeAll(async () => {
    await checkDocument(new WpsHost(reference.application), { shading: true, reviewer: false });
    expected = markedCells(reference.document);
    expect(expected.length).toBeGreaterThan(2);
  });

  it.each<[string, FakeWpsOptions]>([
    ["covered cells skipped", { coveredCellsSkipped: true }],
    ["a deleted row counted", { deletedRowBefore: 2 }],
    ["a deleted row counted, first", { deletedRowBefore: 0 }],
    ["both", { coveredCellsSkipped: true, deletedRowBefore: 3 }],
    [
      "both, with WPS's OOXML",
      { coveredCellsSkipped: true, deletedRowBefore: 1, wordOpenXml: "wps" },
    ],
  ])("%s: marks exactly the cells our reader anchors, nothing else", async (_name, options) => {
    const wps = fakeWps(faulty(), options);
    const host = new WpsHost(wps.application);
    const outcome = await checkDocument(host, { shading: true, reviewer: false });
    expect(outcome.marks.skipped).toEqual([]);
    expect(markedCells(wps.document)).toEqual(expected);
    expect(wps.deletedRowWrites()).toBe(0);
    expect(
      ledgerIn(wps.document)
        ?.cells.map((c) => `${c.tableIndex}/${c.rowIndex}/${c.cellIndex}`)
        .sort(),
    ).toEqual([...expected].sort());
  });

  it("skips a cell whose text changed since the read, and never shades it", async () => {
    const wps = fakeWps(faulty());
    const host = new WpsHost(wps.application);
    const plan = await planFor(host);
    const target = plan.cells[0];
    if (!target) throw new Error("nothing to mark");
    const cell =
      wps.document.tables()[target.tableIndex]?.rows[target.rowIndex]?.cells[target.cellIndex];
    if (!cell) throw new Error("no such cell");
    wps.document.setText(cell, "99");
    const outcome = await host.write(plan);
    expect(outcome.skipped).toEqual([{ write: target, reason: "text-differs", found: "99" }]);
    expect(cell.shading ?? null).toBeNull();
    expect(outcome.written).toHaveLength(plan.cells.length - 1);
    const ledger = ledgerIn(wps.document);
    expect(ledger?.cells).toHaveLength(plan.cells.length - 1);
    expect(
      ledger?.cells.some(
        (c) =>
          c.rowIndex === target.rowIndex &&
          c.tableIndex === target.tableIndex &&
          c.cellIndex === target.cellIndex,
      ),
    ).toBe(false);
  });

  it("does not take a cell of the same text at a shifted address: the whole row must match", async () => {
    // A label merged down the first column, and equal figures: under "covered cells skipped"
    // Cell(2, 2) holds "0" too, but it is the cell to the right of the one we mean.
    const body =
      paragraph("标题") +
      table([
        [{ text: "类别", vMerge: "restart" }, "甲", "乙", "丙"],
        [{ vMerge: "continue" }, "0", "0", "0"],
        [{ vMerge: "continue" }, "0", "0", "0"],
      ]);
    for (const options of [
      {},
      { coveredCellsSkipped: true },
      { coveredCellsSkipped: true, deletedRowBefore: 1 },
    ]) {
      const wps = fakeWps(docx(documentXml(body)), options);
      const host = new WpsHost(wps.application);
      const state = await host.read();
      const write = {
        tableIndex: 0,
        rowIndex: 1,
        cellIndex: 2,
        shading: "#FFC7CE",
        expectedText: "0",
      };
      const outcome = await host.write({
        cells: [write],
        removeComments: [],
        addComments: [],
        ledger: state.ledger,
        report: {
          shaded: 1,
          commented: 0,
          restored: 0,
          recolored: [],
          missing: [],
          skipped: [],
          unreadable: [],
          newerLedger: null,
        },
      });
      expect(outcome.written).toEqual([write]);
      expect(markedCells(wps.document)).toEqual(["0/1/2"]);
    }
  });

  it("skips, as not found, a cell WPS will not give, and still writes and records the others", async () => {
    const wps = fakeWps(faulty());
    const host = new WpsHost(wps.application);
    const plan = await planFor(host);
    const target = plan.cells[1];
    if (!target) throw new Error("too few cells");
    wps.failures.cell = {
      tableIndex: target.tableIndex,
      row: target.rowIndex + 1,
      column: target.cellIndex + 1,
    };
    const outcome = await host.write(plan);
    expect(outcome.skipped).toEqual([{ write: target, reason: "not-found" }]);
    expect(outcome.failure).toBeUndefined();
    expect(ledgerIn(wps.document)?.cells).toHaveLength(plan.cells.length - 1);
    wps.failures.cell = undefined;
    const before = markedCells(wps.document);
    expect(before).toHaveLength(plan.cells.length - 1);
    await clearMarks(host);
    expect(markedCells(wps.document)).toEqual([]);
  });
});

describe("WPS fails safe", () => {
  it("a refused comment: the cells stay marked and recorded, tracking comes back on, the outcome says so", async () => {
    const wps = fakeWps(faulty());
    wps.trackRevisions = true;
    const host = new WpsHost(wps.application);
    const plan = await planFor(host, true);
    wps.failures.commentsAdd = true;
    const outcome = await host.write(plan);
    expect(outcome.failure).toMatch(/批注未能添加/);
    expect(outcome.commentsAdded).toEqual([]);
    expect(outcome.written).toHaveLength(plan.cells.length);
    expect(wps.trackRevisions).toBe(true);
    expect(ledgerIn(wps.document)?.cells).toHaveLength(plan.cells.length);
    expect(ledgerIn(wps.document)?.comments).toEqual([]);
    wps.failures.commentsAdd = false;
    await clearMarks(host);
    expect(markedCells(wps.document)).toEqual([]);
  });

  it("a refused ledger: the earlier ledger stays, tracking comes back on, the outcome says so", async () => {
    const wps = fakeWps(faulty());
    wps.trackRevisions = true;
    const host = new WpsHost(wps.application);
    await checkDocument(host, { shading: true, reviewer: false });
    const first = ledgerIn(wps.document);
    wps.failures.customXmlAdd = true;
    const outcome = await checkDocument(host, { shading: true, reviewer: true });
    expect(outcome.marks.failure).toMatch(/未能在文档中保存标记记录/);
    expect(wps.trackRevisions).toBe(true);
    expect(ledgerIn(wps.document)).toEqual(first);
  });

  it("rejects with a Chinese HostError only when nothing at all was written", async () => {
    const wps = fakeWps(faulty());
    wps.trackRevisions = true;
    const host = new WpsHost(wps.application);
    const plan = await planFor(host);
    const before = documentState(wps.document);
    wps.failures.shading = true;
    wps.failures.commentsAdd = true;
    wps.failures.customXmlAdd = true;
    const error = await host.write(plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).userMessage).toBe("WPS 未能写入任何标记，文档没有改动。");
    expect(documentState(wps.document)).toEqual(before);
    expect(wps.trackRevisions).toBe(true);
  });

  it("a cell WPS refuses to shade is skipped as failed; the rest is done", async () => {
    const wps = fakeWps(faulty());
    const host = new WpsHost(wps.application);
    const plan = await planFor(host, true);
    wps.failures.shading = true;
    const outcome = await host.write(plan);
    expect(outcome.skipped.map((s) => s.reason)).toEqual(plan.cells.map(() => "failed"));
    expect(outcome.commentsAdded).toHaveLength(plan.addComments.length);
    expect(ledgerIn(wps.document)?.cells).toEqual([]);
    expect(ledgerIn(wps.document)?.comments).toEqual(plan.addComments.map((c) => c.text));
  });

  it("does not comment a cell edited since the read, and says so", async () => {
    const wps = fakeWps(faulty());
    const host = new WpsHost(wps.application);
    const plan = await planFor(host, true);
    const onCell = plan.addComments.find((c) => c.anchor.kind === "cell");
    if (onCell?.anchor.kind !== "cell") throw new Error("no comment on a cell");
    const { tableIndex, rowIndex, cellIndex } = onCell.anchor;
    const cell = wps.document.tables()[tableIndex]?.rows[rowIndex]?.cells[cellIndex];
    if (!cell) throw new Error("no such cell");
    wps.document.setText(cell, "改过的数");
    const outcome = await host.write(plan);
    expect(outcome.commentsAdded).not.toContain(onCell.text);
    expect(outcome.commentsAdded).toHaveLength(plan.addComments.length - 1);
    expect(outcome.failure).toMatch(/1 条批注所在的单元格或段落已变动/);
    expect(
      wps.document.comments.some((c) => c.target.kind === "cell" && c.target.cell === cell),
    ).toBe(false);
  });

  it("says so when revision tracking cannot be switched back on", async () => {
    const wps = fakeWps(faulty());
    wps.trackRevisions = true;
    wps.failures.trackRevisionsOn = true;
    const host = new WpsHost(wps.application);
    const outcome = await checkDocument(host, { shading: true, reviewer: false });
    expect(outcome.marks.failure).toMatch(/修订未能恢复为开启/);
    expect(outcome.marks.shaded).toBeGreaterThan(0);
  });

  it.each<FakeWpsOptions["undoRecord"]>(["absent", "throws"])(
    "UndoRecord %s: marks, clears and inserts without undo grouping",
    async (undoRecord) => {
      const wps = fakeWps(faulty(), { undoRecord });
      wps.trackRevisions = true;
      const host = new WpsHost(wps.application);
      const before = documentState(wps.document);
      const outcome = await checkDocument(host, { shading: true, reviewer: true });
      expect(outcome.marks.failure).toBeUndefined();
      expect(markedCells(wps.document).length).toBeGreaterThan(0);
      await clearMarks(host);
      expect(documentState(wps.document)).toEqual(before);
      await insertTemplate(host, { format: "2021", year: 2024 });
      expect(wps.document.tables().length).toBe(before.tables.length + 3);
      expect(wps.undoRecords).toEqual([]);
      expect(wps.trackRevisions).toBe(true);
    },
  );
});

describe("WPS comments, insertion and walks", () => {
  it("clears our comments by the ledger's text, whoever signed them; keeps a colleague's", async () => {
    const wps = fakeWps(faulty());
    const host = new WpsHost(wps.application);
    await checkDocument(host, { shading: true, reviewer: true });
    const ours = wps.document.comments.filter((c) => c.author === COMMENT_AUTHOR);
    expect(ours.length).toBeGreaterThan(1);
    expect(ours.every((c) => c.initials === COMMENT_INITIALS)).toBe(true);
    // As Word writes them: signed with the user's name.
    for (const comment of ours) comment.author = "王五";
    const at = wps.document.resolve({ kind: "paragraph", paragraphIndex: 1 });
    if (!at) throw new Error("no paragraph");
    wps.document.addComment(at, "请核对第二段。", "李四");
    wps.document.addComment(at, `【年报校核】同事照抄的格式，不在记录中。`, "李四");
    await clearMarks(host);
    expect(wps.document.comments.map((c) => [c.text, c.author])).toEqual([
      ["请核对第二段。", "李四"],
      [`【年报校核】同事照抄的格式，不在记录中。`, "李四"],
    ]);
  });

  it("of two comments that read the same, deletes the one signed 年报校核 and keeps a colleague's copy", async () => {
    const wps = fakeWps(faulty());
    const host = new WpsHost(wps.application);
    await checkDocument(host, { shading: false, reviewer: true });
    const ours = wps.document.comments.filter((c) => c.author === COMMENT_AUTHOR);
    const first = ours[0];
    if (!first) throw new Error("no comment of ours");
    // A colleague pasted our text as his own comment, before ours in the document.
    const copy = wps.document.addComment(first.target, first.text, "李四");
    wps.document.comments = [copy, ...wps.document.comments.filter((c) => c !== copy)];
    await clearMarks(host);
    expect(wps.document.comments.map((c) => [c.text, c.author])).toEqual([[first.text, "李四"]]);
  });

  it("falls back to building the template when InsertXML returns without inserting", async () => {
    const wps = fakeWps(faulty(), { silentInsertXml: true });
    const host = new WpsHost(wps.application);
    const tables = wps.document.tables().length;
    await insertTemplate(host, { format: "2021", year: 2024 });
    expect(wps.document.tables()).toHaveLength(tables + 3);
  });

  it("inserts after the outermost table when the cursor is in a nested one", async () => {
    const inner = table([["内1", "内2"]]);
    const body =
      paragraph("前文") +
      table([
        ["外1", { xml: paragraph("外2") + inner + paragraph("") }],
        ["外3", "外4"],
      ]) +
      paragraph("后文");
    const wps = fakeWps(docx(documentXml(body)));
    const host = new WpsHost(wps.application);
    const outer = wps.document.tables()[0];
    const nested = outer?.rows[0]?.cells[1]?.nestedTables[0];
    const cell = nested?.rows[0]?.cells[0];
    if (!outer || !nested || !cell) throw new Error("nested table not read");
    wps.document.select({ kind: "cell", table: nested, cell });
    expect(await insertTemplate(host, { format: "2021", year: 2024 }, { table: "table4" })).toEqual(
      {
        placement: "after-table",
      },
    );
    const at = wps.document.blocks.indexOf(outer);
    expect(wps.document.blocks[at + 1]?.kind).toBe("table");
    expect(wps.document.blocks[at + 1]).not.toBe(outer);
    expect(nested.rows[0]?.cells.map((c) => c.text)).toEqual(["内1", "内2"]);
  });

  it("finds paragraphs for comments in calls linear in the document (Next(), never Item(i))", async () => {
    const body = (xml: string) =>
      xml.replace(/^[\s\S]*<w:body>|<w:sectPr\/><\/w:body><\/w:document>$/g, "");
    const report = (copies: number) =>
      statutoryReport({ omitSections: ["五"] }).replace(
        /<w:body>[\s\S]*<w:sectPr\/>/,
        `<w:body>${Array.from({ length: copies }, () => body(statutoryReport({ omitSections: ["五"] }))).join("")}${paragraph("末段")}<w:sectPr/>`,
      );
    const cost = async (copies: number) => {
      const wps = fakeWps(docx(report(copies)), { noDocumentXml: true });
      const host = new WpsHost(wps.application);
      const state = await host.read();
      const last = state.snapshot.blocks.filter((b) => b.kind === "paragraph").length - 1;
      const start = wps.calls();
      await host.select({ kind: "paragraph", paragraphIndex: last });
      return { select: wps.calls() - start, read: start };
    };
    const small = await cost(1);
    const large = await cost(10);
    expect(large.select).toBeLessThan(small.select * 12);
    expect(large.read).toBeLessThan(small.read * 12);
  });
});
