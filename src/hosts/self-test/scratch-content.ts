/**
 * The scratch content the probes insert: small flat-OPC packages with known texts, so what the
 * host gives back can be compared with what went in. Every text starts with SCRATCH_MARK.
 */
export const SCRATCH_MARK = "年报校核自检";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const paragraph = (content: string) => `<w:p>${content}</w:p>`;
const cell = (text: string, props = "") =>
  `<w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/>${props}</w:tcPr>${paragraph(text ? run(text) : "")}</w:tc>`;
const borders =
  '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>';
const table = (columns: number, rows: string[]) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>${borders}</w:tblPr><w:tblGrid>${'<w:gridCol w:w="1800"/>'.repeat(columns)}</w:tblGrid>${rows.map((r) => `<w:tr>${r}</w:tr>`).join("")}</w:tbl>`;

/** A minimal package: the relationships and the main document part, nothing else. */
export function flatOpc(body: string): string {
  const part = (name: string, type: string, xml: string) =>
    `<pkg:part pkg:name="${name}" pkg:contentType="${type}"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`;
  return (
    `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>` +
    `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">` +
    part(
      "/_rels/.rels",
      "application/vnd.openxmlformats-package.relationships+xml",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ) +
    part(
      "/word/document.xml",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
      `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    ) +
    `</pkg:package>`
  );
}

export const MERGED = {
  /** Row 2 (index 1) starts with the continuation of 自检A1; row 3 starts with a 2-column cell. */
  texts: {
    a1: `${SCRATCH_MARK}A1`,
    b1: `${SCRATCH_MARK}B1`,
    c1: `${SCRATCH_MARK}C1`,
    b2: `${SCRATCH_MARK}B2`,
    c2: `${SCRATCH_MARK}C2`,
    a3: `${SCRATCH_MARK}A3`,
    c3: `${SCRATCH_MARK}C3`,
  },
  before: `${SCRATCH_MARK}甲`,
  after: `${SCRATCH_MARK}乙`,
};

/**
 * A 3×3 table with a vertical merge (A1 over A2) and a horizontal one (A3 over two columns),
 * then one paragraph holding a manual line break (w:br) between two texts.
 */
export function mergedTablePackage(): string {
  const t = MERGED.texts;
  const rows = [
    cell(t.a1, '<w:vMerge w:val="restart"/>') + cell(t.b1) + cell(t.c1),
    cell("", "<w:vMerge/>") + cell(t.b2) + cell(t.c2),
    cell(t.a3, '<w:gridSpan w:val="2"/>') + cell(t.c3),
  ];
  const lineBreak = paragraph(
    `<w:r><w:t xml:space="preserve">${MERGED.before}</w:t><w:br/><w:t xml:space="preserve">${MERGED.after}</w:t></w:r>`,
  );
  return flatOpc(table(3, rows) + lineBreak);
}

/** The row texts of the plain table the tracked-deletion probe deletes a row from. */
export const PLAIN_ROWS = [1, 2, 3].map((r) => `${SCRATCH_MARK}R${r}`);

/** A 3×2 table without merges, so WPS can address its rows. */
export function plainTablePackage(): string {
  return flatOpc(
    table(
      2,
      PLAIN_ROWS.map((text) => cell(text) + cell(`${text}b`)),
    ) + paragraph(run(SCRATCH_MARK)),
  );
}
