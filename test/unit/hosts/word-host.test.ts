import { WordHost, WORD_NO_SHADING } from "../../../src/hosts/word/word-host";
import { hostContract, documentState } from "../../support/host-contract";
import { markProperties } from "../../support/mark-properties";
import { fakeWord, WORD_USER, type FakeWord, type FakeWordOptions } from "../../support/fake-word";
import { checkDocument, clearMarks } from "../../../src/hosts/actions";
import {
  BALANCED_TABLE3,
  docx,
  documentXml,
  paragraph,
  statutoryReport,
  table,
} from "../../support/docx-builder";
import {
  check,
  EMPTY_LEDGER,
  IGNORES_NAMESPACE,
  ignoreRule,
  ignoresToXml,
  LEDGER_NAMESPACE,
  ledgerToXml,
  planMarking,
  readDocument,
  type WritePlan,
} from "../../../src/core";
import type { MemoryDocument } from "../../../src/hosts/memory/memory-document";

const hostOf = (word: FakeWord) =>
  new WordHost({ run: word.run, supports: word.supports, commonParts: word.commonParts });

/** Every combination of the behaviours Word's documentation leaves open. */
const SEMANTICS: FakeWordOptions[] = [];
for (const ooxml of ["plain", "word"] as const)
  for (const continuationsCounted of [true, false])
    for (const deletedRow of ["none", "skipped", "counted"] as const)
      SEMANTICS.push({ ooxml, continuationsCounted, deletedRow });
// A method called on a null object failing the batch (Word does not document what happens).
SEMANTICS.push(
  { ooxml: "plain", continuationsCounted: true, deletedRow: "none", nullObjectMethodsFail: true },
  {
    ooxml: "word",
    continuationsCounted: false,
    deletedRow: "counted",
    nextSkipsNested: true,
    nullObjectMethodsFail: true,
  },
);

const label = (o: FakeWordOptions) =>
  `getOoxml ${o.ooxml}, continuation cells ${o.continuationsCounted ? "counted" : "not counted"}, deleted row ${o.deletedRow}` +
  (o.nextSkipsNested ? ", nested tables not walked" : "") +
  (o.nullObjectMethodsFail ? ", methods on null objects fail" : "");

describe.each(SEMANTICS.map((o) => [label(o), o] as const))("Word: %s", (_, options) => {
  hostContract("Word (fake Office.js)", (bytes) => {
    const word = fakeWord(bytes, options);
    return {
      host: hostOf(word),
      document: word.document,
      commentAuthor: WORD_USER,
      noShading: WORD_NO_SHADING,
    };
  });

  it("never shades a row deleted under track changes", async () => {
    const word = fakeWord(docx(faulty()), options);
    const outcome = await checkDocument(hostOf(word), { shading: true, reviewer: false });
    expect(outcome.marks.shaded).toBeGreaterThan(0);
    expect(outcome.marks.skipped).toEqual([]);
    for (const rows of word.deletedRows.values())
      for (const { row } of rows)
        expect(row.cells.map((c) => c.shading)).toEqual(row.cells.map(() => null));
  });
});

// The marks property under our reader's numbering and under the most distant other semantics.
for (const options of [
  {},
  { ooxml: "word", continuationsCounted: false, deletedRow: "counted" },
] satisfies FakeWordOptions[])
  markProperties(
    `Word (fake Office.js, ${label({ ooxml: "plain", continuationsCounted: true, deletedRow: "none", ...options })})`,
    (bytes) => {
      const word = fakeWord(bytes, options);
      return {
        host: hostOf(word),
        document: word.document,
        commentAuthor: WORD_USER,
        noShading: WORD_NO_SHADING,
      };
    },
    40,
  );

const faulty = () =>
  statutoryReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } });

/** Round trips of each step: read, mark (with its read), clear (with its read). */
async function roundTrips(bytes: Uint8Array, options: FakeWordOptions = {}) {
  const word = fakeWord(bytes, options);
  const host = hostOf(word);
  const counts: number[] = [];
  let last = 0;
  const step = async (action: () => Promise<unknown>) => {
    await action();
    counts.push(word.syncs() - last);
    last = word.syncs();
  };
  await step(() => host.read());
  await step(() => checkDocument(host, { shading: true, reviewer: true }));
  await step(() => clearMarks(host));
  return { counts, commonCalls: word.commonCalls() };
}

