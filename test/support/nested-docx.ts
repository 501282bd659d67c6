/**
 * Reports whose statutory tables sit inside layout tables, written as Word writes a web page
 * pasted into it (or saved from HTML): the page's layout table becomes a Word table of one or
 * two cells, often with a caption row (表一 …) above the row whose cell holds the real table,
 * percentage widths, cell spacing, and an empty paragraph closing every cell after the nested
 * table (a cell must end with a paragraph). Built from statutoryReport, so the figures, labels
 * and faults are those of docx-builder.ts.
 */
import { zipSync, strToU8 } from "fflate";
import { statutoryReport, type ReportOptions } from "./docx-builder";

export type NestedLayout =
  /** Each statutory table in a layout table of two rows: its caption, then the table. */
  | "captioned"
  /** Tables 二 and 三 side by side in one layout row of two cells; 四 two layout tables deep. */
  | "two-cell"
  /** Table 三 split over two tables in one layout cell (the page broke it in two). */
  | "split";

const CAPTIONS = [
  "表一 主动公开政府信息情况",
  "表二 收到和处理政府信息公开申请情况",
  "表三 政府信息公开行政复议、行政诉讼情况",
];

const WEB_TABLE_PROPERTIES =
  '<w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblCellSpacing w:w="15" w:type="dxa"/>' +
  '<w:tblCellMar><w:top w:w="15" w:type="dxa"/><w:left w:w="15" w:type="dxa"/>' +
  '<w:bottom w:w="15" w:type="dxa"/><w:right w:w="15" w:type="dxa"/></w:tblCellMar>' +
  '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>';
const DATA_TABLE_PROPERTIES =
  '<w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders>' +
  '<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
  '<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
  '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
  '<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
  '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
  '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>' +
  '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>';
const CELL_SPACING_ROW = '<w:trPr><w:tblCellSpacing w:w="15" w:type="dxa"/></w:trPr>';
const WEB_CELL = '<w:tcPr><w:tcW w:w="0" w:type="auto"/><w:vAlign w:val="center"/></w:tcPr>';

function caption(text: string): string {
  return `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A cell of a layout table holding content; the empty paragraph closes it as Word does. */
function layoutCell(content: string): string {
  return `<w:tc>${WEB_CELL}${content}<w:p/></w:tc>`;
}

function layoutTable(rows: string[][], columns: number): string {
  const grid = `<w:tblGrid>${'<w:gridCol w:w="4500"/>'.repeat(columns)}</w:tblGrid>`;
  const body = rows.map((cells) => `<w:tr>${CELL_SPACING_ROW}${cells.join("")}</w:tr>`).join("");
  return `<w:tbl>${WEB_TABLE_PROPERTIES}${grid}${body}</w:tbl>`;
}

/** A captioned layout: the caption in the first row, the table in the second row's cell. */
export function captionedLayout(captionText: string, tableXml: string): string {
  return layoutTable(
    [[`<w:tc>${WEB_CELL}${caption(captionText)}</w:tc>`], [layoutCell(tableXml)]],
    1,
  );
}

/** The top-level tables of a document built by docx-builder (none of them nested). */
function topLevelTables(xml: string): string[] {
  return xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
}

/** A data table with the properties Word gives a pasted HTML table (the builder writes none). */
function withProperties(tableXml: string): string {
  return tableXml.replace(/^<w:tbl>/, `<w:tbl>${DATA_TABLE_PROPERTIES}`);
}

/** Splits a table's rows in two tables at a row, each with the same properties and grid. */
function splitTable(tableXml: string, at: number): [string, string] {
  const head = /^<w:tbl>(<w:tblPr>[\s\S]*?<\/w:tblPr>)?<w:tblGrid>[\s\S]*?<\/w:tblGrid>/.exec(
    tableXml,
  )?.[0];
  const rows = tableXml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
  if (!head) throw new Error("not a table");
  return [
    `${head}${rows.slice(0, at).join("")}</w:tbl>`,
    `${head}${rows.slice(at).join("")}</w:tbl>`,
  ];
}

/** document.xml of a report whose tables 二, 三 and 四 sit in layout tables. */
export function nestedReport(layout: NestedLayout, options: ReportOptions = {}): string {
  const plain = statutoryReport(options);
  const tables = topLevelTables(plain);
  if (tables.length !== 3) throw new Error("nestedReport needs all three statutory tables");
  const [t2, t3, t4] = tables.map(withProperties) as [string, string, string];
  const replace = (xml: string, index: number, by: string) =>
    xml.replace(tables[index] as string, () => by);
  let xml = plain;
  if (layout === "captioned") {
    [t2, t3, t4].forEach((t, i) => {
      xml = replace(xml, i, captionedLayout(CAPTIONS[i] as string, t));
    });
  } else if (layout === "two-cell") {
    const sideBySide = layoutTable(
      [
        [
          layoutCell(caption(CAPTIONS[0] as string) + t2),
          layoutCell(caption(CAPTIONS[1] as string) + t3),
        ],
      ],
      2,
    );
    xml = replace(xml, 0, sideBySide);
    xml = replace(xml, 1, "");
    xml = replace(xml, 2, layoutTable([[layoutCell(layoutTable([[layoutCell(t4)]], 1))]], 1));
  } else {
    const [first, second] = splitTable(t3, 14);
    xml = replace(xml, 0, captionedLayout(CAPTIONS[0] as string, t2));
    xml = replace(
      xml,
      1,
      layoutTable(
        [[layoutCell(first + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' + second)]],
        1,
      ),
    );
    xml = replace(xml, 2, captionedLayout(CAPTIONS[2] as string, t4));
  }
  return xml;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
/** A fixed date, so a regenerated fixture is byte for byte the committed one. */
const FIXED_TIME = new Date(Date.UTC(2024, 0, 1));

/** A .docx of a document.xml, reproducible byte for byte. */
export function reproducibleDocx(documentXml: string): Uint8Array {
  const entry = (text: string): [Uint8Array, { mtime: Date }] => [
    strToU8(text),
    { mtime: FIXED_TIME },
  ];
  return zipSync({
    "[Content_Types].xml": entry(CONTENT_TYPES),
    "_rels/.rels": entry(ROOT_RELS),
    "word/document.xml": entry(documentXml),
  });
}
