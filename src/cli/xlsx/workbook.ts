/**
 * A small SpreadsheetML (.xlsx) writer: sheets of text and numbers with a bold, frozen header
 * row, an auto filter over the table and column widths measured for Chinese text. Only what
 * the 整改台账 needs, written in the element order of the ECMA-376 Transitional schema
 * (sml.xsd), so Excel, WPS 表格 and LibreOffice open it without repairs. Text goes through the
 * shared-string table, as Excel writes it (every reader supports it). The package is zipped
 * with fflate, which the reader already uses.
 */
import { strToU8, zipSync } from "fflate";
import { displayWidth } from "../display-width";

export type XlsxCell = string | number | null;

export interface XlsxColumn {
  header: string;
  /** Widest the column grows to (characters of the default font); longer text wraps. */
  maxWidth?: number;
  /** Numbers shown as a percentage (0.63 → 63%). */
  percent?: boolean;
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  rows: XlsxCell[][];
}

export interface WorkbookProperties {
  title: string;
  created: Date;
  /** The font of every cell, e.g. 宋体 as WPS and Chinese Excel use it. */
  font: string;
}

/** Who wrote the package: a workbook still carrying these was never saved by a spreadsheet. */
export const WORKBOOK_CREATOR = "nianbao";
export const WORKBOOK_APPLICATION = "nianbao";

/** Excel's limit for the text of one cell. */
export const MAX_CELL_TEXT = 32_767;
const MIN_WIDTH = 6;
const DEFAULT_MAX_WIDTH = 60;

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
  officeRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
};
const CT = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  sheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  strings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
};
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indexes into cellXfs (see styles()). */
const STYLE = { header: 1, text: 2, number: 3, percent: 4 } as const;

// XML 1.0 forbids C0 controls other than tab, newline and carriage return, lone surrogates and
// U+FFFE/U+FFFF: dropped, never written.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** The text a cell holds: XML-safe and within Excel's limit (cut at a whole character). */
export function cellText(text: string): string {
  const clean = text.replace(NOT_XML, "");
  if (clean.length <= MAX_CELL_TEXT) return clean;
  let cut = clean.slice(0, MAX_CELL_TEXT);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Sheet names: at most 31 characters, none of []:*?/\ and not starting or ending with '. */
export function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "");
  return [...clean].slice(0, 31).join("") || "Sheet";
}

/**
 * Column width in Excel's unit (the width of a digit of the default font): a Chinese character
 * counts double; the widest line of any cell or the header, plus a margin, within limits.
 */
export function columnWidth(column: XlsxColumn, values: XlsxCell[]): number {
  const most = column.maxWidth ?? DEFAULT_MAX_WIDTH;
  let widest = displayWidth(column.header);
  // A column repeats its values (units, sections, rule names): each measured once.
  const seen = new Set<string>();
  for (const value of values) {
    if (value === null || widest + 2 >= most) continue;
    const text = typeof value === "number" ? (column.percent ? "100%" : String(value)) : value;
    if (seen.has(text)) continue;
    seen.add(text);
    for (const line of text.split("\n")) widest = Math.max(widest, displayWidth(line));
  }
  return Math.min(Math.max(widest + 2, MIN_WIDTH), most);
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];
  count = 0;
  add(text: string): number {
    this.count++;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.list.length;
      this.list.push(text);
      this.index.set(text, at);
    }
    return at;
  }
  xml(): string {
    const items = this.list
      .map((text) => {
        const preserve = /^\s|\s$|\n|\t/.test(text) ? ' xml:space="preserve"' : "";
        return `<si><t${preserve}>${xmlText(text)}</t></si>`;
      })
      .join("");
    return `${DECLARATION}<sst xmlns="${NS.main}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function sheetXml(sheet: XlsxSheet, strings: SharedStrings, selected: boolean): string {
  const width = sheet.columns.length;
  const lastColumn = columnLetters(width - 1);
  const lastRow = sheet.rows.length + 1;
  const cell = (ref: string, value: XlsxCell, column: XlsxColumn | undefined): string => {
    if (value === null || value === "") return `<c r="${ref}" s="${STYLE.text}"/>`;
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return `<c r="${ref}" s="${STYLE.text}"/>`;
      const style = column?.percent ? STYLE.percent : STYLE.number;
      return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
    }
    return `<c r="${ref}" s="${STYLE.text}" t="s"><v>${strings.add(cellText(value))}</v></c>`;
  };
  const header = sheet.columns
    .map(
      (column, i) =>
        `<c r="${columnLetters(i)}1" s="${STYLE.header}" t="s"><v>${strings.add(cellText(column.header))}</v></c>`,
    )
    .join("");
  const body = sheet.rows
    .map((row, r) => {
      const cells = sheet.columns
        .map((column, c) => cell(`${columnLetters(c)}${r + 2}`, row[c] ?? null, column))
        .join("");
      return `<row r="${r + 2}">${cells}</row>`;
    })
    .join("");
  const cols = sheet.columns
    .map((column, c) => {
      const w = columnWidth(
        column,
        sheet.rows.map((row) => row[c] ?? null),
      );
      return `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`;
    })
    .join("");
  const range = `A1:${lastColumn}${lastRow}`;
  return (
    `${DECLARATION}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}">` +
    `<dimension ref="${range}"/>` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0">` +
    `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>` +
    `</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols}</cols>` +
    `<sheetData><row r="1">${header}</row>${body}</sheetData>` +
    `<autoFilter ref="${range}"/>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</worksheet>`
  );
}

