/** Writes template blocks as WordprocessingML: paragraphs with 公文 formatting, merged tables. */
import type { TemplateBlock, TemplateCell, TemplateParagraph, TemplateTable } from "./model";
import { escapeXml, withoutForbiddenXmlChars } from "../ooxml/escape";
import { BODY_LINE, FONTS, LATIN_FONT, PAGE, type FontSpec } from "./typesetting";

export const W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/**
 * Runs for a piece of Word text: a line feed or a manual line break (U+000B, as Word's own text
 * has it) becomes <w:br/>, a tab <w:tab/>; the characters XML forbids are dropped.
 */
export function textRuns(text: string, properties = ""): string {
  // eslint-disable-next-line no-control-regex -- U+000B is Word's manual line break
  const pieces = withoutForbiddenXmlChars(text.replace(/\r\n?/g, "\n").replace(/\u000B/g, "\n"))
    .split(/([\n\t])/)
    .filter((piece) => piece !== "");
  return pieces
    .map((piece) => {
      const content =
        piece === "\n"
          ? "<w:br/>"
          : piece === "\t"
            ? "<w:tab/>"
            : `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`;
      return `<w:r>${properties}${content}</w:r>`;
    })
    .join("");
}

function runProperties(font: Pick<FontSpec, "eastAsia">, size: number): string {
  return (
    `<w:rPr><w:rFonts w:ascii="${LATIN_FONT}" w:hAnsi="${LATIN_FONT}" w:eastAsia="${escapeXml(font.eastAsia)}" w:cs="${LATIN_FONT}" w:hint="eastAsia"/>` +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`
  );
}

const PARAGRAPH_LOOK: Record<
  TemplateParagraph["role"],
  { style: string | null; font: FontSpec; properties: string }
> = {
  title: {
    style: null,
    font: FONTS.title,
    properties:
      '<w:spacing w:before="0" w:after="560" w:line="700" w:lineRule="exact"/><w:jc w:val="center"/>',
  },
  heading1: {
    style: "Heading1",
    font: FONTS.heading1,
    properties: `<w:spacing w:before="0" w:after="0" w:line="${BODY_LINE}" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/>`,
  },
  heading2: {
    style: "Heading2",
    font: FONTS.heading2,
    properties: `<w:spacing w:before="0" w:after="0" w:line="${BODY_LINE}" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/>`,
  },
  body: {
    style: null,
    font: FONTS.body,
    properties: `<w:spacing w:before="0" w:after="0" w:line="${BODY_LINE}" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>`,
  },
  placeholder: {
    style: null,
    font: FONTS.body,
    properties: `<w:spacing w:before="0" w:after="0" w:line="${BODY_LINE}" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>`,
  },
};

export function paragraphXml(paragraph: TemplateParagraph): string {
  const look = PARAGRAPH_LOOK[paragraph.role];
  const style = look.style ? `<w:pStyle w:val="${look.style}"/>` : "";
  const rPr = runProperties(look.font, look.font.size);
  return `<w:p><w:pPr>${style}${look.properties}${rPr}</w:pPr>${textRuns(paragraph.text, rPr)}</w:p>`;
}

export function tableXml(table: TemplateTable): string {
  const total = table.columnWidths.reduce((a, b) => a + b, 0);
  const border = (side: string) =>
    `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const properties =
    `<w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>` +
    `<w:tblLook w:val="0000"/></w:tblPr>`;
  const grid = `<w:tblGrid>${table.columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  // Short tables move as a whole; a long one keeps its header with its first body row.
  const keepTogether = table.rows.length <= 16;
  const rows = table.rows
    .map((row, r) => {
      const keepWithNext = r < table.rows.length - 1 && (keepTogether || row.repeatAsHeader);
      let column = 0;
      const cells = row.cells
        .map((cell) => {
          const width = table.columnWidths
            .slice(column, column + cell.columnSpan)
            .reduce((a, b) => a + b, 0);
          column += cell.columnSpan;
          return cellXml(cell, width, table.fontSize, keepWithNext);
        })
        .join("");
      const trPr = `<w:trPr><w:cantSplit/>${row.repeatAsHeader ? "<w:tblHeader/>" : ""}</w:trPr>`;
      return `<w:tr>${trPr}${cells}</w:tr>`;
    })
    .join("");
  return `<w:tbl>${properties}${grid}${rows}</w:tbl>`;
}

function cellXml(
  cell: TemplateCell,
  width: number,
  fontSize: number,
  keepWithNext: boolean,
): string {
  const span = cell.columnSpan > 1 ? `<w:gridSpan w:val="${cell.columnSpan}"/>` : "";
  const merge =
    cell.verticalMerge === "restart"
      ? '<w:vMerge w:val="restart"/>'
      : cell.verticalMerge === "continue"
        ? "<w:vMerge/>"
        : "";
  // A cell spanning many rows may break across pages: its text goes at the top to stay visible.
  const tcPr = `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span}${merge}<w:vAlign w:val="${cell.tall ? "top" : "center"}"/></w:tcPr>`;
  const rPr = runProperties(FONTS.table, fontSize);
  const align = cell.role === "label" && !cell.tall ? "left" : "center";
  const keep = keepWithNext ? "<w:keepNext/>" : "";
  const pPr = `<w:pPr>${keep}<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="${align}"/>${rPr}</w:pPr>`;
  return `<w:tc>${tcPr}<w:p>${pPr}${textRuns(cell.text, rPr)}</w:p></w:tc>`;
}

export function bodyXml(blocks: TemplateBlock[]): string {
  const parts: string[] = [];
  blocks.forEach((block, i) => {
    parts.push(block.kind === "table" ? tableXml(block) : paragraphXml(block));
    // Two tables in a row would merge into one; a table must not end the body either.
    if (block.kind === "table" && blocks[i + 1]?.kind !== "paragraph") parts.push("<w:p/>");
  });
  return parts.join("");
}

export const SECTION_PROPERTIES =
  `<w:sectPr><w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
  `<w:pgMar w:top="${PAGE.marginTop}" w:right="${PAGE.marginRight}" w:bottom="${PAGE.marginBottom}" w:left="${PAGE.marginLeft}" w:header="851" w:footer="992" w:gutter="0"/>` +
  `</w:sectPr>`;

export function documentXml(blocks: TemplateBlock[], withSection: boolean): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NAMESPACE}"><w:body>` +
    `${bodyXml(blocks)}${withSection ? SECTION_PROPERTIES : ""}</w:body></w:document>`
  );
}
