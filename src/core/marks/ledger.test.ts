import { readDocument } from "../ooxml/read-document";
import { check } from "../check/check";
import { BALANCED_TABLE3, statutoryReport } from "../../../test/support/docx-builder";
import {
  EMPTY_LEDGER,
  LEDGER_NAMESPACE,
  ledgerFromXml,
  ledgerToXml,
  MARK_COLORS,
  mergeLedgerParts,
  planMarks,
  type CellMark,
  type Ledger,
} from "./ledger";

const mark = (overrides: Partial<CellMark> = {}): CellMark => ({
  tableIndex: 1,
  rowIndex: 5,
  cellIndex: 8,
  original: null,
  applied: "#FFC7CE",
  text: "12",
  ...overrides,
});

const ledgerXml = (body: string, root = 'xmlns="urn:nianbao:ledger:1"') =>
  `<ledger ${root}>${body}</ledger>`;
const cellXml = (attributes: Record<string, string>) =>
  `<cell ${Object.entries({
    table: "1",
    row: "5",
    index: "8",
    original: "",
    applied: "#FFC7CE",
    text: "12",
    ...attributes,
  })
    .map(([k, v]) => `${k}="${v}"`)
    .join(" ")}/>`;

describe("the marks ledger", () => {
  it("round-trips through its XML, including text that needs escaping and what each cell is", () => {
    const ledger: Ledger = {
      cells: [
        mark(),
        mark({ rowIndex: 6, original: "#D9D9D9", text: 'a<b>&"c"\n\td\r' }),
        mark({ table: "table3", row: "granted", column: "natural" }),
        mark({ table: "table2", text: "现行有效件" }),
      ],
      comments: ["{ABC-1}", "7"],
    };
    expect(ledgerFromXml(ledgerToXml(ledger))).toEqual(ledger);
    expect(ledgerFromXml(ledgerToXml(EMPTY_LEDGER))).toEqual(EMPTY_LEDGER);
  });

  it("records a nested cell's path, as version 3, and writes version 2 when no cell is nested", () => {
    const nested = mark({
      nesting: [
        { rowIndex: 1, cellIndex: 0, tableOrdinal: 0 },
        { rowIndex: 0, cellIndex: 2, tableOrdinal: 1 },
      ],
      table: "table4",
      row: "review",
      column: "total",
    });
    const xml = ledgerToXml({ cells: [nested, mark()], comments: [] });
    expect(xml).toContain('version="3"');
    expect(xml).toContain('nesting="1.0.0 0.2.1"');
    expect(ledgerFromXml(xml)).toEqual({ cells: [nested, mark()], comments: [] });
    expect(ledgerToXml({ cells: [mark()], comments: [] })).toContain('version="2"');
  });

  it("skips an entry whose nesting path cannot be read", () => {
    const read = ledgerFromXml(
      ledgerXml(
        cellXml({ nesting: "1.0" }) + cellXml({ row: "6" }),
        'xmlns="urn:nianbao:ledger:1" version="3"',
      ),
    );
    expect(read?.cells).toEqual([mark({ rowIndex: 6 })]);
    expect(read?.unreadable).toEqual([
      { text: "12", reason: expect.stringContaining("nesting") as string },
    ]);
  });

  it("writes its version on the root; a version 1 reader's attributes are all still there", () => {
    const xml = ledgerToXml({
      cells: [mark({ table: "table3", row: "new", column: "total" })],
      comments: [],
    });
    expect(xml).toMatch(/^<ledger xmlns="urn:nianbao:ledger:1" version="2">/);
    expect(xml).toContain('table="1" row="5" index="8"');
    expect(xml).toContain('key-table="table3" key-row="new" key-column="total"');
  });

  it("reads a version 1 ledger (positions only) as before", () => {
    expect(ledgerFromXml(ledgerXml(cellXml({})))).toEqual({ cells: [mark()], comments: [] });
  });

  it("cleans characters XML forbids out of the text it stores, so the part stays well-formed", () => {
    const text = "\u0013 HYPERLINK \u001412\u0015\u000b行\u0001\ud800";
    const xml = ledgerToXml({ cells: [mark({ text })], comments: [`批注\u000c`] });
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800]/);
    expect(ledgerFromXml(xml)).toEqual({
      cells: [mark({ text: " HYPERLINK 12行" })],
      comments: ["批注"],
    });
  });

  it("takes a colour written in lower case in upper case", () => {
    const xml = ledgerXml(cellXml({ original: "#d9d9d9", applied: "#ffc7ce" }));
    expect(ledgerFromXml(xml)).toEqual({ cells: [mark({ original: "#D9D9D9" })], comments: [] });
  });

  it.each([
    ["a three-digit colour", { original: "#FFF" }],
    ["a named colour", { applied: "red" }],
    ["a negative row", { row: "-1" }],
    ["a fractional index", { index: "1.5" }],
    ["an unknown statutory table", { "key-table": "table9" }],
  ])("skips an entry with %s, reports it, and keeps the others", (_what, bad) => {
    const xml = ledgerXml(
      cellXml({ row: "1" }) +
        cellXml({ ...bad, text: "坏" }) +
        cellXml({ row: "2" }) +
        '<comment text="c1"/>',
    );
    const ledger = ledgerFromXml(xml);
    expect(ledger?.cells).toEqual([mark({ rowIndex: 1 }), mark({ rowIndex: 2 })]);
    expect(ledger?.comments).toEqual(["c1"]);
    expect(ledger?.unreadable).toEqual([{ text: "坏", reason: expect.any(String) as string }]);
  });

  it.each([
    ["raw", "\u0013 PAGE \u0014 3\u0015"],
    ["a character reference", "&#19; PAGE &#x14; 3&#21;"],
    ["a vertical tab", "3&#11;件\u000b"],
  ])(
    "reads the other entries, and this one, when a cell's text holds a forbidden character (%s)",
    (_what, text) => {
      const xml = ledgerXml(cellXml({ row: "1" }) + cellXml({ row: "2", text }));
      const ledger = ledgerFromXml(xml);
      expect(ledger?.cells.map((c) => c.rowIndex)).toEqual([1, 2]);
      expect(ledger?.unreadable).toBeUndefined();
    },
  );

  it("reads the entries of a damaged part one by one", () => {
    const xml = ledgerXml(
      cellXml({ row: "1" }) +
        '<cell table="1" row="3" text="a<b"/>' +
        cellXml({ row: "2" }) +
        "<cell table=",
    );
    const ledger = ledgerFromXml(xml);
    expect(ledger?.cells.map((c) => c.rowIndex)).toEqual([1, 2]);
    expect(ledger?.unreadable).toHaveLength(2);
  });

  it.each([
    ["a higher version", 'xmlns="urn:nianbao:ledger:1" version="4"', "4"],
    ["a version it cannot read", 'xmlns="urn:nianbao:ledger:1" version="2.1-beta"', "2.1-beta"],
    ["a newer namespace", 'xmlns="urn:nianbao:ledger:2"', "2"],
  ])("leaves a ledger of %s alone and says so", (_what, root, version) => {
    expect(ledgerFromXml(ledgerXml(cellXml({}), root))).toEqual({
      cells: [],
      comments: [],
      newerVersion: version,
    });
  });

  it.each([
    ["not XML", "<ledger"],
    [
      "another namespace",
      '<ledger xmlns="urn:other"><cell table="1" row="1" index="1" original="" applied="#FFC7CE" text=""/></ledger>',
    ],
    ["a DTD", `<!DOCTYPE x [<!ENTITY a "b">]><ledger xmlns="urn:nianbao:ledger:1"/>`],
  ])("refuses %s", (_what, xml) => {
    expect(ledgerFromXml(xml)).toBeNull();
  });
});

