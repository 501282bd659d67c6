/**
 * WordOpenXML as WPS writes it, not as our reader would like it: a flat-OPC package with a
 * styles part and numeric style ids (WPS names heading 1 "2"), w14 paragraph ids and an
 * mc:Ignorable declaration, run properties on every run, a content control (w:sdt) around a
 * paragraph, table properties, and tracked-deleted rows (w:trPr/w:del) where the fake has them.
 */
import type {
  SnapshotBlock,
  SnapshotCell,
  SnapshotParagraph,
  SnapshotTable,
} from "../../src/core/model/snapshot";
import { withTextBoxes } from "./table-ooxml";

const escape = (t: string) =>
  t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const NAMESPACES =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" mc:Ignorable="w14 wpsCustomData"';

/** Numeric style ids as WPS writes them: "1" Normal, "2"… headings 1…. */
const headingStyleId = (level: number) => String(level + 1);

const STYLES = `<w:styles ${NAMESPACES}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体"/></w:rPr></w:rPrDefault></w:docDefaults><w:latentStyles w:count="260"><w:lsdException w:name="heading 1" w:qFormat="1"/></w:latentStyles><w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/><w:qFormat/></w:style>${Array.from(
  { length: 9 },
  (_, i) =>
    `<w:style w:type="paragraph" w:styleId="${headingStyleId(i + 1)}"><w:name w:val="heading ${i + 1}"/><w:basedOn w:val="1"/><w:next w:val="1"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="${i}"/></w:pPr></w:style>`,
).join(
  "",
)}<w:style w:type="table" w:default="1" w:styleId="5"><w:name w:val="Normal Table"/><w:semiHidden/></w:style></w:styles>`;

let paraId = 0x1a2b0000;
const nextParaId = () => (paraId++).toString(16).toUpperCase().padStart(8, "0");

function runs(text: string): string {
  return `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr><w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
}

function paragraphXml(p: SnapshotParagraph): string {
  const style =
    p.headingLevel !== null ? `<w:pStyle w:val="${headingStyleId(p.headingLevel)}"/>` : "";
  const jc = p.alignment ? `<w:jc w:val="${p.alignment}"/>` : "";
  return `<w:p w14:paraId="${nextParaId()}" w14:textId="77777777" w:rsidR="00A14D2B"><w:pPr>${style}${jc}<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:pPr>${p.text ? runs(p.text) : ""}</w:p>`;
}

function cellXml(c: SnapshotCell, width: number): string {
  const merge =
    c.verticalMerge === "restart"
      ? '<w:vMerge w:val="restart"/>'
      : c.verticalMerge === "continue"
        ? "<w:vMerge/>"
        : "";
  const props = `<w:tcW w:w="${width * c.columnSpan}" w:type="dxa"/>${c.columnSpan > 1 ? `<w:gridSpan w:val="${c.columnSpan}"/>` : ""}${merge}${c.shading ? `<w:shd w:val="clear" w:color="auto" w:fill="${c.shading.slice(1)}"/>` : ""}<w:vAlign w:val="center"/>`;
  const paragraphs = c.text
    .split("\n")
    .map(
      (t) =>
        `<w:p w14:paraId="${nextParaId()}" w14:textId="77777777"><w:pPr><w:jc w:val="center"/></w:pPr>${t ? runs(t) : ""}</w:p>`,
    )
    .join("");
  const nested = c.nestedTables.map((t) => tableXml(t, null) + "<w:p/>").join("");
  return `<w:tc><w:tcPr>${props}</w:tcPr>${paragraphs}${nested}</w:tc>`;
}

function deletedRowXml(table: SnapshotTable, width: number): string {
  const cells = Array.from(
    { length: table.gridColumnCount },
    () =>
      `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr><w:p><w:del w:id="9" w:author="李四" w:date="2025-03-01T10:00:00Z"><w:r><w:delText>${escape(DELETED_ROW_TEXT)}</w:delText></w:r></w:del></w:p></w:tc>`,
  ).join("");
  return `<w:tr><w:trPr><w:del w:id="8" w:author="李四" w:date="2025-03-01T10:00:00Z"/></w:trPr>${cells}</w:tr>`;
}

/** The text a tracked-deleted row's cells show while the deletion is not accepted. */
export const DELETED_ROW_TEXT = "（已删除）";

function tableXml(table: SnapshotTable, deletedRowBefore: number | null): string {
  const width = 1200;
  const rows = table.rows.map(
    (row) =>
      `<w:tr w:rsidR="00A14D2B"><w:trPr><w:jc w:val="center"/></w:trPr>${row.cells.map((c) => cellXml(c, width)).join("")}</w:tr>`,
  );
  if (deletedRowBefore !== null && deletedRowBefore < rows.length)
    rows.splice(deletedRowBefore, 0, deletedRowXml(table, width));
  const grid = `<w:gridCol w:w="${width}"/>`.repeat(table.gridColumnCount);
  return `<w:tbl><w:tblPr><w:tblStyle w:val="5"/><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join("")}</w:tbl>`;
}

function packageOf(body: string): string {
  const document = `<w:document ${NAMESPACES}><w:body>${body}<w:sectPr w:rsidR="00A14D2B"><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="312" w:charSpace="0"/></w:sectPr></w:body></w:document>`;
  const part = (name: string, type: string, xml: string) =>
    `<pkg:part pkg:name="${name}" pkg:contentType="${type}"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`;
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  return `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${part(
    "/_rels/.rels",
    "application/vnd.openxmlformats-package.relationships+xml",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  )}${part(
    "/word/document.xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    document,
  )}${part(
    "/word/_rels/document.xml.rels",
    "application/vnd.openxmlformats-package.relationships+xml",
    rels,
  )}${part(
    "/word/styles.xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
    STYLES,
  )}</pkg:package>`;
}

/** A content control around the first body paragraph, as templates from 公文 systems carry. */
function withContentControl(xml: string[], blocks: SnapshotBlock[]): string[] {
  const first = blocks.findIndex((b) => b.kind === "paragraph");
  if (first < 0) return xml;
  return xml.map((x, i) =>
    i === first
      ? `<w:sdt><w:sdtPr><w:id w:val="147483647"/><w:placeholder><w:docPart w:val="DefaultPlaceholder"/></w:placeholder></w:sdtPr><w:sdtEndPr/><w:sdtContent>${x}</w:sdtContent></w:sdt>`
      : x,
  );
}

export function wpsDocumentXml(blocks: SnapshotBlock[], deletedRowBefore: number | null): string {
  const body = blocks.map((b) =>
    b.kind === "table" ? tableXml(b, deletedRowBefore) : paragraphXml(b),
  );
  return packageOf(withTextBoxes(blocks, withContentControl(body, blocks)).join(""));
}

export function wpsTableXml(table: SnapshotTable, deletedRowBefore: number | null): string {
  return packageOf(`${tableXml(table, deletedRowBefore)}<w:p/>`);
}