const oneTable = () =>
  docx(
    documentXml(
      paragraph("标题") +
        table([
          ["a", "b"],
          ["c", "d"],
        ]) +
        paragraph("正文"),
    ),
  );

describe("Word round trips", () => {
  it("a one-table document: read 2 + 1, check-and-mark 3 + 2, clear 3 + 2", async () => {
    // It lacks the statutory tables, so each read asks for the body's package once (a text box
    // may hold them: body-package.ts).
    expect((await roundTrips(oneTable())).counts).toEqual([3, 5, 5]);
  });

  it("a 60-table document fetches its tables ten per round trip: read 7, the writes still 2", async () => {
    const body = Array.from({ length: 20 }, () =>
      faulty().replace(/^[\s\S]*<w:body>|<w:sectPr\/><\/w:body><\/w:document>$/g, ""),
    ).join("");
    const bytes = docx(documentXml(body));
    expect(readDocument(bytes).blocks.filter((b) => b.kind === "table")).toHaveLength(60);
    expect((await roundTrips(bytes)).counts).toEqual([7, 9, 9]);
  });

  it("checking each cell before writing it adds no round trip, whatever Word's numbering", async () => {
    for (const options of SEMANTICS)
      expect((await roundTrips(docx(faulty()), options)).counts).toEqual([2, 4, 4]);
  });

  it("on WordApi 1.3 each read adds the body's package; the Common API parts cost their own calls", async () => {
    const { counts, commonCalls } = await roundTrips(docx(faulty()), { api: "1.3" });
    // Without Paragraph.getText (WordApi 1.7) hidden text shows only in the package.
    expect(counts).toEqual([3, 5, 5]);
    // Each read: 2 namespaces × (find + get XML); each ledger store: find, add, delete.
    expect(commonCalls).toBeGreaterThan(0);
  });
});

/** A plan for the document as the host reads it now, as the pane would make it. */
async function planFor(host: WordHost): Promise<WritePlan> {
  const state = await host.read();
  return planMarking(state.snapshot, state.ledger, check(state.snapshot).findings, {
    shading: true,
    comments: "structure",
  });
}

function cellOf(
  doc: MemoryDocument,
  at: { tableIndex: number; rowIndex: number; cellIndex: number },
) {
  const cell = doc.tables()[at.tableIndex]?.rows[at.rowIndex]?.cells[at.cellIndex];
  if (!cell) throw new Error("no such cell");
  return cell;
}

const missingSection = () =>
  docx(
    statutoryReport({
      omitSections: ["五"],
      table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] },
    }),
  );

