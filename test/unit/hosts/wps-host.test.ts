import { check, readDocument } from "../../../src/core";
import { checkDocument, clearMarks, insertTemplate } from "../../../src/hosts/actions";
import { fromBgr, toBgr } from "../../../src/hosts/wps/colors";
import { WpsHost } from "../../../src/hosts/wps/wps-host";
import { BALANCED_TABLE3, docx, statutoryReport } from "../../support/docx-builder";
import { fakeWps, type FakeWpsOptions } from "../../support/fake-wps";
import { documentState, hostContract, summary } from "../../support/host-contract";
import { markProperties } from "../../support/mark-properties";
import { allowConsole, takeConsoleText } from "../../support/console";

/**
 * The other plausible semantics of real WPS, combined so that every addressing meets every kind
 * of WordOpenXML and every other switch value appears (a covering set, not the full product of
 * 216, which would take minutes). One kind of combination is left out, for a known reason:
 * WordOpenXML empty with a tracked-deleted row (the cell walk cannot tell a deleted row, and
 * reads it as present).
 */
const SEMANTICS: [string, FakeWpsOptions][] = [
  ["as our reader", {}],
  [
    "as WPS writes OOXML, no UndoRecord, silent InsertXML, Author ignored",
    { wordOpenXml: "wps", undoRecord: "absent", silentInsertXml: true, authorIgnored: true },
  ],
  [
    "empty WordOpenXML, UndoRecord throwing, InsertXML throwing",
    { wordOpenXml: "empty", undoRecord: "throws", noInsertXml: true },
  ],
  [
    "covered cells skipped, no UndoRecord, InsertXML throwing, Author ignored",
    { coveredCellsSkipped: true, undoRecord: "absent", noInsertXml: true, authorIgnored: true },
  ],
  [
    "covered cells skipped, WPS's OOXML, UndoRecord throwing, silent InsertXML",
    { coveredCellsSkipped: true, wordOpenXml: "wps", undoRecord: "throws", silentInsertXml: true },
  ],
  [
    "covered cells skipped, empty WordOpenXML, Author ignored",
    { coveredCellsSkipped: true, wordOpenXml: "empty", authorIgnored: true },
  ],
  [
    "deleted row counted, UndoRecord throwing, silent InsertXML",
    { deletedRowBefore: 2, undoRecord: "throws", silentInsertXml: true },
  ],
  [
    "deleted row counted, WPS's OOXML, InsertXML throwing, Author ignored",
    { deletedRowBefore: 2, wordOpenXml: "wps", noInsertXml: true, authorIgnored: true },
  ],
  [
    "deleted row counted, no UndoRecord, InsertXML throwing",
    { deletedRowBefore: 2, undoRecord: "absent", noInsertXml: true },
  ],
  [
    "both addressings, InsertXML throwing, Author ignored",
    { coveredCellsSkipped: true, deletedRowBefore: 2, noInsertXml: true, authorIgnored: true },
  ],
  [
    "table by table in WPS's OOXML, deleted row counted, no UndoRecord",
    { noDocumentXml: true, wordOpenXml: "wps", deletedRowBefore: 1, undoRecord: "absent" },
  ],
  [
    "both addressings, WPS's OOXML, no UndoRecord",
    { coveredCellsSkipped: true, deletedRowBefore: 2, wordOpenXml: "wps", undoRecord: "absent" },
  ],
  [
    "both addressings, deleted row first, UndoRecord throwing",
    { coveredCellsSkipped: true, deletedRowBefore: 0, undoRecord: "throws" },
  ],
];

/** What the host says in the console when it falls back, under each switch of the fake. */
const FALLBACK_WARNINGS: [(o: FakeWpsOptions) => boolean, RegExp][] = [
  [
    (o) => o.wordOpenXml === "empty" || Boolean(o.noDocumentXml || o.noWordOpenXml),
    /^nianbao: the document's WordOpenXML is unavailable, reading table by table /,
  ],
  [(o) => Boolean(o.noWordOpenXml), /^nianbao: WordOpenXML unavailable, walking the cells /],
  [
    (o) => o.undoRecord === "throws",
    /^nianbao: UndoRecord unavailable, changes are not grouped for 撤销 /,
  ],
  [
    (o) => Boolean(o.silentInsertXml),
    /^nianbao: InsertXML inserted nothing, building the template with Tables.Add$/,
  ],
  [
    (o) => Boolean(o.noInsertXml),
    /^nianbao: InsertXML failed, building the template with Tables.Add /,
  ],
];

