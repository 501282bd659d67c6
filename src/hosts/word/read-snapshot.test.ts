import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { check, readDocument } from "../../core";
import { readWordSnapshot } from "./read-snapshot";
import { fakeWord } from "../../../test/support/fake-word";
import {
  docx,
  documentXml,
  paragraph,
  statutoryReport,
  table,
} from "../../../test/support/docx-builder";
import { SHARED, sharedAvailable } from "../../../test/support/shared";

const summary = (bytes: Uint8Array, snapshot = readDocument(bytes)) =>
  check(snapshot).findings.map((f) => ({
    rule: f.rule,
    location: f.location,
    message: f.message,
    anchors: f.anchors,
  }));

describe("reading the open Word document", () => {
  it("needs no second round trip for a document whose one table has no merges", async () => {
    const word = fakeWord(
      docx(
        documentXml(
          paragraph("标题") +
            table([
              ["a", "b"],
              ["c", "d"],
            ]) +
            paragraph("正文"),
        ),
      ),
    );
    const snapshot = await readWordSnapshot(word.context);
    expect(word.syncs()).toBe(1);
    expect(snapshot.blocks.map((b) => b.kind)).toEqual(["paragraph", "table", "paragraph"]);
  });

  it("reads a 60-table document in two round trips", async () => {
    const body = Array.from({ length: 20 }, () =>
      statutoryReport().replace(/^[\s\S]*<w:body>|<w:sectPr\/><\/w:body><\/w:document>$/g, ""),
    ).join("");
    const bytes = docx(documentXml(body));
    const word = fakeWord(bytes);
    const snapshot = await readWordSnapshot(word.context);
    expect(snapshot.blocks.filter((b) => b.kind === "table")).toHaveLength(60);
    expect(word.syncs()).toBe(2);
  });

  it("gives the same findings and anchors as reading the .docx itself", async () => {
    const bytes = docx(
      statutoryReport({
        omitSections: ["五"],
        table4: {
          review: [1, 1, 0, 1, 4],
          suitDirect: [0, 0, 0, 0, 0],
          suitAfterReview: [0, 0, 0, 0, 0],
        },
      }),
    );
    expect(summary(bytes, await readWordSnapshot(fakeWord(bytes).context))).toEqual(summary(bytes));
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
    const snapshot = await readWordSnapshot(fakeWord(bytes).context);
    const tables = snapshot.blocks.filter((b) => b.kind === "table");
    expect(tables).toHaveLength(1);
    expect(tables[0]?.kind === "table" && tables[0].tableIndex).toBe(0);
  });

  if (sharedAvailable()) {
    const dir = join(SHARED, "fixtures/seeds-docx");
    const files = [
      ...readdirSync(dir)
        .filter((f) => f.endsWith(".docx"))
        .map((f) => join(dir, f)),
      join(SHARED, "fixtures/real/blank-template-2021-wps.docx"),
    ];
    it.each(files)("%s: same findings through Word as from the file", async (file) => {
      const bytes = new Uint8Array(readFileSync(file));
      const word = fakeWord(bytes);
      expect(summary(bytes, await readWordSnapshot(word.context))).toEqual(summary(bytes));
      expect(word.syncs()).toBeLessThanOrEqual(2);
    });
  }
});

describe("the fake Word host behaves like Office.js", () => {
  it("throws on reading a property before load and sync, and on a ClientResult before sync", async () => {
    const word = fakeWord(docx(statutoryReport()));
    const { tables, paragraphs } = word.context.document.body;
    expect(() => tables.items).toThrow(/PropertyNotLoaded/);
    tables.load("items/nestingLevel");
    expect(() => tables.items).toThrow(/PropertyNotLoaded/);
    await word.context.sync();
    expect(tables.items[0]?.nestingLevel).toBe(1);
    expect(() => tables.items[0]?.values).toThrow(/PropertyNotLoaded/);
    expect(() => paragraphs.items).toThrow(/PropertyNotLoaded/);
    const ooxml = tables.items[1]?.getRange().getOoxml();
    expect(() => ooxml?.value).toThrow(/before context.sync/);
    await word.context.sync();
    expect(ooxml?.value).toContain("<w:tbl>");
    expect(word.syncs()).toBe(2);
  });
});