describe("Word writes only where the cell holds the text we checked", () => {
  it("skips and reports a cell whose text changed since the read, and shades the others", async () => {
    const word = fakeWord(docx(faulty()));
    const host = hostOf(word);
    const plan = await planFor(host);
    const [changed, ...others] = plan.cells;
    if (!changed || others.length === 0) throw new Error("expected several writes");
    word.document.setText(cellOf(word.document, changed), "999");
    const outcome = await host.write(plan);
    expect(outcome.skipped).toEqual([{ write: changed, reason: "text-differs", found: "999" }]);
    expect(cellOf(word.document, changed).shading ?? null).toBeNull();
    for (const write of others) expect(cellOf(word.document, write).shading).toBe(write.shading);
    const ledger = (await host.read()).ledger;
    expect(ledger.cells.map((c) => [c.tableIndex, c.rowIndex, c.cellIndex])).not.toContainEqual([
      changed.tableIndex,
      changed.rowIndex,
      changed.cellIndex,
    ]);
    expect(ledger.cells).toHaveLength(others.length);
  });

  it("skips a cell that no longer exists", async () => {
    const word = fakeWord(docx(faulty()));
    const host = hostOf(word);
    const plan = await planFor(host);
    const write = plan.cells[0];
    if (!write) throw new Error("no write");
    const gone = { ...write, rowIndex: 400 };
    const noTable = { ...write, tableIndex: 40 };
    const outcome = await host.write({ ...plan, cells: [gone, noTable] });
    expect(outcome.written).toEqual([]);
    expect(outcome.skipped).toEqual([
      { write: gone, reason: "not-found" },
      { write: noTable, reason: "not-found" },
    ]);
  });

  it("selects the cell the user just corrected, under Word's other numberings too", async () => {
    for (const options of SEMANTICS) {
      const word = fakeWord(docx(faulty()), options);
      const host = hostOf(word);
      const plan = await planFor(host);
      const write = plan.cells.find((w) => w.rowIndex > 2);
      if (!write) throw new Error("no write below the header");
      word.document.setText(cellOf(word.document, write), "11");
      const { tableIndex, rowIndex, cellIndex } = write;
      expect(await host.select({ kind: "cell", tableIndex, rowIndex, cellIndex })).toBe(true);
      const selected = word.document.selection;
      expect(selected?.kind === "cell" && word.document.anchorOf(selected)).toEqual({
        kind: "cell",
        tableIndex: write.tableIndex,
        rowIndex: write.rowIndex,
        cellIndex: write.cellIndex,
      });
    }
  });

  it("finds each table when Word's table order leaves nested tables out", async () => {
    const nested = table([[{ xml: paragraph("外") + table([["内"]]) + paragraph("") }, "b"]]);
    const body = faulty().replace("<w:body>", `<w:body>${nested}`);
    const bytes = docx(body);
    for (const nextSkipsNested of [false, true]) {
      const word = fakeWord(bytes, { nextSkipsNested });
      const host = hostOf(word);
      const outcome = await checkDocument(host, { shading: true, reviewer: false });
      expect(outcome.marks.skipped).toEqual([]);
      const ledger = (await host.read()).ledger;
      expect(ledger.cells.length).toBeGreaterThan(0);
      for (const mark of ledger.cells)
        expect(cellOf(word.document, mark).shading).toBe(mark.applied);
    }
  });
});

describe("Word fails safe", () => {
  async function marked(options: FakeWordOptions = {}) {
    const word = fakeWord(missingSection(), options);
    word.setTrackingMode("TrackAll");
    const host = hostOf(word);
    const before = documentState(word.document);
    return { word, host, before };
  }

  it("when a comment is refused: the cells stay shaded and recorded, 修订 is back on, the pane is told", async () => {
    const { word, host, before } = await marked();
    word.failing.add("insertComment");
    const outcome = await checkDocument(host, { shading: true, reviewer: true });
    expect(outcome.marks.failure).toContain("批注未能添加");
    expect(outcome.marks.shaded).toBeGreaterThan(0);
    expect(outcome.marks.commented).toBe(0);
    expect(word.document.comments).toEqual([]);
    expect(word.trackingHistory[word.trackingHistory.length - 1]).toBe("TrackAll");
    const ledger = (await host.read()).ledger;
    expect(ledger.cells).toHaveLength(outcome.marks.shaded);
    for (const mark of ledger.cells) expect(cellOf(word.document, mark).shading).toBe(mark.applied);

    word.failing.clear();
    const report = await clearMarks(host);
    expect(report.failure).toBeUndefined();
    expect(normalized(word.document)).toEqual(normalizedState(before));
  });

  it("when a cell cannot be reached: nothing is written and the write is refused in Chinese", async () => {
    const { word, host, before } = await marked();
    const plan = await planFor(host);
    word.failing.add("getCell");
    await expect(host.write(plan)).rejects.toMatchObject({
      name: "HostError",
      userMessage: expect.stringContaining("Word 未能完成") as string,
    });
    expect(documentState(word.document)).toEqual(before);
    expect(word.trackingHistory).toEqual([]);
  });

  it("when the ledger part cannot be added: the ledger is kept for the session and the pane is told", async () => {
    const { word, host, before } = await marked();
    word.failing.add("customXmlParts.add");
    const outcome = await checkDocument(host, { shading: true, reviewer: true });
    expect(outcome.marks.failure).toContain("标记记录未能保存到文档");
    expect(word.document.partsIn(LEDGER_NAMESPACE)).toEqual([]);
    expect(word.trackingHistory[word.trackingHistory.length - 1]).toBe("TrackAll");
    const ledger = (await host.read()).ledger;
    expect(ledger.cells).toHaveLength(outcome.marks.shaded);
    expect(ledger.comments).toHaveLength(outcome.marks.commented);
    word.failing.clear();
    await clearMarks(host);
    expect(normalized(word.document)).toEqual(normalizedState(before));
    expect(word.document.partsIn(LEDGER_NAMESPACE)).toHaveLength(1);
  });

  it("when shading fails: the cells are recorded as possibly marked, and clearing restores what it finds", async () => {
    const { word, host, before } = await marked();
    const plan = await planFor(host);
    word.failing.add("shading");
    const outcome = await host.write(plan);
    expect(outcome.failure).toContain("部分单元格可能未着色");
    expect(outcome.written).toEqual([]);
    expect(outcome.skipped.map((s) => s.reason)).toEqual(plan.cells.map(() => "failed"));
    expect(word.trackingHistory[word.trackingHistory.length - 1]).toBe("TrackAll");
    const ledger = (await host.read()).ledger;
    expect(ledger.cells).toEqual(plan.cells.map((w) => w.marks));
    word.failing.clear();
    const report = await clearMarks(host);
    // Nothing was shaded: every recorded cell shows its own shading, so nothing is restored,
    // and nothing is reported as recoloured or gone.
    expect(report.restored).toBe(0);
    expect(report.recolored).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(documentState(word.document).tables).toEqual(before.tables);
  });

  it("when 修订 cannot be restored, says so", async () => {
    const { word, host } = await marked();
    word.failing.add("changeTrackingMode");
    const outcome = await checkDocument(host, { shading: true, reviewer: false });
    expect(outcome.marks.failure).toContain("修订状态未能恢复");
    expect(outcome.marks.shaded).toBeGreaterThan(0);
  });

  it("on WordApi 1.3, when the Common API part cannot be added: the session keeps the ledger", async () => {
    const word = fakeWord(missingSection(), { api: "1.3" });
    const host = hostOf(word);
    const before = documentState(word.document);
    word.failing.add("customXmlParts.add");
    const outcome = await checkDocument(host, { shading: true, reviewer: false });
    expect(outcome.marks.failure).toContain("标记记录未能保存到文档");
    expect(outcome.marks.shaded).toBeGreaterThan(0);
    word.failing.clear();
    await clearMarks(host);
    expect(normalized(word.document)).toEqual(normalizedState(before));
  });
});

