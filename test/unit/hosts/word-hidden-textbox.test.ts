/**
 * The Word pane reads what the .docx reader reads, whatever Word's object model does with text
 * boxes, hidden text and content-control placeholders (body-package.ts): the fake plays each
 * plausible semantics, and the pane's snapshot and findings equal the .docx reader's. A
 * statutory table in a text box is checked and never marked. The body's package costs one
 * round trip, only when there is a doubt, and never past its budget, which the pane is told.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { WordHost } from "../../../src/hosts/word/word-host";
import { BODY_PACKAGE_BUDGET, MARKUP_PER_PARAGRAPH } from "../../../src/hosts/word/body-package";
import { checkDocument } from "../../../src/hosts/actions";
import { check, readDocument, type DocumentSnapshot } from "../../../src/core";
import type { SnapshotTable } from "../../../src/core/model/snapshot";
import { fakeWord, type FakeWord, type FakeWordOptions } from "../../support/fake-word";
import {
  BALANCED_TABLE3,
  BALANCED_TABLE4,
  docx,
  statutoryReport,
} from "../../support/docx-builder";
import { PLACEHOLDER, SHOWN_PROSE, awkwardReport, textBoxFirst } from "../../support/awkward-prose";

const hostOf = (word: FakeWord, packageBudget?: number) =>
  new WordHost({
    run: word.run,
    supports: word.supports,
    commonParts: word.commonParts,
    ...(packageBudget !== undefined && { packageBudget }),
  });

const FAULTY_TABLE4 = { ...BALANCED_TABLE4, review: [1, 1, 0, 1, 4] };
const awkward = () => docx(awkwardReport({ table4: FAULTY_TABLE4 }));

/** What both readings must agree on: texts, heading levels, tables as read, in order. */
function essence(snapshot: DocumentSnapshot) {
  return snapshot.blocks.map((b) =>
    b.kind === "paragraph"
      ? { paragraph: b.paragraphIndex, text: b.text, heading: b.headingLevel }
      : b,
  );
}

const SEMANTICS: FakeWordOptions[] = [];
for (const api of ["1.3", "1.4", "1.7"] as const)
  for (const textBoxTables of ["excluded", "listed"] as const)
    for (const hiddenText of ["included", "excluded"] as const)
      for (const placeholder of ["text", "empty"] as const)
        SEMANTICS.push({ api, textBoxTables, hiddenText, placeholder });

const label = (o: FakeWordOptions) =>
  `WordApi ${o.api}, text-box tables ${o.textBoxTables}, hidden text ${o.hiddenText}, placeholder as ${o.placeholder}`;

describe.each(SEMANTICS.map((o) => [label(o), o] as const))("Word: %s", (_, options) => {
  it("the pane's snapshot and findings are the .docx reader's", async () => {
    const bytes = awkward();
    const expected = readDocument(bytes);
    const word = fakeWord(bytes, options);
    const state = await hostOf(word).read();
    expect(essence(state.snapshot)).toEqual(essence(expected));
    const texts = state.snapshot.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    expect(texts).toContain(SHOWN_PROSE);
    expect(texts).toContain("联系人：");
    expect(texts.join("")).not.toContain(PLACEHOLDER);
    expect(check(state.snapshot).findings).toEqual(check(expected).findings);
    expect(state.notes).toEqual(["文本框中有 1 个表格：已检查，但无法在其中标记或批注。"]);
    // One package, in a round trip of its own: 3 in all.
    expect(word.bodyPackages).toHaveLength(1);
    expect(word.syncs()).toBe(3);
  });

  it("a fault in the text-box table is reported and nothing is marked in that table", async () => {
    const word = fakeWord(awkward(), options);
    const host = hostOf(word);
    const outcome = await checkDocument(host, { shading: true, reviewer: true });
    const rules = outcome.result.findings.map((f) => f.rule);
    expect(rules).toContain("table4-total");
    expect(rules).not.toContain("table-missing");
    const textBox = word.document.blocks.find(
      (b): b is SnapshotTable => b.kind === "table" && b.origin === "textbox",
    );
    const cells = textBox?.rows.flatMap((r) => r.cells) ?? [];
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => !c.shading)).toBe(true);
    expect(
      word.document.comments.filter((c) => c.target.kind === "cell" && c.target.table === textBox),
    ).toEqual([]);
  });
});

describe("cells holding hidden text", () => {
  // Every figure cell also holds a hidden "0" after its figure: 12 shows, 120 is in the markup.
  const bytes = () =>
    docx(
      statutoryReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } }).replace(
        /<w:r><w:t xml:space="preserve">(\d+)<\/w:t><\/w:r>/g,
        '<w:r><w:t xml:space="preserve">$1</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>0</w:t></w:r>',
      ),
    );

  it.each(["included", "excluded"] as const)(
    "are marked whether TableCell.value gives the hidden text or not (%s)",
    async (hiddenText) => {
      const word = fakeWord(bytes(), { hiddenText });
      const outcome = await checkDocument(hostOf(word), { shading: true, reviewer: false });
      expect(outcome.result.findings.map((f) => f.rule)).toContain("table3-row-total");
      expect(check(readDocument(bytes())).findings).toEqual(outcome.result.findings);
      expect(outcome.marks.skipped).toEqual([]);
      expect(outcome.marks.shaded).toBeGreaterThan(0);
    },
  );
});

