import type { Finding } from "../rules/types";
import type { DocumentSnapshot } from "../model/snapshot";
import { EMPTY_LEDGER, MARK_COLORS } from "./ledger";
import { planClearing, planMarking } from "./plan";
import { reportOutcome, sameCellText, settleLedger, type WriteOutcome } from "./settle";

const cell = (text: string, physicalIndex: number, shading: string | null) => ({
  text,
  gridColumn: physicalIndex,
  columnSpan: 1,
  rowSpan: 1,
  verticalMerge: null,
  physicalIndex,
  nestedTables: [],
  shading,
});

const snapshot: DocumentSnapshot = {
  blocks: [
    {
      kind: "table",
      tableIndex: 0,
      gridColumnCount: 3,
      rows: [{ cells: [cell("本年新收", 0, null), cell("12", 1, "#00FF00"), cell("7", 2, null)] }],
    },
  ],
};

const finding = (cellIndex: number): Finding =>
  ({
    rule: "table3-total",
    severity: "error",
    message: "不平衡",
    location: { table: "table3", row: "x", column: "y" },
    anchors: [{ kind: "cell", tableIndex: 0, rowIndex: 0, cellIndex }],
  }) as unknown as Finding;

const outcomeOf = (written: WriteOutcome["written"], extra: Partial<WriteOutcome> = {}) => ({
  written,
  skipped: [],
  commentsAdded: [],
  commentsKept: [],
  ledgerStored: true,
  ...extra,
});

describe("sameCellText", () => {
  it("ignores paragraph, end-of-cell and manual-break marks and spacing", () => {
    expect(sameCellText("12\r\u0007", "12")).toBe(true);
    expect(sameCellText("一\u000b二", "一\n二")).toBe(true);
    expect(sameCellText(" 1 2 ", "12")).toBe(true);
  });
  it("tells different figures apart", () => {
    expect(sameCellText("12", "21")).toBe(false);
    expect(sameCellText("", "0")).toBe(false);
  });
});

describe("settleLedger", () => {
  const plan = planMarking(snapshot, EMPTY_LEDGER, [finding(1), finding(2)], {
    shading: true,
    comments: "none",
  });

  it("each write names the text it expects and the mark it applies", () => {
    expect(plan.cells.map((w) => [w.cellIndex, w.expectedText, w.marks?.applied])).toEqual([
      [1, "12", MARK_COLORS.error],
      [2, "7", MARK_COLORS.error],
    ]);
  });

  it("records only the marks that were written", () => {
    const ledger = settleLedger(plan, outcomeOf([plan.cells[1]!]));
    expect(ledger.cells.map((c) => c.cellIndex)).toEqual([2]);
  });

  it("keeps an earlier mark whose restoring write was not carried out", () => {
    const marked = settleLedger(plan, outcomeOf(plan.cells));
    const clearing = planClearing(
      {
        blocks: [
          {
            kind: "table",
            tableIndex: 0,
            gridColumnCount: 3,
            rows: [
              {
                cells: [
                  cell("本年新收", 0, null),
                  cell("12", 1, MARK_COLORS.error),
                  cell("7", 2, MARK_COLORS.error),
                ],
              },
            ],
          },
        ],
      },
      marked,
    );
    const after = settleLedger(clearing, outcomeOf([clearing.cells[0]!]));
    expect(after.cells).toEqual([marked.cells[1]]);
    const report = reportOutcome(
      clearing,
      outcomeOf([clearing.cells[0]!], {
        skipped: [{ write: clearing.cells[1]!, reason: "text-differs", found: "8" }],
      }),
    );
    expect(report.restored).toBe(1);
    expect(report.skipped).toHaveLength(1);
  });

  it("keeps the comments that are still in the document", () => {
    const ledger = settleLedger(plan, outcomeOf([], { commentsAdded: ["a"], commentsKept: ["b"] }));
    expect(ledger.comments).toEqual(["b", "a"]);
  });
});