const normalizedState = (state: ReturnType<typeof documentState>) => ({
  ...state,
  tables: state.tables.map((t) =>
    t.map((r) => r.map(([text, shading]) => [text, shading === WORD_NO_SHADING ? null : shading])),
  ),
});
const normalized = (doc: MemoryDocument) => normalizedState(documentState(doc));

describe("Word specifics", () => {
  it("turns change tracking off while marking and back on after", async () => {
    const word = fakeWord(docx(faulty()));
    word.setTrackingMode("TrackAll");
    await checkDocument(hostOf(word), { shading: true, reviewer: false });
    expect(word.trackingHistory).toEqual(["Off", "TrackAll"]);
  });

  it("on WordApi 1.3 stores the ledger and ignores in the document through the Common API", async () => {
    const word = fakeWord(docx(faulty()), { api: "1.3" });
    const host = hostOf(word);
    expect(host.capabilities).toEqual({
      comments: false,
      documentStorage: true,
      pausesTracking: false,
    });
    const before = normalized(word.document);
    const outcome = await checkDocument(host, { shading: true, reviewer: true });
    expect(outcome.marks.shaded).toBeGreaterThan(0);
    expect(outcome.marks.commented).toBe(0);
    expect(word.document.partsIn(LEDGER_NAMESPACE)).toHaveLength(1);
    expect(word.trackingHistory).toEqual([]);

    // Saved, closed and reopened: a new session clears the marks from the stored ledger.
    const reopened = fakeWord(word.document, { api: "1.3" });
    await clearMarks(hostOf(reopened));
    expect(normalized(word.document)).toEqual(before);
  });

  it("marks made on WordApi 1.3 clear on 1.4, and the other way round (one part, one namespace)", async () => {
    const word13 = fakeWord(docx(faulty()), { api: "1.3" });
    const before = normalized(word13.document);
    await checkDocument(hostOf(word13), { shading: true, reviewer: false });
    const word14 = fakeWord(word13.document);
    const report = await clearMarks(hostOf(word14));
    expect(report.restored).toBeGreaterThan(0);
    expect(normalized(word13.document)).toEqual(before);

    await checkDocument(hostOf(word14), { shading: true, reviewer: false });
    await clearMarks(hostOf(fakeWord(word13.document, { api: "1.3" })));
    expect(normalized(word13.document)).toEqual(before);
    expect(word13.document.partsIn(LEDGER_NAMESPACE)).toHaveLength(1);
  });

  it("on WordApi 1.3 without custom XML parts keeps the ledger and ignores for the session", async () => {
    const word = fakeWord(docx(faulty()), { api: "1.3", commonParts: false });
    const host = hostOf(word);
    expect(host.capabilities).toEqual({
      comments: false,
      documentStorage: false,
      pausesTracking: false,
    });
    const before = normalized(word.document);
    const outcome = await checkDocument(host, { shading: true, reviewer: true });
    expect(outcome.marks.shaded).toBeGreaterThan(0);
    expect(word.document.parts).toEqual([]);
    await clearMarks(host);
    expect(normalized(word.document)).toEqual(before);
  });

  it("with WordApiDesktop 1.4 takes the shading off instead of writing white", async () => {
    const word = fakeWord(docx(faulty()), { desktop14: true });
    const host = hostOf(word);
    const before = documentState(word.document);
    await checkDocument(host, { shading: true, reviewer: false });
    expect(documentState(word.document)).not.toEqual(before);
    await clearMarks(host);
    expect(documentState(word.document)).toEqual(before);
  });

  it("without it, writes white where there was no shading", async () => {
    const word = fakeWord(docx(faulty()));
    const host = hostOf(word);
    const { ledger } = await checkDocument(host, { shading: true, reviewer: false }).then(() =>
      host.read(),
    );
    await clearMarks(host);
    for (const mark of ledger.cells)
      expect(cellOf(word.document, mark).shading).toBe(mark.original ?? WORD_NO_SHADING);
  });

  it("reports a failed batch in Chinese, keeping Word's error as the cause", async () => {
    const word = fakeWord(docx(faulty()));
    const host = new WordHost({
      run: () => Promise.reject(new Error("GeneralException: boom")),
      supports: word.supports,
    });
    await expect(host.read()).rejects.toMatchObject({
      name: "HostError",
      userMessage: expect.stringContaining("Word 未能完成") as string,
      message: "GeneralException: boom",
    });
  });
});

