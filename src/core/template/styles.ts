/** styles.xml and fontTable.xml for the template. */
import { escapeXml } from "../ooxml/escape";
import { W_NAMESPACE } from "./wordml";
import { BODY_LINE, FONTS, FONT_FALLBACKS, LATIN_FONT } from "./typesetting";

const fonts = (eastAsia: string) =>
  `<w:rFonts w:ascii="${LATIN_FONT}" w:hAnsi="${LATIN_FONT}" w:eastAsia="${escapeXml(eastAsia)}" w:cs="${LATIN_FONT}"/>`;

export function stylesXml(): string {
  const heading = (level: 1 | 2, font: { eastAsia: string; size: number }) =>
    `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:keepNext/><w:outlineLvl w:val="${level - 1}"/></w:pPr><w:rPr>${fonts(font.eastAsia)}<w:sz w:val="${font.size}"/><w:szCs w:val="${font.size}"/></w:rPr></w:style>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W_NAMESPACE}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${fonts(FONTS.body.eastAsia)}<w:sz w:val="${FONTS.body.size}"/><w:szCs w:val="${FONTS.body.size}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:line="${BODY_LINE}" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>` +
    heading(1, FONTS.heading1) +
    heading(2, FONTS.heading2) +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `</w:styles>`
  );
}

/** Declares each 公文 font with a substitute, so a machine without it still shows Chinese. */
export function fontTableXml(): string {
  const items = FONT_FALLBACKS.map(
    (f) =>
      `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.altName)}"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`,
  ).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W_NAMESPACE}">${items}<w:font w:name="${LATIN_FONT}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;
}
