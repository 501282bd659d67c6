import { nothingWritten, type CellMark, type CellWrite, type WriteReport } from "../core";
import { STRINGS } from "./strings";
import { writeNotices } from "./write-notices";

const mark: CellMark = {
  tableIndex: 1,
  rowIndex: 5,
  cellIndex: 2,
  original: null,
  applied: "#FFC7CE",
  text: "12",
};
const write = (extra: Partial<CellWrite>): CellWrite => ({
  tableIndex: 1,
  rowIndex: 5,
  cellIndex: 2,
  shading: null,
  expectedText: "12",
  ...extra,
});
const report = (extra: Partial<WriteReport> = {}): WriteReport => ({
  ...nothingWritten(),
  ...extra,
});

describe("the pane's notices for a write", () => {
  it("say when a cell that may still be ours was left alone", () => {
    expect(writeNotices(report({ uncertain: [mark] })).map((n) => n.text)).toEqual([
      STRINGS.uncertainMarks(1),
    ]);
  });

  it("say nothing more when everything was done", () => {
    expect(writeNotices(report({ shaded: 3 }))).toEqual([]);
  });

  it("say what was not done, each once, in words the catalog holds", () => {
    const notices = writeNotices(
      report({
        failure: "批注未能写入。",
        skipped: [
          { write: write({ marks: mark }), reason: "text-differs", found: "13" },
          { write: write({ marks: mark }), reason: "not-found" },
          { write: write({ restores: mark }), reason: "text-differs", found: "8" },
        ],
        recolored: [mark],
        missing: [mark, mark],
        unreadable: [
          { text: " 12 ", reason: "bad applied" },
          { text: null, reason: "damaged" },
        ],
      }),
    );
    expect(notices.map((n) => [n.intent, n.text])).toEqual([
      ["error", STRINGS.partlyDone("批注未能写入。")],
      ["warning", STRINGS.notMarked["text-differs"](1)],
      ["warning", STRINGS.notRestored["text-differs"](1)],
      ["warning", STRINGS.notMarked["not-found"](1)],
      ["warning", STRINGS.recolored(1)],
      ["info", STRINGS.missingCells(2)],
      ["warning", STRINGS.unreadableMarks(2, ["12"])],
    ]);
    expect(STRINGS.notMarked["text-differs"](2)).toContain(
      "2 个单元格的内容与检查时不同，未作标记",
    );
    expect(STRINGS.notMarked.failed(1)).not.toContain("内容与检查时不同");
    expect(STRINGS.unreadableMarks(2, ["12"])).toContain("（单元格内容：12）");
  });
});
