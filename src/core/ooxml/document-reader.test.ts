import { readDocument } from "./read-document";
import {
  docx,
  documentXml,
  flatOpc,
  paragraph,
  stylesXml,
  table,
} from "../../../test/support/docx-builder";
import type { SnapshotParagraph, SnapshotTable } from "../model/snapshot";
import { parseSnapshot } from "../model/snapshot";

const read = (body: string, styles?: string) => readDocument(docx(documentXml(body), styles));
const paragraphs = (body: string, styles?: string) =>
  read(body, styles).blocks.filter((b): b is SnapshotParagraph => b.kind === "paragraph");
const tables = (body: string) =>
  read(body).blocks.filter((b): b is SnapshotTable => b.kind === "table");
const cellTexts = (t: SnapshotTable | undefined) => t?.rows.map((r) => r.cells.map((c) => c.text));

describe("the OOXML reader", () => {
  it("keeps paragraphs and tables in document order and validates as a snapshot", () => {
    const snapshot = read(paragraph("一") + table([["a", "b"]]) + paragraph("二"));
    expect(snapshot.blocks.map((b) => b.kind)).toEqual(["paragraph", "table", "paragraph"]);
    expect(() => parseSnapshot(JSON.parse(JSON.stringify(snapshot)))).not.toThrow();
  });

  it("numbers body paragraphs outside tables, empty ones included", () => {
    const list = paragraphs(
      paragraph("标题") + paragraph("") + table([["格内"]]) + paragraph("正文"),
    );
    expect(list.map((p) => [p.paragraphIndex, p.text])).toEqual([
      [0, "标题"],
      [1, ""],
      [2, "正文"],
    ]);
  });

  it("joins runs split inside a number and ignores proofing marks and bookmarks", () => {
    const cell =
      '<w:p><w:r><w:t>1</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="x"/><w:r><w:t>2</w:t></w:r><w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/><w:r><w:t>3</w:t></w:r></w:p>';
    expect(cellTexts(tables(table([[{ xml: cell }]]))[0])).toEqual([["123"]]);
  });

  it("reads field results but not field codes, simple or complex", () => {
    const complex =
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> =SUM(LEFT) </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>42</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
    const simple = '<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple></w:p>';
    expect(cellTexts(tables(table([[{ xml: complex }, { xml: simple }]]))[0])).toEqual([
      ["42", "7"],
    ]);
  });

  it("keeps line breaks and paragraph breaks inside a cell as newlines", () => {
    const cell =
      "<w:p><w:r><w:t>商业</w:t><w:br/><w:t>企业</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p>";
    expect(cellTexts(tables(table([[{ xml: cell }]]))[0])).toEqual([["商业\n企业\n第二段"]]);
  });

  it("leaves out deleted and moved-away text, keeps inserted text, drops deleted rows", () => {
    const cell =
      '<w:p><w:del w:id="1"><w:r><w:delText>21</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>22</w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>9</w:t></w:r></w:moveFrom></w:p>';
    const deletedRow =
      '<w:tr><w:trPr><w:del w:id="4" w:author="a"/></w:trPr><w:tc><w:p><w:r><w:t>gone</w:t></w:r></w:p></w:tc></w:tr>';
    const xml = table([[{ xml: cell }]]).replace("</w:tbl>", `${deletedRow}</w:tbl>`);
    expect(cellTexts(tables(xml)[0])).toEqual([["22"]]);
  });

  it("records horizontal and vertical merges with grid columns, spans and physical indices", () => {
    const t = tables(
      table([
        [{ text: "A", span: 2, vMerge: "restart" }, "B"],
        [{ span: 2, vMerge: "continue" }, "C"],
        ["D", "E", "F"],
      ]),
    )[0];
    expect(t?.gridColumnCount).toBe(3);
    expect(
      t?.rows[0]?.cells.map((c) => [
        c.gridColumn,
        c.columnSpan,
        c.rowSpan,
        c.verticalMerge,
        c.physicalIndex,
      ]),
    ).toEqual([
      [0, 2, 2, "restart", 0],
      [2, 1, 1, null, 1],
    ]);
    expect(t?.rows[1]?.cells[0]).toMatchObject({ verticalMerge: "continue", gridColumn: 0 });
    expect(t?.rows[1]?.cells[1]).toMatchObject({ text: "C", gridColumn: 2, physicalIndex: 1 });
  });

  it("honours w:gridBefore and legacy w:hMerge", () => {
    const xml =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>' +
      '<w:tr><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>wide</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>';
    const t = tables(xml)[0];
    expect(t?.rows[0]?.cells[0]).toMatchObject({ text: "x", gridColumn: 1 });
    expect(t?.rows[1]?.cells.map((c) => [c.text, c.gridColumn, c.columnSpan])).toEqual([
      ["wide", 0, 2],
      ["", 2, 1],
    ]);
  });

  it("reads a cell's own fill, not its paragraphs' or runs', and treats auto as none", () => {
    const cell = (tcPr: string, inner = "") =>
      `<w:tc><w:tcPr>${tcPr}</w:tcPr><w:p><w:pPr>${inner}</w:pPr></w:p></w:tc>`;
    const xml = `<w:tbl><w:tr>${cell('<w:shd w:val="clear" w:color="auto" w:fill="d9d9d9"/>')}${cell('<w:shd w:val="clear" w:fill="auto"/>')}${cell("", '<w:shd w:val="clear" w:fill="FF0000"/>')}</w:tr></w:tbl>`;
    expect(tables(xml)[0]?.rows[0]?.cells.map((c) => c.shading)).toEqual(["#D9D9D9", null, null]);
  });

  it("keeps a nested table inside its cell, never as a top-level table", () => {
    const inner = table([["内1", "内2"]]);
    const outer = table([[{ xml: paragraph("外") + inner + paragraph("") }, "b"]]);
    const list = tables(outer + table([["second"]]));
    expect(list.map((t) => t.tableIndex)).toEqual([0, 1]);
    expect(list[0]?.rows[0]?.cells[0]?.text).toBe("外\n");
    expect(cellTexts(list[0]?.rows[0]?.cells[0]?.nestedTables[0])).toEqual([["内1", "内2"]]);
  });

  it("reads content controls, and alternate content once", () => {
    const body =
      '<w:sdt><w:sdtPr><w:alias w:val="x"/><w:placeholder><w:docPart w:val="y"/></w:placeholder></w:sdtPr><w:sdtContent>' +
      paragraph("控件内") +
      "</w:sdtContent></w:sdt>" +
      '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:t>甲</w:t></mc:Choice><mc:Fallback><w:t>甲</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>';
    expect(paragraphs(body).map((p) => p.text)).toEqual(["控件内", "甲"]);
  });

  it("resolves WPS numeric style ids to heading levels through styles.xml", () => {
    const styles = stylesXml([
      { id: "1", name: "Normal" },
      { id: "2", name: "heading 1" },
      { id: "3", name: "标题 2" },
      { id: "9", name: "My Heading", basedOn: "2" },
      { id: "10", name: "Outline", outline: 2 },
    ]);
    const body = ["1", "2", "3", "9", "10"].map((id) => paragraph(id, { style: id })).join("");
    expect(paragraphs(body, styles).map((p) => [p.styleName, p.headingLevel])).toEqual([
      ["Normal", null],
      ["heading 1", 1],
      ["标题 2", 2],
      ["My Heading", 1],
      ["Outline", 3],
    ]);
  });

  it("takes a paragraph's own outline level over its style", () => {
    const body =
      '<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>一、总体情况</w:t></w:r></w:p>';
    expect(paragraphs(body)[0]?.headingLevel).toBe(1);
  });

  it("reads a flat-OPC package and a bare document.xml the same as a .docx", () => {
    const body = paragraph("标题", { style: "2" }) + table([["1", "2"]]);
    const styles = stylesXml([{ id: "2", name: "heading 1" }]);
    const fromDocx = readDocument(docx(documentXml(body), styles));
    expect(readDocument(flatOpc(documentXml(body), styles))).toEqual(fromDocx);
    expect(readDocument(documentXml(body)).blocks[1]).toEqual(fromDocx.blocks[1]);
  });
});
