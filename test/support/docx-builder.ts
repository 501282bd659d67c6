/**
 * Test documents written as real WordprocessingML, the way Word and WPS write them: merges as
 * w:gridSpan / w:vMerge, text in runs. `statutoryReport` builds a complete, balanced report in
 * the 2021 (or 2019) layout whose figures, labels and structure each test can change.
 */
import { zipSync, strToU8 } from "fflate";
import { FORMATS, type FormatId, type TableId } from "../../src/core/formats";
import { tableGrid } from "../../src/core/template";

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export interface CellSpec {
  text?: string;
  span?: number;
  vMerge?: "restart" | "continue";
  /** Raw XML placed inside the cell instead of a paragraph of `text`. */
  xml?: string;
}

export type RowSpec = (CellSpec | string)[];

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function run(text: string): string {
  return text
    .split("\n")
    .map((line) => `<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`)
    .join("<w:r><w:br/></w:r>");
}

export function paragraph(text: string, options: { style?: string; align?: string } = {}): string {
  const props = [
    options.style ? `<w:pStyle w:val="${options.style}"/>` : "",
    options.align ? `<w:jc w:val="${options.align}"/>` : "",
  ].join("");
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${text ? run(text) : ""}</w:p>`;
}

export function heading(text: string, level = 1): string {
  return paragraph(text, { style: `Heading${level}` });
}

export function table(rows: RowSpec[], gridColumns?: number): string {
  const width =
    gridColumns ??
    Math.max(
      ...rows.map((r) =>
        r.reduce<number>((n, c) => n + (typeof c === "string" ? 1 : (c.span ?? 1)), 0),
      ),
    );
  const grid = `<w:tblGrid>${"<w:gridCol/>".repeat(width)}</w:tblGrid>`;
  const body = rows
    .map((row) => {
      const cells = row.map((cell) => {
        const spec: CellSpec = typeof cell === "string" ? { text: cell } : cell;
        const props = [
          spec.span && spec.span > 1 ? `<w:gridSpan w:val="${spec.span}"/>` : "",
          spec.vMerge
            ? spec.vMerge === "restart"
              ? '<w:vMerge w:val="restart"/>'
              : "<w:vMerge/>"
            : "",
        ].join("");
        const content = spec.xml ?? paragraph(spec.text ?? "");
        return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}${content}</w:tc>`;
      });
      return `<w:tr>${cells.join("")}</w:tr>`;
    })
    .join("");
  return `<w:tbl>${grid}${body}</w:tbl>`;
}

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

