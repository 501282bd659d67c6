import { EMPTY_LEDGER, ignoresToXml, ledgerToXml, type Ignore } from "../core";
import { commonIgnores, latestIgnores, storedState } from "./stored-parts";

const rule = (id: string): Ignore => ({ scope: "rule", rule: id }) as Ignore;
const older = ignoresToXml([rule("cell-blank"), rule("year-mismatch")]);
const newer = ignoresToXml([rule("cell-blank")]);

describe("storedState", () => {
  it("merges every ledger part, whatever the order", () => {
    const a = ledgerToXml({ cells: [], comments: ["甲"] });
    const b = ledgerToXml({ cells: [], comments: ["乙"] });
    for (const order of ["added", "unknown"] as const)
      expect(storedState({ ledger: [a, b], ignores: [] }, order).ledger.comments.sort()).toEqual([
        "乙",
        "甲",
      ]);
  });

  it("gives an empty ledger and no ignores for a document without parts", () => {
    expect(storedState({ ledger: [], ignores: [] }, "added")).toEqual({
      ledger: EMPTY_LEDGER,
      ignores: [],
    });
  });

  it("believes the last ignores part where parts come in the order they were added", () => {
    expect(storedState({ ledger: [], ignores: [older, newer] }, "added").ignores).toEqual([
      rule("cell-blank"),
    ]);
    expect(latestIgnores([older, newer, "<broken"])).toEqual([rule("cell-blank")]);
  });

  it("holds only what every ignores part says where their order is unknown", () => {
    expect(storedState({ ledger: [], ignores: [newer, older] }, "unknown").ignores).toEqual([
      rule("cell-blank"),
    ]);
    expect(commonIgnores([older, "<broken"])).toEqual([rule("cell-blank"), rule("year-mismatch")]);
    expect(commonIgnores([])).toEqual([]);
  });
});
