import { readDocument } from "../ooxml/read-document";
import { check } from "../check/check";
import { BALANCED_TABLE3, statutoryReport } from "../../../test/support/docx-builder";
import {
  EMPTY_LEDGER,
  ledgerFromXml,
  ledgerToXml,
  MARK_COLORS,
  planClear,
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

describe("the marks ledger", () => {
  it("round-trips through its XML, including text that needs escaping", () => {
    const ledger: Ledger = {
      cells: [mark(), mark({ rowIndex: 6, original: "#D9D9D9", text: 'a<b>&"c"' })],
      comments: ["{ABC-1}", "7"],
    };
    expect(ledgerFromXml(ledgerToXml(ledger))).toEqual(ledger);
    expect(ledgerFromXml(ledgerToXml(EMPTY_LEDGER))).toEqual(EMPTY_LEDGER);
  });

  it.each([
    ["not XML", "<ledger"],
    [
      "another namespace",
      '<ledger xmlns="urn:other"><cell table="1" row="1" index="1" original="" applied="#FFC7CE" text=""/></ledger>',
    ],
    [
      "a bad colour",
      `<ledger xmlns="urn:nianbao:ledger:1"><cell table="1" row="1" index="1" original="red" applied="#FFC7CE" text=""/></ledger>`,
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

describe("planning the clearing", () => {
  it("restores what was there, even where the figure was corrected, and leaves what the user recoloured", () => {
    const ledger: Ledger = {
      cells: [
        mark({ rowIndex: 1, original: "#D9D9D9" }),
        mark({ rowIndex: 2 }),
        mark({ rowIndex: 3 }),
        mark({ rowIndex: 4 }),
        mark({ rowIndex: 5 }),
      ],
      comments: ["c1"],
    };
    const observed: Record<number, { shading: string | null; text: string } | null> = {
      1: { shading: "#ffc7ce", text: "12" },
      2: { shading: "#FFC7CE", text: "12" },
      3: { shading: "#00B050", text: "12" },
      4: null,
      5: { shading: "#FFC7CE", text: "other" },
    };
    const plan = planClear(ledger, (m) => observed[m.rowIndex] ?? null);
    expect(plan.restore.map((r) => [r.mark.rowIndex, r.shading])).toEqual([
      [1, "#D9D9D9"],
      [2, null],
      [5, null],
    ]);
    expect(plan.recoloured.map((m) => m.rowIndex)).toEqual([3]);
    expect(plan.missing.map((m) => m.rowIndex)).toEqual([4]);
    expect(plan.comments).toEqual(["c1"]);
  });
});