describe("planning marks", () => {
  it("shades each cell of a failed relation once, in the colour of its worst finding", () => {
    const result = check(
      readDocument(
        statutoryReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } }),
      ),
    );
    const marks = planMarks(result.findings, () => ({ shading: null, text: "x" }));
    const keys = marks.map((m) => `${m.rowIndex}/${m.cellIndex}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(marks.every((m) => m.applied === MARK_COLORS.error && m.original === null)).toBe(true);
    // The row total (7 cells of （一）) and the 总计 column's results total (22 cells) share one.
    expect(marks).toHaveLength(7 + 22 - 1);
  });

  it("remembers a cell's own shading and skips cells the host cannot find", () => {
    const result = check(
      readDocument(
        statutoryReport({
          table4: {
            review: [1, 1, 0, 1, 4],
            suitDirect: [0, 0, 0, 0, 0],
            suitAfterReview: [0, 0, 0, 0, 0],
          },
        }),
      ),
    );
    const marks = planMarks(result.findings, (a) =>
      a.cellIndex === 0 ? null : { shading: "#d9d9d9", text: "1" },
    );
    expect(marks.map((m) => [m.cellIndex, m.original])).toEqual([
      [4, "#D9D9D9"],
      [1, "#D9D9D9"],
      [2, "#D9D9D9"],
      [3, "#D9D9D9"],
    ]);
  });
});

describe("mergeLedgerParts", () => {
  const cell = (cellIndex: number, text: string) => ({
    tableIndex: 1,
    rowIndex: 5,
    cellIndex,
    original: null,
    applied: MARK_COLORS.error,
    text,
  });
  const older = ledgerToXml({ cells: [cell(1, "12"), cell(2, "10")], comments: ["甲", "乙"] });
  const newer = ledgerToXml({ cells: [cell(2, "10"), cell(3, "7")], comments: ["乙", "乙"] });

  it("keeps the marks of every part a failed replace left behind", () => {
    const merged = mergeLedgerParts([older, newer]);
    expect(merged.cells.map((c) => c.cellIndex).sort()).toEqual([1, 2, 3]);
    expect(merged.comments.sort()).toEqual(["乙", "乙", "甲"]);
  });

  it("reads one part as ledgerFromXml does, and no part as the empty ledger", () => {
    expect(mergeLedgerParts([older])).toEqual(ledgerFromXml(older));
    expect(mergeLedgerParts([])).toEqual(EMPTY_LEDGER);
  });

  it("leaves the whole ledger alone when any part was written by a newer version", () => {
    const future = `<ledger xmlns="${LEDGER_NAMESPACE}" version="9"/>`;
    expect(mergeLedgerParts([older, future]).newerVersion).toBeDefined();
  });
});