describe("the fake Word behaves like Office.js", () => {
  it("throws on reading before load and sync, and on a ClientResult before sync", async () => {
    const word = fakeWord(docx(faulty()));
    const { tables, paragraphs } = word.context.document.body;
    expect(() => tables.items).toThrow(/PropertyNotLoaded/);
    tables.load("items/nestingLevel");
    expect(() => tables.items).toThrow(/PropertyNotLoaded/);
    await word.context.sync();
    expect(tables.items[0]?.nestingLevel).toBe(1);
    expect(() => tables.items[0]?.rowCount).toThrow(/PropertyNotLoaded/);
    expect(() => paragraphs.items).toThrow(/PropertyNotLoaded/);
    const ooxml = tables.items[1]?.getRange().getOoxml();
    expect(() => ooxml?.value).toThrow(/before context.sync/);
    await word.context.sync();
    expect(ooxml?.value).toContain("<w:tbl>");
  });

  it("refuses a shading that is not a colour, failing the whole batch", async () => {
    const word = fakeWord(docx(faulty()));
    const { tables } = word.context.document.body;
    tables.load("items/nestingLevel");
    await word.context.sync();
    const cell = tables.items[0]?.getCell(0, 0);
    if (!cell) throw new Error("no cell");
    cell.shadingColor = "";
    await expect(word.context.sync()).rejects.toThrow(/InvalidArgument/);
  });

  it("gives a cell's value and a null object for a cell that does not exist", async () => {
    const word = fakeWord(docx(faulty()));
    const first = word.context.document.body.tables.getFirstOrNullObject();
    const cell = first.getCellOrNullObject(0, 0);
    const none = first.getCellOrNullObject(99, 0);
    cell.load("value");
    none.load("value");
    expect(() => cell.value).toThrow(/PropertyNotLoaded/);
    await word.context.sync();
    expect(cell.isNullObject).toBe(false);
    expect(cell.value).toBe(word.document.tables()[0]?.rows[0]?.cells[0]?.text);
    expect(none.isNullObject).toBe(true);
  });

  it("plays Word's other numberings: continuation cells skipped, a deleted row counted", async () => {
    const bytes = docx(
      documentXml(
        table([
          [{ text: "A", vMerge: "restart" }, "B"],
          [{ vMerge: "continue" }, "C"],
          ["D", "E"],
        ]),
      ),
    );
    const valueAt = async (options: FakeWordOptions, row: number, cell: number) => {
      const word = fakeWord(bytes, options);
      const found = word.context.document.body.tables
        .getFirstOrNullObject()
        .getCellOrNullObject(row, cell);
      found.load("value");
      await word.context.sync();
      return found.isNullObject ? null : found.value;
    };
    expect(await valueAt({}, 1, 1)).toBe("C");
    expect(await valueAt({ continuationsCounted: false }, 1, 0)).toBe("C");
    expect(await valueAt({ continuationsCounted: false }, 1, 1)).toBeNull();
    expect(await valueAt({ deletedRow: "skipped" }, 2, 0)).toBe("D");
    expect(await valueAt({ deletedRow: "counted" }, 1, 1)).toBe("C（已删除）");
    expect(await valueAt({ deletedRow: "counted" }, 3, 0)).toBe("D");
  });

  it("returns Word's whole package from getOoxml, which the reader reads as the table", async () => {
    const bytes = docx(faulty());
    const word = fakeWord(bytes, { ooxml: "word", deletedRow: "skipped" });
    const { tables } = word.context.document.body;
    tables.load("items/nestingLevel");
    await word.context.sync();
    const xml = tables.items[1]?.getRange().getOoxml();
    await word.context.sync();
    const text = xml?.value ?? "";
    for (const part of [
      "/word/styles.xml",
      "w14:paraId",
      "<w:sdt>",
      "w:tcPrChange",
      '<w:trPr><w:jc w:val="center"/><w:del ',
    ])
      expect(text).toContain(part);
    const table3 = readDocument(text).blocks.find((b) => b.kind === "table");
    expect(table3).toEqual({ ...word.document.tables()[1], tableIndex: 0 });
  });

  it("keeps nested tables out of the top-level tables", async () => {
    const inner = table([["内"]]);
    const bytes = docx(
      documentXml(
        paragraph("前") +
          table([[{ xml: paragraph("外") + inner + paragraph("") }, "b"]]) +
          paragraph("后"),
      ),
    );
    const word = fakeWord(bytes);
    const state = await hostOf(word).read();
    expect(state.snapshot.blocks.map((b) => b.kind)).toEqual(["paragraph", "table", "paragraph"]);
  });
});