describe("a text box before the body's tables, listed by Word among them", () => {
  it("marks go to the body table the finding names, not to the text-box table", async () => {
    const xml = textBoxFirst(
      awkwardReport({
        table4: FAULTY_TABLE4,
        table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] },
      }),
    );
    const word = fakeWord(docx(xml), { textBoxTables: "listed", api: "1.3" });
    const outcome = await checkDocument(hostOf(word), { shading: true, reviewer: true });
    expect(outcome.marks.skipped).toEqual([]);
    expect(outcome.marks.shaded).toBeGreaterThan(0);
    const [textBox, table2, table3] = word.document.blocks.filter(
      (b): b is SnapshotTable => b.kind === "table",
    );
    expect(textBox?.origin).toBe("textbox");
    const shaded = (t: SnapshotTable | undefined) =>
      (t?.rows ?? []).flatMap((r) => r.cells).filter((c) => c.shading).length;
    expect(shaded(textBox)).toBe(0);
    expect(shaded(table2)).toBe(0);
    expect(shaded(table3)).toBeGreaterThan(0);
  });
});

describe("the body's package: when it is read, and what it costs", () => {
  it("is not read on Word with WordApi 1.7 when nothing is in doubt", async () => {
    const word = fakeWord(docx(statutoryReport()));
    const state = await hostOf(word).read();
    expect(word.bodyPackages).toEqual([]);
    expect(word.syncs()).toBe(2);
    expect(state.notes).toBeUndefined();
  });

  it("hidden text alone needs no package where Paragraph.getText exists", async () => {
    const bytes = docx(awkwardReport({ textBox: false, placeholder: false }));
    const word = fakeWord(bytes, { hiddenText: "included" });
    const state = await hostOf(word).read();
    expect(word.bodyPackages).toEqual([]);
    expect(essence(state.snapshot)).toEqual(essence(readDocument(bytes)));
  });

  it("is read once on Word without WordApi 1.7, and its size stays under the estimate", async () => {
    const bytes = readFileSync(join(__dirname, "../../../examples/sample-ruian-2021.docx"));
    const word = fakeWord(bytes, { api: "1.3" });
    const state = await hostOf(word).read();
    expect(word.bodyPackages).toHaveLength(1);
    const paragraphs = readDocument(bytes).blocks.length; // a lower bound on Word's paragraphs
    expect(word.bodyPackages[0]).toBeLessThan(BODY_PACKAGE_BUDGET);
    expect(paragraphs * MARKUP_PER_PARAGRAPH).toBeGreaterThan(0);
    // A real Word document: the two readings line up, nothing to tell the user.
    expect(state.notes).toBeUndefined();
    expect(essence(state.snapshot)).toEqual(essence(readDocument(bytes)));
    expect(check(state.snapshot).findings).toEqual(check(readDocument(bytes)).findings);
  });

  it("past its budget it is not asked for, and the pane is told what that leaves unchecked", async () => {
    const word = fakeWord(awkward());
    const state = await hostOf(word, 10_000).read();
    expect(word.bodyPackages).toEqual([]);
    expect(state.notes).toEqual([
      "文档较大，未读取文档的完整内容：放在文本框中的法定表格可能被报告为缺少，内容控件的提示文字可能被当作正文。如有疑问，请用命令行检查该文档。",
    ]);
    // What the object model gave, unchanged: table 四 is missing, and said to be.
    expect(check(state.snapshot).findings.map((f) => f.rule)).toContain("table-missing");
  });

  it("a package Word fails to give leaves the rest of the read intact", async () => {
    const word = fakeWord(awkward(), { api: "1.3" });
    word.failing.add("body.getOoxml");
    const state = await hostOf(word).read();
    expect(state.notes?.[0]).toMatch(/^Word 未能提供文档的完整内容，未读取文档的完整内容：/);
    expect(state.notes?.[0]).toContain("隐藏文字可能被当作正文");
    expect(state.snapshot.blocks.filter((b) => b.kind === "table")).toHaveLength(2);
  });

  it("after an edit the package written from the document still lines up", async () => {
    const word = fakeWord(awkward(), { api: "1.3" });
    const host = hostOf(word);
    await checkDocument(host, { shading: true, reviewer: false });
    const again = await host.read();
    expect(word.bodyPackages.length).toBeGreaterThanOrEqual(2);
    expect(again.notes).toEqual(["文本框中有 1 个表格：已检查，但无法在其中标记或批注。"]);
    expect(essence(again.snapshot)).toEqual(essence(readDocument(awkward())));
  });
});
