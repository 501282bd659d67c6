import { addressUnder, deletedRowsIn, distinctAddressings, ADDRESSINGS } from "./addressing";
import { readDocument } from "../ooxml/read-document";
import type { SnapshotTable } from "../model/snapshot";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const tc = (text: string, props = "") =>
  `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
const deletedTr = (text: string) =>
  `<w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr>${tc(text)}${tc(text)}</w:tr>`;

/** Rows: [A(restart) B] [A(continue) C] (deleted row) [D E] */
const xml = (extra = "") =>
  `<w:document ${W}><w:body><w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>` +
  `<w:tr>${tc("A", '<w:vMerge w:val="restart"/>')}${tc("B")}</w:tr>` +
  `<w:tr>${tc("", "<w:vMerge/>")}${tc("C")}</w:tr>` +
  deletedTr("X") +
  `<w:tr>${tc("D")}<w:tc><w:tcPr/><w:tbl><w:tr>${tc("n")}</w:tr>${extra}</w:tbl><w:p/></w:tc></w:tr>` +
  `</w:tbl><w:p/><w:tbl><w:tr><w:trPr><w:del w:id="2" w:author="a"/></w:trPr>${tc("later")}</w:tr></w:tbl></w:body></w:document>`;

const tableOf = (doc: string) => readDocument(doc).blocks[0] as SnapshotTable;

describe("deletedRowsIn", () => {
  it("gives the positions of the first top-level table's deleted rows, nested tables aside", () => {
    expect(deletedRowsIn(xml(deletedTr("nested")))).toEqual([2]);
  });
  it("is empty when nothing is deleted", () => {
    expect(deletedRowsIn(xml().replace(/<w:del [^>]*\/>/g, ""))).toEqual([]);
  });
});

describe("addressUnder", () => {
  const table = tableOf(xml());
  const deleted = deletedRowsIn(xml());

  it("the reader's numbering is the snapshot's own", () => {
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["A", "B"],
      ["", "C"],
      ["D", expect.any(String)],
    ]);
    expect(addressUnder(table, deleted, ADDRESSINGS[0]!, 1, 1)).toEqual({
      rowIndex: 1,
      cellIndex: 1,
    });
  });

  it("without continuation cells, a cell after one moves left and the continuation has no address", () => {
    const a = { continuationsCounted: false, deletedRowsCounted: false };
    expect(addressUnder(table, deleted, a, 1, 1)).toEqual({ rowIndex: 1, cellIndex: 0 });
    expect(addressUnder(table, deleted, a, 1, 0)).toBeNull();
    expect(addressUnder(table, deleted, a, 0, 1)).toEqual({ rowIndex: 0, cellIndex: 1 });
  });

  it("with deleted rows counted, rows below a deleted row move down", () => {
    const a = { continuationsCounted: true, deletedRowsCounted: true };
    expect(addressUnder(table, deleted, a, 1, 1)).toEqual({ rowIndex: 1, cellIndex: 1 });
    expect(addressUnder(table, deleted, a, 2, 0)).toEqual({ rowIndex: 3, cellIndex: 0 });
  });

  it("has no address for a cell the snapshot does not have", () => {
    expect(addressUnder(table, deleted, ADDRESSINGS[0]!, 9, 0)).toBeNull();
  });

  it("lists only the numberings that differ for this table", () => {
    expect(distinctAddressings(table, deleted)).toHaveLength(4);
    expect(distinctAddressings(table, [])).toHaveLength(2);
    const plain = tableOf(
      `<w:document ${W}><w:body><w:tbl><w:tr>${tc("a")}</w:tr></w:tbl></w:body></w:document>`,
    );
    expect(distinctAddressings(plain, [])).toEqual([ADDRESSINGS[0]]);
  });
});