/** The document's ledger part moved behind an empty one, as a replace whose delete failed leaves it. */
function ledgerBehindAnEmptyPart(doc: MemoryDocument): void {
  const [part, ...rest] = doc.partsIn(LEDGER_NAMESPACE);
  if (!part || rest.length > 0) throw new Error("expected one ledger part");
  doc.removePart(part.id);
  doc.addPart(ledgerToXml(EMPTY_LEDGER));
  doc.addPart(part.xml);
}

describe("Word reads every part a failed replace leaves", () => {
  for (const api of ["1.4", "1.3"] as const)
    it(`WordApi ${api}: marks recorded in either ledger part are cleared`, async () => {
      const word = fakeWord(docx(faulty()), { api });
      const before = normalized(word.document);
      await checkDocument(hostOf(word), { shading: true, reviewer: false });
      ledgerBehindAnEmptyPart(word.document);
      const host = hostOf(fakeWord(word.document, { api }));
      expect((await host.read()).ledger.cells.length).toBeGreaterThan(0);
      const report = await clearMarks(host);
      expect(report.restored).toBeGreaterThan(0);
      expect(normalized(word.document)).toEqual(before);
    });

  for (const api of ["1.4", "1.3"] as const)
    it(`WordApi ${api}: of two ignores parts, the one added last counts`, async () => {
      const word = fakeWord(docx(faulty()), { api });
      word.document.addPart(ignoresToXml([ignoreRule("cell-blank")]));
      word.document.addPart(ignoresToXml([]));
      expect((await hostOf(word).read()).ignores).toEqual([]);
      word.document.addPart(ignoresToXml([ignoreRule("cell-blank")]));
      expect((await hostOf(word).read()).ignores).toEqual([ignoreRule("cell-blank")]);
      expect(word.document.partsIn(IGNORES_NAMESPACE)).toHaveLength(3);
    });
});