const fallbackWarnings = (options: FakeWpsOptions) =>
  FALLBACK_WARNINGS.filter(([applies]) => applies(options)).map(([, warning]) => warning);

/** The warnings of these semantics are expected in every test of the contract (asserted below). */
function allowFallbackWarnings(options: FakeWpsOptions) {
  beforeEach(() => {
    for (const warning of fallbackWarnings(options)) allowConsole("warn", warning);
  });
}

describe.each(SEMANTICS)("WPS fallbacks: %s", (_name, options) => {
  it("says in the console each fallback it takes, and nothing else", async () => {
    const wps = fakeWps(faulty(), options);
    const host = new WpsHost(wps.application);
    await checkDocument(host, { shading: true, reviewer: true });
    await clearMarks(host);
    await insertTemplate(host, { format: "2021", year: 2024 });
    const said = takeConsoleText("warn");
    const expected = fallbackWarnings(options);
    for (const warning of expected) expect(said.some((text) => warning.test(text))).toBe(true);
    expect(said.filter((text) => !expected.some((warning) => warning.test(text)))).toEqual([]);
  });
});

describe.each(SEMANTICS)("WPS semantics: %s", (_name, options) => {
  allowFallbackWarnings(options);
  hostContract("WPS (fake JSAPI)", (bytes) => {
    const wps = fakeWps(bytes, options);
    return {
      host: new WpsHost(wps.application),
      document: wps.document,
      commentAuthor: wps.commentAuthor,
      commentInitials: wps.commentInitials,
      noShading: null,
    };
  });
});

// The marks property under our reader's numbering and under the other plausible semantics.
for (const [name, options] of [SEMANTICS[0], SEMANTICS.at(-1)].filter((s) => s !== undefined)) {
  describe(`WPS marks under "${name}"`, () => {
    allowFallbackWarnings(options);
    markProperties(
      `WPS (fake JSAPI, ${name})`,
      (bytes) => {
        const wps = fakeWps(bytes, options);
        return {
          host: new WpsHost(wps.application),
          document: wps.document,
          commentAuthor: wps.commentAuthor,
          noShading: null,
        };
      },
      40,
    );
  });
}

const faulty = () =>
  docx(statutoryReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } }));

