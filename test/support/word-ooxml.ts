/**
 * A table's OOXML as Word's Range.getOoxml returns it, for the fake Word: the whole package
 * (package and document relationships, a styles part with latent styles), paragraphs with
 * w14:paraId/w14:textId and rsids, runs split inside numbers with proofing marks, a content
 * control around one cell's content and another around a whole cell, a w:tcPrChange holding
 * an old fill, table properties and widths, and rows deleted under track changes kept with
 * their deleted text (w:trPr/w:del, w:delText). The content still comes from the document in
 * memory; what this adds is everything else Word writes, which the reader must see through.
 */
import type { SnapshotCell, SnapshotRow, SnapshotTable } from "../../src/core/model/snapshot";

export interface DeletedRow {
  /** Position among the table's w:tr, deleted rows included. */
  position: number;
  row: SnapshotRow;
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const escape = (t: string) =>
  t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

let ids = 0x1a2b3c00;
const paraId = () => (ids++).toString(16).toUpperCase().padStart(8, "0");

const RUN_PROPS =
  '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/><w:sz w:val="21"/></w:rPr>';

function runs(text: string, deleted: boolean): string {
  if (text === "") return "";
  if (deleted)
    return `<w:del w:id="${ids++ % 1000}" w:author="李四" w:date="2024-03-01T09:00:00Z"><w:r>${RUN_PROPS}<w:delText xml:space="preserve">${escape(text)}</w:delText></w:r></w:del>`;
  // Word splits runs where editing sessions met, even inside a number.
  const pieces = text.length > 1 ? [text.slice(0, 1), text.slice(1)] : [text];
  return pieces
    .map(
      (piece, i) =>
        `${i > 0 ? '<w:proofErr w:type="spellStart"/>' : ""}<w:r w:rsidR="00C1D2E3">${RUN_PROPS}<w:t xml:space="preserve">${escape(piece)}</w:t></w:r>${i > 0 ? '<w:proofErr w:type="spellEnd"/>' : ""}`,
    )
    .join("");
}

function paragraphs(text: string, deleted: boolean): string {
  return text
    .split("\n")
    .map(
      (line) =>
        `<w:p w14:paraId="${paraId()}" w14:textId="77777777" w:rsidR="00AB12CD" w:rsidRDefault="00AB12CD"><w:pPr><w:jc w:val="center"/>${RUN_PROPS}</w:pPr>${runs(line, deleted)}</w:p>`,
    )
    .join("");
}

function cellXml(cell: SnapshotCell, at: number, deleted: boolean): string {
  const merge =
    cell.verticalMerge === "restart"
      ? '<w:vMerge w:val="restart"/>'
      : cell.verticalMerge === "continue"
        ? "<w:vMerge/>"
        : "";
  const shd = cell.shading
    ? `<w:shd w:val="clear" w:color="auto" w:fill="${cell.shading.slice(1)}"/>`
    : "";
  // An earlier fill recorded by a tracked formatting change: not the cell's fill.
  const change =
    at % 5 === 2
      ? '<w:tcPrChange w:id="7" w:author="李四" w:date="2024-03-01T09:00:00Z"><w:tcPr><w:tcW w:w="900" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="00B050"/></w:tcPr></w:tcPrChange>'
      : "";
  const span = cell.columnSpan > 1 ? `<w:gridSpan w:val="${cell.columnSpan}"/>` : "";
  const props = `<w:tcPr><w:tcW w:w="${900 * cell.columnSpan}" w:type="dxa"/>${span}${merge}${shd}<w:vAlign w:val="center"/>${change}</w:tcPr>`;
  let content = paragraphs(cell.text, deleted);
  if (at % 7 === 3)
    content = `<w:sdt><w:sdtPr><w:alias w:val="数字"/><w:id w:val="${100 + at}"/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
  const nested = cell.nestedTables.map((t) => tableXml(t, []) + paragraphs("", false)).join("");
  const tc = `<w:tc>${props}${content}${nested}</w:tc>`;
  return at % 11 === 6
    ? `<w:sdt><w:sdtPr><w:id w:val="${500 + at}"/></w:sdtPr><w:sdtContent>${tc}</w:sdtContent></w:sdt>`
    : tc;
}

function rowXml(row: SnapshotRow, rowAt: number, deleted: boolean): string {
  const trPr = deleted
    ? '<w:trPr><w:jc w:val="center"/><w:del w:id="90" w:author="李四" w:date="2024-03-01T09:00:00Z"/></w:trPr>'
    : '<w:trPr><w:jc w:val="center"/></w:trPr>';
  const cells = row.cells.map((c, i) => cellXml(c, rowAt * 13 + i, deleted)).join("");
  return `<w:tr w:rsidR="00AB12CD" w14:paraId="${paraId()}" w14:textId="77777777">${trPr}${cells}</w:tr>`;
}

function tableXml(table: SnapshotTable, deletedRows: DeletedRow[]): string {
  const rows: string[] = table.rows.map((row, r) => rowXml(row, r, false));
  for (const { position, row } of [...deletedRows].sort((a, b) => a.position - b.position))
    rows.splice(position, 0, rowXml(row, position, true));
  const grid = '<w:gridCol w:w="900"/>'.repeat(table.gridColumnCount);
  return `<w:tbl><w:tblPr><w:tblStyle w:val="a3"/><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join("")}</w:tbl>`;
}

const STYLES = `<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/><w:kern w:val="2"/><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376"><w:lsdException w:name="Normal" w:uiPriority="0" w:qFormat="1"/><w:lsdException w:name="heading 1" w:uiPriority="9" w:qFormat="1"/><w:lsdException w:name="Table Grid" w:uiPriority="39"/></w:latentStyles><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/></w:tblPr></w:style><w:style w:type="table" w:styleId="a3"><w:name w:val="Table Grid"/><w:basedOn w:val="a1"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style></w:styles>`;

/** The package Word's Range.getOoxml gives for a table's whole range. */
export function wordTablePackage(table: SnapshotTable, deletedRows: DeletedRow[]): string {
  const document = `<w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="${W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:body>${tableXml(table, deletedRows)}${paragraphs("", false)}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  return `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml" pkg:padding="512"><pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships></pkg:xmlData></pkg:part><pkg:part pkg:name="/word/_rels/document.xml.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml" pkg:padding="256"><pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships></pkg:xmlData></pkg:part><pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>${document}</pkg:xmlData></pkg:part><pkg:part pkg:name="/word/styles.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"><pkg:xmlData>${STYLES}</pkg:xmlData></pkg:part></pkg:package>`;
}

/** Our own plain package, with deleted rows where there are some. */
export function plainTablePackage(table: SnapshotTable, deletedRows: DeletedRow[]): string {
  const rows = table.rows.map((row) => plainRow(row, false));
  for (const { position, row } of [...deletedRows].sort((a, b) => a.position - b.position))
    rows.splice(position, 0, plainRow(row, true));
  const grid = "<w:gridCol/>".repeat(table.gridColumnCount);
  const body = `<w:tbl><w:tblGrid>${grid}</w:tblGrid>${rows.join("")}</w:tbl><w:p/>`;
  return `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml"><pkg:xmlData><w:document xmlns:w="${W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>${body}</w:body></w:document></pkg:xmlData></pkg:part></pkg:package>`;
}

function plainRow(row: SnapshotRow, deleted: boolean): string {
  const cells = row.cells
    .map((c) => {
      const props = `${c.columnSpan > 1 ? `<w:gridSpan w:val="${c.columnSpan}"/>` : ""}${c.verticalMerge === "restart" ? '<w:vMerge w:val="restart"/>' : c.verticalMerge === "continue" ? "<w:vMerge/>" : ""}${c.shading ? `<w:shd w:val="clear" w:color="auto" w:fill="${c.shading.slice(1)}"/>` : ""}`;
      const text = c.text
        .split("\n")
        .map((t) =>
          deleted
            ? `<w:p><w:del w:id="1" w:author="李四"><w:r><w:delText>${escape(t)}</w:delText></w:r></w:del></w:p>`
            : `<w:p><w:r><w:t xml:space="preserve">${escape(t)}</w:t></w:r></w:p>`,
        )
        .join("");
      const nested = c.nestedTables.map((t) => tableXml(t, []) + "<w:p/>").join("");
      return `<w:tc><w:tcPr>${props}</w:tcPr>${text}${nested}</w:tc>`;
    })
    .join("");
  const trPr = deleted ? '<w:trPr><w:del w:id="2" w:author="李四"/></w:trPr>' : "";
  return `<w:tr>${trPr}${cells}</w:tr>`;
}