describe("Word saves ignores even when the earlier part stays", () => {
  for (const api of ["1.4", "1.3"] as const)
    it(`WordApi ${api}: the new ignores are read back though the old part could not be deleted`, async () => {
      const word = fakeWord(docx(faulty()), { api });
      const host = hostOf(word);
      await host.read();
      await host.saveIgnores([ignoreRule("cell-blank")]);
      word.failing.add("customXmlParts.delete");
      await host.saveIgnores([]);
      word.failing.clear();
      expect(word.document.partsIn(IGNORES_NAMESPACE)).toHaveLength(2);
      expect((await hostOf(fakeWord(word.document, { api })).read()).ignores).toEqual([]);
    });
});

describe("Word never rejects a write that changed the document", () => {
  /** A plan none of whose cells holds the text it expects: only the ledger would change. */
  async function staleOnly(host: WordHost): Promise<WritePlan> {
    const plan = await planFor(host);
    return {
      ...plan,
      cells: plan.cells.map((c) => ({ ...c, expectedText: "已改" })),
      addComments: [],
      removeComments: [],
    };
  }

  it("when the earlier ledger part cannot be deleted: the new one is stored and the pane warned", async () => {
    const word = fakeWord(docx(faulty()));
    const host = hostOf(word);
    await checkDocument(host, { shading: true, reviewer: false });
    const plan = await staleOnly(host);
    word.failing.add("customXmlParts.delete");
    const outcome = await host.write(plan);
    expect(outcome.ledgerStored).toBe(true);
    expect(outcome.failure).toContain("旧的标记记录未能删除");
    expect(outcome.written).toEqual([]);
    word.failing.clear();
    // Whatever parts are left, the marks read back are the ones in the document.
    const ledger = (await host.read()).ledger;
    for (const mark of ledger.cells) expect(cellOf(word.document, mark).shading).toBe(mark.applied);
  });

  it("on WordApi 1.3 too: a delete that fails after the add is a warning", async () => {
    const word = fakeWord(docx(faulty()), { api: "1.3" });
    const host = hostOf(word);
    await checkDocument(host, { shading: true, reviewer: false });
    word.failing.add("customXmlParts.delete");
    const outcome = await host.write(await staleOnly(host));
    expect(outcome.ledgerStored).toBe(true);
    expect(outcome.failure).toContain("旧的标记记录未能删除");
  });

  it("when nothing changed and 修订 cannot be switched back on, the refusal says so", async () => {
    const word = fakeWord(docx(faulty()));
    word.setTrackingMode("TrackAll");
    const host = hostOf(word);
    const plan = await staleOnly(host);
    word.failing.add("changeTrackingMode");
    word.failing.add("customXmlParts.add");
    await expect(host.write(plan)).rejects.toMatchObject({
      name: "HostError",
      userMessage: expect.stringContaining("请在“审阅”选项卡中重新打开“修订”") as string,
    });
    expect(word.document.partsIn(LEDGER_NAMESPACE)).toEqual([]);
  });
});

describe("Word reports every comment it could not place", () => {
  it("a comment whose paragraph is gone or whose cell's text changed is not added, and is counted", async () => {
    const word = fakeWord(docx(faulty()));
    const host = hostOf(word);
    const plan = await planFor(host);
    const [write] = plan.cells;
    if (!write) throw new Error("no write");
    const { tableIndex, rowIndex, cellIndex } = write;
    const outcome = await host.write({
      ...plan,
      cells: [],
      addComments: [
        { anchor: { kind: "cell", tableIndex, rowIndex, cellIndex }, text: "留下" },
        { anchor: { kind: "paragraph", paragraphIndex: 9999 }, text: "段落已删" },
      ],
    });
    expect(outcome.commentsAdded).toEqual(["留下"]);
    expect(outcome.failure).toContain("1 条批注的位置已变动，未添加");

    await host.read();
    word.document.setText(cellOf(word.document, write), "改过");
    const changed = await host.write({
      ...plan,
      cells: [],
      addComments: [
        { anchor: { kind: "cell", tableIndex, rowIndex, cellIndex }, text: "文字已变" },
      ],
    });
    expect(changed.commentsAdded).toEqual([]);
    expect(changed.failure).toContain("1 条批注的位置已变动，未添加");
    expect(word.document.comments.map((c) => c.text)).toEqual(["留下"]);
  });

  it("after a failed batch counts a comment once, as kept or as added, never both", async () => {
    const word = fakeWord(missingSection());
    const host = hostOf(word);
    await checkDocument(host, { shading: false, reviewer: true });
    const ours = word.document.comments.map((c) => c.text);
    expect(ours.length).toBeGreaterThan(0);
    // Each of our comments taken away and put back with the same text, as a re-marking can.
    const plan: WritePlan = {
      ...(await planFor(host)),
      cells: [],
      removeComments: ours,
      addComments: ours.map((text) => ({ anchor: { kind: "paragraph", paragraphIndex: 0 }, text })),
    };
    word.failing.add("customXmlParts.delete");
    const outcome = await host.write(plan);
    word.failing.clear();
    expect(outcome.commentsKept.length + outcome.commentsAdded.length).toBe(
      word.document.comments.length,
    );
  });
});

