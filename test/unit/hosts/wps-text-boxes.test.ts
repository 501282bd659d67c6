/**
 * Two things real WPS may do either way, neither documented: whether Document.Tables and
 * Document.Paragraphs list the tables and paragraphs of text boxes (VBA lists neither: a text
 * box is a story of its own, wdTextFrameStory), and whether Range.Text holds hidden text
 * (Word's does while the view shows hidden text). The fake plays each way; the adapter must
 * read the document as our OOXML reader does, and mark the same cells, under all of them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { check, readDocument } from "../../../src/core";
import type { SnapshotBlock, SnapshotTable } from "../../../src/core/model/snapshot";
import { checkDocument } from "../../../src/hosts/actions";
import { MemoryDocument } from "../../../src/hosts/memory/memory-document";
import { MemoryHost } from "../../../src/hosts/memory/memory-host";
import { WpsHost } from "../../../src/hosts/wps/wps-host";
import { allowConsole } from "../../support/console";
import { BALANCED_TABLE3, docx, statutoryReport } from "../../support/docx-builder";
import { fakeWps, type FakeWpsOptions } from "../../support/fake-wps";
import { summary } from "../../support/host-contract";

const HABITS = join(__dirname, "../../fixtures/reader-habits");

const READS: [string, FakeWpsOptions][] = [
  ["the whole body's OOXML", {}],
  ["table by table", { noDocumentXml: true }],
  ["cells walked", { noWordOpenXml: true }],
];

beforeEach(() => {
  allowConsole(
    "warn",
    /^nianbao: the document's WordOpenXML is unavailable, reading table by table /,
  );
  allowConsole("warn", /^nianbao: WordOpenXML unavailable, walking the cells /);
});

/** Each cell's shading in a document, text-box tables included. */
const shadings = (doc: MemoryDocument) =>
  doc.blocks.flatMap((b) =>
    b.kind === "table" ? b.rows.flatMap((r) => r.cells.map((c) => c.shading ?? null)) : [],
  );

/** Where each comment went, by the anchor it has in the document. */
const commentPlaces = (doc: MemoryDocument) =>
  doc.comments.map((c) => [c.text, doc.anchorOf(c.target)]).sort();

describe.each(["textbox-wps.docx", "textbox-word.docx"])("WPS over %s", (file) => {
  const bytes = new Uint8Array(readFileSync(join(HABITS, file)));
  const expected = summary(check(readDocument(bytes)).findings);

  // Read table by table (when WPS gives no OOXML for the whole body), a text box's table is
  // seen only where Document.Tables lists it and StoryType tells it apart; otherwise it is not
  // read at all, or passes for a body table.
  const TEXT_BOXES: [string, FakeWpsOptions, boolean][] = [
    ["text boxes left out, as VBA", {}, false],
    ["Tables lists their tables", { textBoxTablesListed: true }, true],
    ["Paragraphs lists their paragraphs", { textBoxParagraphsListed: true }, false],
    [
      "Tables and Paragraphs list them",
      { textBoxTablesListed: true, textBoxParagraphsListed: true },
      true,
    ],
    ["Tables lists them, no StoryType", { textBoxTablesListed: true, noStoryType: true }, false],
  ];

  describe.each(TEXT_BOXES)("%s", (_name, semantics, byPartsToo) => {
    const reads = byPartsToo ? READS : READS.slice(0, 1);
    it.each(reads)("reads %s as our reader does, the text box's table checked", async (_r, how) => {
      const wps = fakeWps(bytes, { ...semantics, ...how });
      const { snapshot } = await new WpsHost(wps.application).read();
      const tables = snapshot.blocks.filter((b): b is SnapshotTable => b.kind === "table");
      expect(tables.filter((t) => t.origin === "textbox").map((t) => t.tableIndex)).toEqual([-1]);
      expect(tables.filter((t) => !t.origin).map((t) => t.tableIndex)).toEqual([0, 1]);
      const found = summary(check(snapshot).findings);
      expect([...found].sort(byJson)).toEqual([...expected].sort(byJson));
    });

    it.each(reads)(
      "read %s, marks the cells and paragraphs the demo host marks, never the text box's",
      async (_r, how) => {
        const wps = fakeWps(bytes, { ...semantics, ...how });
        const outcome = await checkDocument(new WpsHost(wps.application), {
          shading: true,
          reviewer: true,
        });
        const memory = MemoryDocument.fromDocx(bytes);
        const demo = await checkDocument(new MemoryHost(memory), { shading: true, reviewer: true });
        expect(outcome.marks.skipped).toEqual([]);
        expect(outcome.marks.shaded).toBe(demo.marks.shaded);
        expect(shadings(wps.document)).toEqual(shadings(memory));
        expect(commentPlaces(wps.document)).toEqual(commentPlaces(memory));
      },
    );
  });
});

