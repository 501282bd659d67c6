import { WordHost, WORD_NO_SHADING } from "../../src/hosts/word/word-host";
import { hostContract } from "../support/host-contract";
import { fakeWord, WORD_USER } from "../support/fake-word";
import { checkDocument, clearMarks } from "../../src/hosts/actions";
import {
  BALANCED_TABLE3,
  docx,
  documentXml,
  paragraph,
  statutoryReport,
  table,
} from "../support/docx-builder";
import { readDocument } from "../../src/core";

hostContract("Word (fake Office.js)", (bytes) => {
  const word = fakeWord(bytes);
  return {
    host: new WordHost({ run: word.run, supports: word.supports }),
    document: word.document,
    commentAuthor: WORD_USER,
    noShading: WORD_NO_SHADING,
  };
});

const faulty = () =>
  statutoryReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } });

/** Round trips of each step: read, mark (with its read), clear (with its read). */
async function roundTrips(bytes: Uint8Array) {
  const word = fakeWord(bytes);
  const host = new WordHost({ run: word.run, supports: word.supports });
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
  return counts;
}

describe("Word round trips", () => {
  it("a one-table document: read 2, check-and-mark 2 + 2, clear 2 + 2", async () => {
    const bytes = docx(
      documentXml(
        paragraph("标题") +
          table([
            ["a", "b"],
            ["c", "d"],
          ]) +
          paragraph("正文"),
      ),
    );
    expect(await roundTrips(bytes)).toEqual([2, 4, 4]);
  });

  it("a 60-table document takes the same number of round trips", async () => {
    const body = Array.from({ length: 20 }, () =>
      faulty().replace(/^[\s\S]*<w:body>|<w:sectPr\/><\/w:body><\/w:document>$/g, ""),
    ).join("");
    const bytes = docx(documentXml(body));
    expect(readDocument(bytes).blocks.filter((b) => b.kind === "table")).toHaveLength(60);
    expect(await roundTrips(bytes)).toEqual([2, 4, 4]);
  });
});

describe("Word specifics", () => {
  it("turns change tracking off while marking and back on after", async () => {
    const word = fakeWord(docx(faulty()));
    word.setTrackingMode("TrackAll");
    await checkDocument(new WordHost({ run: word.run, supports: word.supports }), {
      shading: true,
      reviewer: false,
    });
    expect(word.trackingHistory).toEqual(["Off", "TrackAll"]);
  });

  it("on WordApi 1.3 marks and clears without comments or parts, keeping the ledger for the session", async () => {
    const word = fakeWord(docx(faulty()), { api: "1.3" });
    const host = new WordHost({ run: word.run, supports: word.supports });
    expect(host.capabilities).toEqual({ comments: false, documentStorage: false });
    const before = word.document
      .tables()
      .map((t) => t.rows.map((r) => r.cells.map((c) => c.shading ?? null)));
    const outcome = await checkDocument(host, { shading: true, reviewer: true });
    expect(outcome.marks.shaded).toBeGreaterThan(0);
    expect(outcome.marks.commented).toBe(0);
    expect(word.document.parts).toEqual([]);
    await clearMarks(host);
    const after = word.document
      .tables()
      .map((t) =>
        t.rows.map((r) =>
          r.cells.map((c) => (c.shading === WORD_NO_SHADING ? null : (c.shading ?? null))),
        ),
      );
    expect(after).toEqual(before);
  });

  it("reports a failed batch in Chinese, keeping Word's error as the cause", async () => {
    const word = fakeWord(docx(faulty()));
    const host = new WordHost({
      run: () => Promise.reject(new Error("GeneralException: boom")),
      supports: word.supports,
    });
    await expect(host.read()).rejects.toMatchObject({
      name: "HostError",
      userMessage: expect.stringContaining("Word 未能完成"),
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
    const state = await new WordHost({ run: word.run, supports: word.supports }).read();
    expect(state.snapshot.blocks.map((b) => b.kind)).toEqual(["paragraph", "table", "paragraph"]);
  });
});