describe("Word leaves an ambiguous cell alone", () => {
  it("when two tables in Word's order both match the row and the table, nothing is written", async () => {
    const twin = [
      ["甲", "1"],
      ["乙", "2"],
    ];
    const bytes = docx(
      documentXml(
        table([[{ xml: paragraph("外") + table(twin) + paragraph("") }, "b"]]) + table(twin),
      ),
    );
    const write = {
      tableIndex: 1,
      rowIndex: 1,
      cellIndex: 1,
      shading: "#FFC7CE",
      expectedText: "2",
    };
    const word = fakeWord(bytes);
    const host = hostOf(word);
    const plan: WritePlan = {
      ...(await planFor(host)),
      cells: [write],
      removeComments: [],
      addComments: [],
    };
    const outcome = await host.write(plan);
    expect(outcome.written).toEqual([]);
    expect(outcome.skipped).toEqual([{ write, reason: "text-differs", found: "2" }]);
    expect(documentState(word.document).tables.flat(2)).not.toContain("#FFC7CE");

    // Where Word's order leaves nested tables out, only one candidate holds the text.
    const walked = fakeWord(bytes, { nextSkipsNested: true, nullObjectMethodsFail: true });
    const walkedHost = hostOf(walked);
    await walkedHost.read();
    expect((await walkedHost.write(plan)).written).toEqual([write]);
  });
});

describe("Word never calls a method on a table past the last", () => {
  it("a plan naming a table that is not there is skipped, in the same two round trips", async () => {
    const word = fakeWord(docx(faulty()), { nullObjectMethodsFail: true });
    const host = hostOf(word);
    const plan = await planFor(host);
    const write = plan.cells[0];
    if (!write) throw new Error("no write");
    const noTable = { ...write, tableIndex: 40 };
    const before = word.syncs();
    const outcome = await host.write({ ...plan, cells: [noTable, write] });
    expect(outcome.skipped).toEqual([{ write: noTable, reason: "not-found" }]);
    expect(outcome.written).toEqual([write]);
    expect(word.syncs() - before).toBe(2);
  });

  it("when nested tables are not walked, retries once with each table's ordinal", async () => {
    // Two nested tables put every later table two places further in body.tables.
    const inner = table([["内"]]) + paragraph("");
    const nested = table([[{ xml: paragraph("外") + inner + inner }, "b"]]);
    const bytes = docx(faulty().replace("<w:body>", `<w:body>${nested}`));
    const word = fakeWord(bytes, { nextSkipsNested: true, nullObjectMethodsFail: true });
    const host = hostOf(word);
    const plan = await planFor(host);
    const last = readDocument(bytes).blocks.filter((b) => b.kind === "table").length - 1;
    // Some cell's table is, counting nested tables, past the last table Word walks.
    expect(plan.cells.some((c) => c.tableIndex + 2 > last)).toBe(true);
    const before = word.syncs();
    const outcome = await host.write(plan);
    // The locating batch failed on the null table and was retried once, then the write.
    expect(word.syncs() - before).toBe(3);
    expect(outcome.skipped).toEqual([]);
    expect(outcome.written).toEqual(plan.cells);
    for (const write of plan.cells)
      expect(cellOf(word.document, write).shading).toBe(write.shading);
  });
});