describe("WPS with a text box's table before the body's tables", () => {
  const bytes = docx(
    statutoryReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } }),
  );
  /** The report with its first table (表二) moved into a text box. */
  const boxed = () => {
    const blocks = MemoryDocument.fromDocx(bytes).blocks;
    const first = blocks.find((b): b is SnapshotTable => b.kind === "table");
    if (!first) throw new Error("the report has no table");
    first.origin = "textbox";
    return new MemoryDocument(blocks);
  };

  const CASES: [string, FakeWpsOptions][] = [
    ["whole body, Tables leaves it out", {}],
    ["whole body, Tables lists it", { textBoxTablesListed: true }],
    ["whole body, Tables lists it, no StoryType", { textBoxTablesListed: true, noStoryType: true }],
    ["table by table, Tables lists it", { textBoxTablesListed: true, noDocumentXml: true }],
    [
      "table by table, Tables and Paragraphs list it",
      { textBoxTablesListed: true, textBoxParagraphsListed: true, noDocumentXml: true },
    ],
    [
      "cells walked, Tables and Paragraphs list it",
      { textBoxTablesListed: true, textBoxParagraphsListed: true, noWordOpenXml: true },
    ],
  ];

  it.each(CASES)("%s: shades the body's cells the demo host shades", async (_name, options) => {
    const wps = fakeWps(boxed(), options);
    const outcome = await checkDocument(new WpsHost(wps.application), {
      shading: true,
      reviewer: true,
    });
    const memory = boxed();
    const demo = await checkDocument(new MemoryHost(memory), { shading: true, reviewer: true });
    expect(demo.marks.shaded).toBeGreaterThan(0);
    expect(outcome.marks.skipped).toEqual([]);
    expect(outcome.marks.shaded).toBe(demo.marks.shaded);
    expect(shadings(wps.document)).toEqual(shadings(memory));
    expect(commentPlaces(wps.document)).toEqual(commentPlaces(memory));
    // In its place, except read table by table where WPS does not list its paragraphs: last.
    const order = (blocks: SnapshotBlock[]) =>
      blocks.map((b) => (b.kind === "table" ? `table ${b.tableIndex}` : "paragraph"));
    const expected = order(memory.snapshot().blocks);
    const unplaced = options.noDocumentXml && !options.textBoxParagraphsListed;
    expect(order(outcome.state.snapshot.blocks)).toEqual(
      unplaced ? [...expected.filter((b) => b !== "table -1"), "table -1"] : expected,
    );
  });
});

const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));

describe("WPS and hidden text", () => {
  const bytes = docx(
    statutoryReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } }),
  );

  /** Hides a 2 inside the first cell of the last table holding a figure of two digits or more. */
  function hideText(wps: ReturnType<typeof fakeWps>) {
    const table = wps.document.tables().at(-1);
    const cell = table?.rows.flatMap((r) => r.cells).find((c) => /^[1-9]\d*$/.test(c.text));
    const paragraph = wps.document.paragraphs().find((p) => p.text.length > 4);
    if (!cell || !paragraph) throw new Error("the report has no figure cell or long paragraph");
    wps.hideText(cell, 1, "2");
    wps.hideText(paragraph, 2, "（隐藏的说明）");
    return { cell, paragraph };
  }

  const HIDDEN: [string, FakeWpsOptions][] = [
    ["Range.Text leaves it out", { hiddenTextExcluded: true }],
    ["Range.Text holds it, TextRetrievalMode honoured", {}],
    ["Range.Text holds it, TextRetrievalMode ignored", { textRetrievalMode: "ignored" }],
    ["Range.Text holds it, no TextRetrievalMode", { textRetrievalMode: "absent" }],
    ["Range.Text holds it, no Font.Hidden", { noFontHidden: true }],
  ];

  describe.each(HIDDEN)("%s", (_name, semantics) => {
    it.each(READS.slice(1))(
      "reads %s without the hidden text, and marks the cells",
      async (_r, how) => {
        const reference = await new WpsHost(fakeWps(bytes, how).application).read();
        const wps = fakeWps(bytes, { ...semantics, ...how });
        hideText(wps);
        const host = new WpsHost(wps.application);
        const { snapshot } = await host.read();
        expect(snapshot).toEqual(reference.snapshot);
        const outcome = await checkDocument(host, { shading: true, reviewer: false });
        expect(outcome.marks.shaded).toBeGreaterThan(0);
        expect(outcome.marks.skipped).toEqual([]);
      },
    );
  });

  it("keeps hidden text where WPS has neither Font.Hidden nor TextRetrievalMode to tell it by", async () => {
    const wps = fakeWps(bytes, {
      noDocumentXml: true,
      noFontHidden: true,
      textRetrievalMode: "absent",
    });
    const { cell, paragraph } = hideText(wps);
    const { snapshot } = await new WpsHost(wps.application).read();
    const texts = snapshot.blocks.flatMap((b) =>
      b.kind === "paragraph" ? [b.text] : b.rows.flatMap((r) => r.cells.map((c) => c.text)),
    );
    expect(texts).toContain(
      `${paragraph.text.slice(0, 2)}（隐藏的说明）${paragraph.text.slice(2)}`,
    );
    expect(texts).toContain(`${cell.text.slice(0, 1)}2${cell.text.slice(1)}`);
  });
});
