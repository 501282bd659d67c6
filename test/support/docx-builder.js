"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BALANCED_TABLE4 = exports.BALANCED_TABLE3 = void 0;
exports.escapeXml = escapeXml;
exports.run = run;
exports.paragraph = paragraph;
exports.heading = heading;
exports.table = table;
exports.documentXml = documentXml;
exports.stylesXml = stylesXml;
exports.docx = docx;
exports.flatOpc = flatOpc;
exports.table3Rows = table3Rows;
exports.table4Rows = table4Rows;
exports.table2Rows = table2Rows;
exports.statutoryReport = statutoryReport;
/**
 * Test documents written as real WordprocessingML, the way Word and WPS write them: merges as
 * w:gridSpan / w:vMerge, text in runs. `statutoryReport` builds a complete, balanced report in
 * the 2021 (or 2019) layout whose figures, labels and structure each test can change.
 */
const fflate_1 = require("fflate");
const formats_1 = require("../../src/core/formats");
const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
function escapeXml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function run(text) {
  return text
    .split("\n")
    .map((line) => `<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`)
    .join("<w:r><w:br/></w:r>");
}
function paragraph(text, options = {}) {
  const props = [
    options.style ? `<w:pStyle w:val="${options.style}"/>` : "",
    options.align ? `<w:jc w:val="${options.align}"/>` : "",
  ].join("");
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${text ? run(text) : ""}</w:p>`;
}
function heading(text, level = 1) {
  return paragraph(text, { style: `Heading${level}` });
}
function table(rows, gridColumns) {
  const width =
    gridColumns ??
    Math.max(
      ...rows.map((r) => r.reduce((n, c) => n + (typeof c === "string" ? 1 : (c.span ?? 1)), 0)),
    );
  const grid = `<w:tblGrid>${"<w:gridCol/>".repeat(width)}</w:tblGrid>`;
  const body = rows
    .map((row) => {
      const cells = row.map((cell) => {
        const spec = typeof cell === "string" ? { text: cell } : cell;
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
function documentXml(body) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>${body}<w:sectPr/></w:body></w:document>`;
}
function stylesXml(styles) {
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
function docx(document, styles) {
  const files = {
    "[Content_Types].xml": (0, fflate_1.strToU8)(CONTENT_TYPES),
    "_rels/.rels": (0, fflate_1.strToU8)(ROOT_RELS),
    "word/document.xml": (0, fflate_1.strToU8)(document),
  };
  if (styles) files["word/styles.xml"] = (0, fflate_1.strToU8)(styles);
  return (0, fflate_1.zipSync)(files);
}
function flatOpc(document, styles) {
  const part = (name, xml) =>
    `<pkg:part pkg:name="${name}" pkg:contentType="application/xml"><pkg:xmlData>${xml.replace(/^<\?xml[^>]*\?>/, "")}</pkg:xmlData></pkg:part>`;
  return `<?xml version="1.0" standalone="yes"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${part("/word/document.xml", document)}${styles ? part("/word/styles.xml", styles) : ""}</pkg:package>`;
}
/** A balanced default for table 三: 20 new, 2 carried, 18 results, 4 carried forward. */
exports.BALANCED_TABLE3 = {
  new: [18, 2, 0, 0, 0, 0, 20],
  carried: [2, 0, 0, 0, 0, 0, 2],
  granted: [10, 1, 0, 0, 0, 0, 11],
  partial: [2, 0, 0, 0, 0, 0, 2],
  "unavailable.1": [3, 0, 0, 0, 0, 0, 3],
  "notProcessed.2": [1, 0, 0, 0, 0, 0, 1],
  total: [16, 1, 0, 0, 0, 0, 17],
  carryForward: [4, 1, 0, 0, 0, 0, 5],
};
exports.BALANCED_TABLE4 = {
  review: [1, 1, 0, 1, 3],
  suitDirect: [1, 0, 0, 0, 1],
  suitAfterReview: [0, 0, 0, 0, 0],
};
function table3Rows(format, values = exports.BALANCED_TABLE3) {
  const spec = formats_1.FORMATS[format].table3;
  const header = [
    [
      { text: spec.cornerNote, span: 3, vMerge: "restart" },
      { text: spec.applicantsHeader, span: 7 },
    ],
    [
      { span: 3, vMerge: "continue" },
      { text: "自然人", vMerge: "restart" },
      { text: spec.organisationsHeader, span: 5 },
      { text: "总计", vMerge: "restart" },
    ],
    [
      { span: 3, vMerge: "continue" },
      { vMerge: "continue" },
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "其他",
      { vMerge: "continue" },
    ],
  ];
  const figures = (key) => (values[key] ?? [0, 0, 0, 0, 0, 0, 0]).map(String);
  const body = [];
  let inResults = false;
  let lastGroup;
  for (const row of spec.rows) {
    const data = figures(row.key);
    if (row.key === "new" || row.key === "carried" || row.key === "carryForward") {
      body.push([{ text: row.label, span: 3 }, ...data]);
      continue;
    }
    const first = inResults
      ? { vMerge: "continue" }
      : { text: spec.resultsHeader, vMerge: "restart" };
    inResults = true;
    if (row.group) {
      const group = spec.groups.find((g) => g.key === row.group);
      const second =
        lastGroup === row.group
          ? { vMerge: "continue" }
          : { text: group?.label ?? "", vMerge: "restart" };
      lastGroup = row.group;
      body.push([first, second, row.label, ...data]);
    } else {
      lastGroup = undefined;
      body.push([first, { text: row.label, span: 2 }, ...data]);
    }
  }
  return [...header, ...body];
}
function table4Rows(values = exports.BALANCED_TABLE4) {
  const heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
  return [
    [
      { text: "行政复议", span: 5 },
      { text: "行政诉讼", span: 10 },
    ],
    [
      ...heads.map((h) => ({ text: h, vMerge: "restart" })),
      { text: "未经复议直接起诉", span: 5 },
      { text: "复议后起诉", span: 5 },
    ],
    [...heads.map(() => ({ vMerge: "continue" })), ...heads, ...heads],
    ["review", "suitDirect", "suitAfterReview"].flatMap((g) =>
      (values[g] ?? [0, 0, 0, 0, 0]).map(String),
    ),
  ];
}
function table2Rows(format, values = {}) {
  const spec = formats_1.FORMATS[format].table2;
  const width = format === "2021" ? 4 : 7;
  const rows = [];
  for (const block of spec.blocks) {
    rows.push([{ text: block.clause, span: width }]);
    const per = (width - 1) / block.columns.length;
    rows.push(["信息内容", ...block.columns.map((c) => ({ text: c.label, span: per }))]);
    for (const row of block.rows) {
      const figures = values[row.key] ?? block.columns.map(() => 0);
      rows.push([row.label, ...figures.map((v) => ({ text: String(v), span: per }))]);
    }
  }
  return rows;
}
function statutoryReport(options = {}) {
  const format = options.format ?? "2021";
  const year = options.year ?? (format === "2021" ? 2023 : 2020);
  const spec = formats_1.FORMATS[format];
  const omit = new Set(options.omitSections ?? []);
  const omitTables = new Set(options.omitTables ?? []);
  const parts = [
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
      parts.push(
        ...(options.prose ?? ["本机关认真贯彻落实《中华人民共和国政府信息公开条例》。"]).map((t) =>
          paragraph(t),
        ),
      );
    if (section.table === "table2" && !omitTables.has("table2")) {
      parts.push(table((options.editTable2 ?? ((r) => r))(table2Rows(format, options.table2))));
    }
    if (section.table === "table3" && !omitTables.has("table3")) {
      parts.push(
        table(
          (options.editTable3 ?? ((r) => r))(
            table3Rows(format, options.table3 ?? exports.BALANCED_TABLE3),
          ),
          10,
        ),
      );
    }
    if (section.table === "table4" && !omitTables.has("table4")) {
      parts.push(
        table(
          (options.editTable4 ?? ((r) => r))(table4Rows(options.table4 ?? exports.BALANCED_TABLE4)),
          15,
        ),
      );
    }
    if (section.id === "五" || section.id === "六") parts.push(paragraph("无。"));
  }
  return documentXml(parts.join(""));
}
//# sourceMappingURL=docx-builder.js.map