export function stylesXml(
  styles: { id: string; name: string; outline?: number; basedOn?: string }[],
): string {
  const items = styles
    .map(
      (s) =>
        `<w:style w:type="paragraph" w:styleId="${s.id}"><w:name w:val="${s.name}"/>${s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : ""}${s.outline !== undefined ? `<w:pPr><w:outlineLvl w:val="${s.outline}"/></w:pPr>` : ""}</w:style>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W_NS}>${items}</w:styles>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

export function docx(document: string, styles?: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(ROOT_RELS),
    "word/document.xml": strToU8(document),
  };
  if (styles) files["word/styles.xml"] = strToU8(styles);
  return zipSync(files);
}

export function flatOpc(document: string, styles?: string): string {
  const part = (name: string, xml: string) =>
    `<pkg:part pkg:name="${name}" pkg:contentType="application/xml"><pkg:xmlData>${xml.replace(/^<\?xml[^>]*\?>/, "")}</pkg:xmlData></pkg:part>`;
  return `<?xml version="1.0" standalone="yes"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${part("/word/document.xml", document)}${styles ? part("/word/styles.xml", styles) : ""}</pkg:package>`;
}

// ---------------------------------------------------------------------------------------------
// A whole statutory report.

export type Values = Record<string, (string | number)[]>;

export interface ReportOptions {
  format?: FormatId;
  year?: number;
  unit?: string;
  /** Table 三 figures by row key: 7 values (six applicant columns and 总计). */
  table3?: Values;
  /** Table 四 figures by group key: 5 values. */
  table4?: Values;
  /** Table 二 figures by row key, one value per column of its block. */
  table2?: Values;
  /** Paragraphs of prose placed under 一、总体情况. */
  prose?: string[];
  /** Headings to leave out, by section id. */
  omitSections?: string[];
  omitTables?: ("table2" | "table3" | "table4")[];
  /** Replace a heading's text, by section id. */
  headings?: Record<string, string>;
  /** Change the rows of a table before it is written. */
  editTable3?: (rows: RowSpec[]) => RowSpec[];
  editTable2?: (rows: RowSpec[]) => RowSpec[];
  editTable4?: (rows: RowSpec[]) => RowSpec[];
  period?: string | null;
  title?: string;
  /** Paragraphs of 五 and 六 in place of the defaults (a plain, complete statement each). */
  sectionText?: Partial<Record<"五" | "六", string[]>>;
  /** Paragraphs after 六: a 落款 (unit, date). */
  closing?: string[];
}

/**
 * What 一, 五 and 六 say unless a test says otherwise: the content a supervising office asks
 * for (考核、评议、追究; problems and improvements; the 信息处理费), so that the content rules
 * are quiet on a default report and a test sees only the faults it builds.
 */
export const DEFAULT_PROSE = [
  "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，将政府信息公开工作纳入年度绩效考核，开展社会评议，全年未发生责任追究情况。",
];
export const DEFAULT_SECTION_TEXT: Record<"五" | "六", string[]> = {
  五: [
    "本年度政府信息公开工作仍存在一些不足：一是政策解读形式较为单一，二是个别信息公开不够及时。下一步，本机关将加强审核把关，丰富解读形式，提高信息公开的时效性。",
  ],
  六: ["本年度未收取信息处理费。"],
};

/** A balanced default for table 三: 20 new, 2 carried, 18 results, 4 carried forward. */
export const BALANCED_TABLE3: Values = {
  new: [18, 2, 0, 0, 0, 0, 20],
  carried: [2, 0, 0, 0, 0, 0, 2],
  granted: [10, 1, 0, 0, 0, 0, 11],
  partial: [2, 0, 0, 0, 0, 0, 2],
  "unavailable.1": [3, 0, 0, 0, 0, 0, 3],
  "notProcessed.2": [1, 0, 0, 0, 0, 0, 1],
  total: [16, 1, 0, 0, 0, 0, 17],
  carryForward: [4, 1, 0, 0, 0, 0, 5],
};

/**
 * BALANCED_TABLE3 with one applicant who was sent a fee notice and did not pay (（六）2 = 1),
 * still balanced: the total and the carry-forward take the one more application.
 */
export const TABLE3_UNPAID_FEE: Values = {
  ...BALANCED_TABLE3,
  "other.2": [1, 0, 0, 0, 0, 0, 1],
  total: [17, 1, 0, 0, 0, 0, 18],
  carryForward: [3, 1, 0, 0, 0, 0, 4],
};

export const BALANCED_TABLE4: Values = {
  review: [1, 1, 0, 1, 3],
  suitDirect: [1, 0, 0, 0, 1],
  suitAfterReview: [0, 0, 0, 0, 0],
};

/**
 * Table 四 with one error and nothing else to report: 行政复议's results add up to 3 but its
 * 总计 says 4 (table4-total), no lawsuits.
 */
export const FAULTY_TABLE4: Values = {
  review: [1, 1, 0, 1, 4],
  suitDirect: [0, 0, 0, 0, 0],
  suitAfterReview: [0, 0, 0, 0, 0],
};

/** The statutory grid of the core's template, with figures filled in row by row. */
function filledGrid(
  format: FormatId,
  table: TableId,
  figuresOf: (dataRow: number) => (string | number)[] | undefined,
): RowSpec[] {
  let dataRow = -1;
  return tableGrid(format, table).rows.map((row) => {
    const hasData = row.cells.some((c) => c.role === "data");
    if (hasData) dataRow++;
    const figures = hasData ? figuresOf(dataRow) : undefined;
    let i = 0;
    return row.cells.map((c): CellSpec => {
      const spec: CellSpec = {
        text: c.text,
        span: c.columnSpan,
        ...(c.verticalMerge && { vMerge: c.verticalMerge }),
      };
      if (c.role !== "data") return spec;
      return { ...spec, text: String(figures?.[i++] ?? 0) };
    });
  });
}

export function table3Rows(format: FormatId, values: Values = BALANCED_TABLE3): RowSpec[] {
  const rows = FORMATS[format].table3.rows;
  return filledGrid(format, "table3", (i) => values[rows[i]?.key ?? ""]);
}

export function table4Rows(values: Values = BALANCED_TABLE4): RowSpec[] {
  return filledGrid("2021", "table4", () =>
    ["review", "suitDirect", "suitAfterReview"].flatMap((g) => values[g] ?? [0, 0, 0, 0, 0]),
  );
}

export function table2Rows(format: FormatId, values: Values = {}): RowSpec[] {
  const rows = FORMATS[format].table2.blocks.flatMap((b) => b.rows);
  return filledGrid(format, "table2", (i) => values[rows[i]?.key ?? ""]);
}

export function statutoryReport(options: ReportOptions = {}): string {
  const format = options.format ?? "2021";
  const year = options.year ?? (format === "2021" ? 2023 : 2020);
  const spec = FORMATS[format];
  const omit = new Set(options.omitSections ?? []);
  const omitTables = new Set(options.omitTables ?? []);
  const parts: string[] = [
    paragraph(
      options.title ?? `${options.unit ?? "某某镇人民政府"}${year}年政府信息公开工作年度报告`,
      { align: "center" },
    ),
  ];
  const period =
    options.period === undefined
      ? `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`
      : options.period;
  if (period !== null) parts.push(paragraph(period));
  for (const section of spec.sections) {
    if (!omit.has(section.id))
      parts.push(heading(options.headings?.[section.id] ?? `${section.id}、${section.title}`));
    if (section.id === "一")
      parts.push(...(options.prose ?? DEFAULT_PROSE).map((t) => paragraph(t)));
    if (section.table === "table2" && !omitTables.has("table2")) {
      parts.push(table((options.editTable2 ?? ((r) => r))(table2Rows(format, options.table2))));
    }
    if (section.table === "table3" && !omitTables.has("table3")) {
      parts.push(
        table(
          (options.editTable3 ?? ((r) => r))(table3Rows(format, options.table3 ?? BALANCED_TABLE3)),
          10,
        ),
      );
    }
    if (section.table === "table4" && !omitTables.has("table4")) {
      parts.push(
        table(
          (options.editTable4 ?? ((r) => r))(table4Rows(options.table4 ?? BALANCED_TABLE4)),
          15,
        ),
      );
    }
    if (section.id === "五" || section.id === "六")
      parts.push(
        ...(options.sectionText?.[section.id] ?? DEFAULT_SECTION_TEXT[section.id]).map((t) =>
          paragraph(t),
        ),
      );
  }
  parts.push(...(options.closing ?? []).map((t) => paragraph(t)));
  return documentXml(parts.join(""));
}

/** Text of a cell spec, whatever its form. */
export function textOf(cell: CellSpec | string): string {
  return typeof cell === "string" ? cell : (cell.text ?? "");
}

/** Replaces a cell's text wherever it appears, keeping its merges. */
export function relabel(from: string, to: string) {
  return (rows: RowSpec[]): RowSpec[] =>
    rows.map((row) =>
      row.map((cell) =>
        textOf(cell) === from ? (typeof cell === "string" ? to : { ...cell, text: to }) : cell,
      ),
    );
}
