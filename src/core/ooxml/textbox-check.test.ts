/**
 * A statutory table that sits in a text box is recognized and checked through check(): no
 * table-missing, its arithmetic findings reported, and no anchor, since no host can address
 * a text-box table (tableIndex -1).
 */
import { check } from "../check/check";
import { readDocument } from "./read-document";
import { cellAnchor } from "../rules/types";
import {
  BALANCED_TABLE4,
  docx,
  paragraph,
  statutoryReport,
  table,
  table4Rows,
} from "../../../test/support/docx-builder";

const DRAWING_NS =
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" ';

/** Moves table 四 of a report into a VML text box anchored in a paragraph where it stood. */
function table4InTextBox(figures = BALANCED_TABLE4): string {
  const report = statutoryReport({ table4: figures });
  const original = table(table4Rows(figures), 15);
  expect(report).toContain(original);
  const box = `<w:p><w:r><w:pict><v:shape id="t4" style="width:450pt;height:200pt"><v:textbox><w:txbxContent>${original}${paragraph("")}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`;
  return report.replace(original, box).replace("<w:document ", `<w:document ${DRAWING_NS}`);
}

describe("a statutory table in a text box", () => {
  it("is read as a textbox table where table 四 stands", () => {
    const blocks = readDocument(docx(table4InTextBox())).blocks;
    const tables = blocks.filter((b) => b.kind === "table");
    expect(tables.map((t) => [t.tableIndex, t.origin])).toEqual([
      [0, undefined],
      [1, undefined],
      [-1, "textbox"],
    ]);
  });

  it("is recognized: no table-missing, and its arithmetic is checked without anchors", () => {
    const clean = check(readDocument(docx(table4InTextBox())));
    expect(clean.findings.filter((f) => f.severity === "error")).toEqual([]);

    const faulty = check(
      readDocument(docx(table4InTextBox({ ...BALANCED_TABLE4, review: [1, 1, 0, 1, 4] }))),
    );
    const rules = faulty.findings.map((f) => f.rule);
    expect(rules).not.toContain("table-missing");
    const total = faulty.findings.find((f) => f.rule === "table4-total");
    expect(total?.location).toMatchObject({ table: "table4", row: "review", column: "total" });
    expect(total?.anchors).toEqual([]);
  });

  it("has no cell anchor for tableIndex -1", () => {
    expect(cellAnchor({ tableIndex: -1, rowIndex: 2, cellIndex: 3 })).toBeNull();
    expect(cellAnchor({ tableIndex: 0, rowIndex: 2, cellIndex: 3 })).toEqual({
      kind: "cell",
      tableIndex: 0,
      rowIndex: 2,
      cellIndex: 3,
    });
  });
});