describe("WPS specifics", () => {
  it("converts #RRGGBB to WPS's BGR integers and back", () => {
    expect(toBgr("#FFC7CE")).toBe(0xcec7ff);
    expect(fromBgr(0xcec7ff)).toBe("#FFC7CE");
    expect(fromBgr(toBgr("#0A0B0C"))).toBe("#0A0B0C");
  });

  it("writes every change inside one undo record, with revision tracking paused", async () => {
    const wps = fakeWps(faulty());
    wps.trackRevisions = true;
    const host = new WpsHost(wps.application);
    await checkDocument(host, { shading: true, reviewer: true });
    await insertTemplate(host, { format: "2021", year: 2024 });
    await host.saveIgnores([]);
    await clearMarks(host);
    expect(wps.undoRecords).toEqual([
      "年报校核：标记",
      "年报校核：插入模板",
      "年报校核：忽略设置",
      "年报校核：标记",
    ]);
    expect(wps.unrecordedChanges()).toBe(0);
    expect(wps.trackRevisions).toBe(true);
  });

  it("never asks for Rows(i), which WPS refuses on vertically merged tables", async () => {
    const wps = fakeWps(faulty());
    const host = new WpsHost(wps.application);
    // The fake raises on Rows(i) for these tables; a full round trip must not hit it.
    await checkDocument(host, { shading: true, reviewer: true });
    await clearMarks(host);
    expect(() =>
      (
        wps.application.ActiveDocument?.Tables.Item(2) as unknown as {
          Rows: { Item(i: number): unknown };
        }
      ).Rows.Item(1),
    ).toThrow(/纵向合并/);
  });

  it("without WordOpenXML, walks the cells and finds what the OOXML would have shown", async () => {
    const bytes = faulty();
    const wps = fakeWps(bytes, { noWordOpenXml: true });
    const state = await new WpsHost(wps.application).read();
    expect(summary(check(state.snapshot).findings)).toEqual(
      summary(check(readDocument(bytes)).findings),
    );
    expect(check(state.snapshot).findings.map((f) => f.rule)).toContain("table3-row-total");
    const [whole, ...tables] = takeConsoleText("warn");
    expect(whole).toMatch(
      /^nianbao: the document's WordOpenXML is unavailable, reading table by table /,
    );
    expect(tables).toHaveLength(documentState(wps.document).tables.length);
    for (const text of tables)
      expect(text).toMatch(/^nianbao: WordOpenXML unavailable, walking the cells /);
  });

  it.each([false, true])(
    "without InsertXML, builds the template with Tables.Add and Merge into the same grid (covered cells skipped: %s)",
    async (coveredCellsSkipped) => {
      const wps = fakeWps(faulty(), { noInsertXml: true, coveredCellsSkipped });
      const host = new WpsHost(wps.application);
      await host.select({ kind: "paragraph", paragraphIndex: 0 });
      const before = wps.document.tables().length;
      await insertTemplate(host, { format: "2021", year: 2024 });
      const built = wps.document.tables().slice(0, 3);
      expect(wps.document.tables()).toHaveLength(before + 3);
      expect(takeConsoleText("warn")).toEqual([
        expect.stringMatching(/^nianbao: InsertXML failed, building the template with Tables.Add /),
      ]);

      const reference = fakeWps(faulty());
      const referenceHost = new WpsHost(reference.application);
      await referenceHost.select({ kind: "paragraph", paragraphIndex: 0 });
      await insertTemplate(referenceHost, { format: "2021", year: 2024 });
      const shape = (t: (typeof built)[number]) =>
        t.rows.map((r) =>
          r.cells.map((c) => [c.text, c.gridColumn, c.columnSpan, c.rowSpan, c.verticalMerge]),
        );
      expect(built.map(shape)).toEqual(reference.document.tables().slice(0, 3).map(shape));
      const headings = wps.document
        .paragraphs()
        .filter((p) => p.headingLevel !== null)
        .map((p) => p.text);
      expect(headings).toEqual(
        reference.document
          .paragraphs()
          .filter((p) => p.headingLevel !== null)
          .map((p) => p.text),
      );
    },
  );

  it("reads table by table when WPS gives no OOXML for the whole document, with the same result", async () => {
    const bytes = faulty();
    const whole = fakeWps(bytes);
    const parts = fakeWps(bytes, { noDocumentXml: true });
    const a = await new WpsHost(whole.application).read();
    const b = await new WpsHost(parts.application).read();
    expect(summary(check(b.snapshot).findings)).toEqual(summary(check(a.snapshot).findings));
    expect(whole.calls()).toBeLessThan(20);
    expect(parts.calls()).toBeGreaterThan(whole.calls() * 10);
    expect(takeConsoleText("warn")).toEqual([
      expect.stringMatching(
        /^nianbao: the document's WordOpenXML is unavailable, reading table by table /,
      ),
    ]);
  });

  it("reads in a number of calls that grows with the document, not with its square", async () => {
    const small = fakeWps(faulty(), { noDocumentXml: true });
    await new WpsHost(small.application).read();
    const body = (xml: string) =>
      xml.replace(/^[\s\S]*<w:body>|<w:sectPr\/><\/w:body><\/w:document>$/g, "");
    const large = fakeWps(
      docx(
        statutoryReport().replace(
          /<w:body>[\s\S]*<w:sectPr\/>/,
          `<w:body>${Array.from({ length: 10 }, () => body(statutoryReport())).join("")}<w:sectPr/>`,
        ),
      ),
      { noDocumentXml: true },
    );
    await new WpsHost(large.application).read();
    expect(large.calls()).toBeLessThan(small.calls() * 12);
    expect(documentState(large.document).tables).toHaveLength(30);
    expect(takeConsoleText("warn", /reading table by table/)).toHaveLength(2);
  });
});
