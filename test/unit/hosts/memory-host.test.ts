import { check, COMMENT_AUTHOR, COMMENT_INITIALS } from "../../../src/core";
import { MemoryDocument } from "../../../src/hosts/memory/memory-document";
import { MemoryHost } from "../../../src/hosts/memory/memory-host";
import { BALANCED_TABLE3, docx, statutoryReport } from "../../support/docx-builder";
import { hostContract, type MakeHost } from "../../support/host-contract";
import { markProperties } from "../../support/mark-properties";

const make: MakeHost = (bytes) => {
  const document = MemoryDocument.fromDocx(bytes);
  return {
    host: new MemoryHost(document),
    document,
    commentAuthor: COMMENT_AUTHOR,
    commentInitials: COMMENT_INITIALS,
    noShading: null,
  };
};

hostContract("demo (in-memory)", make);
markProperties("demo (in-memory)", make);

describe("editing the in-memory document as a user would", () => {
  const report = () => MemoryDocument.fromDocx(docx(statutoryReport({ table3: BALANCED_TABLE3 })));
  /** Table 三's row-header cell that starts the merge of （三）不予公开 and its rows. */
  function merged(doc: MemoryDocument) {
    const table = doc.tables()[1];
    const at = table?.rows.findIndex((r) =>
      r.cells.some((c) => c.verticalMerge === "restart" && c.text.includes("不予公开")),
    );
    if (!table || at === undefined || at < 0) throw new Error("no merge in table 三");
    const origin = table.rows[at]?.cells.find((c) => c.verticalMerge === "restart");
    if (!origin) throw new Error("no merge origin");
    return { table, at, origin };
  }

  it("inserts a row inside a vertical merge as part of the merge", () => {
    const doc = report();
    const { table, at, origin } = merged(doc);
    const span = origin.rowSpan;
    const row = doc.insertRow(table, at + 1);
    expect(table.rows[at + 1]).toBe(row);
    expect(origin.rowSpan).toBe(span + 1);
    expect(row.cells.find((c) => c.gridColumn === origin.gridColumn)?.verticalMerge).toBe(
      "continue",
    );
    expect(row.cells.every((c) => c.shading === null)).toBe(true);
    expect(check(doc.snapshot()).findings.filter((f) => f.rule === "cell-invalid")).toEqual([]);
  });

  it("deletes the first row of a vertical merge: the next row takes over its text", () => {
    const doc = report();
    const { table, at, origin } = merged(doc);
    const span = origin.rowSpan;
    const next = table.rows[at + 1]?.cells.find((c) => c.gridColumn === origin.gridColumn);
    doc.deleteRow(table, at);
    expect(next?.text).toBe(origin.text);
    expect(next?.verticalMerge).toBe(span > 2 ? "restart" : null);
    expect(next?.rowSpan).toBe(span - 1);
  });

  it("deletes a table and numbers the others again", () => {
    const doc = report();
    const [first, second, third] = doc.tables();
    if (!first || !second || !third) throw new Error("three tables expected");
    doc.deleteTable(second);
    expect(doc.tables()).toEqual([first, third]);
    expect(third.tableIndex).toBe(1);
  });
});