/** One font (GB2312 charset), the header bold on a light grey fill. */
const styles = (font: string) =>
  `${DECLARATION}<styleSheet xmlns="${NS.main}">` +
  `<fonts count="2">` +
  `<font><sz val="11"/><name val="${xmlText(font)}"/><family val="3"/><charset val="134"/></font>` +
  `<font><b/><sz val="11"/><name val="${xmlText(font)}"/><family val="3"/><charset val="134"/></font>` +
  `</fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
  `<fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="5">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center"/></xf>` +
  `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>` +
  `<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
  `</cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** The part names every workbook of `sheetCount` sheets holds, sorted. */
export function workbookPartNames(sheetCount: number): string[] {
  return [
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/app.xml",
    "docProps/core.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/sharedStrings.xml",
    "xl/styles.xml",
    "xl/workbook.xml",
    ...Array.from({ length: sheetCount }, (_, i) => `xl/worksheets/sheet${i + 1}.xml`),
  ].sort();
}

export function writeWorkbook(sheets: XlsxSheet[], properties: WorkbookProperties): Uint8Array {
  const strings = new SharedStrings();
  const names = sheets.map((sheet) => sheetName(sheet.name));
  const worksheets = sheets.map((sheet, i) => sheetXml(sheet, strings, i === 0));
  const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
  const definedNames = sheets
    .map((sheet, i) => {
      const ref = `$A$1:$${columnLetters(sheet.columns.length - 1)}$${sheet.rows.length + 1}`;
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${quoted(names[i] as string)}!${ref}`)}</definedName>`;
    })
    .join("");
  const workbook =
    `${DECLARATION}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}">` +
    `<bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets>${names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>` +
    `<definedNames>${definedNames}</definedNames>` +
    `</workbook>`;
  const n = sheets.length;
  const workbookRels =
    `${DECLARATION}<Relationships xmlns="${NS.rel}">` +
    names
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${NS.officeRel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join("") +
    `<Relationship Id="rId${n + 1}" Type="${NS.officeRel}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${NS.officeRel}/sharedStrings" Target="sharedStrings.xml"/>` +
    `</Relationships>`;
  const rootRels =
    `${DECLARATION}<Relationships xmlns="${NS.rel}">` +
    `<Relationship Id="rId1" Type="${NS.officeRel}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="${NS.officeRel}/extended-properties" Target="docProps/app.xml"/>` +
    `</Relationships>`;
  const contentTypes =
    `${DECLARATION}<Types xmlns="${NS.ct}">` +
    `<Default Extension="rels" ContentType="${CT.rels}"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/>` +
    names
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT.sheet}"/>`,
      )
      .join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT.strings}"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="${CT.core}"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="${CT.app}"/>` +
    `</Types>`;
  const created = isoSeconds(properties.created);
  const core =
    `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${xmlText(properties.title)}</dc:title>` +
    `<dc:creator>${WORKBOOK_CREATOR}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
    `</cp:coreProperties>`;
  const app =
    `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
    `<Application>${WORKBOOK_APPLICATION}</Application>` +
    `</Properties>`;
  const text: Record<string, string> = {
    "[Content_Types].xml": contentTypes,
    "_rels/.rels": rootRels,
    "docProps/core.xml": core,
    "docProps/app.xml": app,
    "xl/workbook.xml": workbook,
    "xl/_rels/workbook.xml.rels": workbookRels,
    "xl/styles.xml": styles(properties.font),
    ...Object.fromEntries(worksheets.map((xml, i) => [`xl/worksheets/sheet${i + 1}.xml`, xml])),
    // Last: the sheets above fill the table.
    "xl/sharedStrings.xml": strings.xml(),
  };
  const mtime = properties.created;
  return zipSync(
    Object.fromEntries(
      Object.entries(text).map(([name, xml]) => [name, [strToU8(xml), { mtime }]]),
    ),
    // Level 1: about a third larger than level 6 on a 台账, and much faster.
    { level: 1 },
  );
}
