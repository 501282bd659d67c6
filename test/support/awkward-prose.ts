/**
 * A statutory report written the awkward ways real ones come, for the hosts' readers: table 四
 * in a text box (as Word 2010 and later write one: a DrawingML shape in mc:AlternateContent with
 * a VML fallback holding the same content), a prose figure with a hidden digit in it (a cell
 * showing 63 that also holds a hidden "2"), and a content control still showing its placeholder
 * text in a prose paragraph.
 */
import {
  BALANCED_TABLE4,
  paragraph,
  statutoryReport,
  table,
  table4Rows,
  type Values,
} from "./docx-builder";

const NAMESPACES = [
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
].join(" ");

export const PLACEHOLDER = "单击或点击此处输入文字。";
/** What the hidden-digit paragraph shows; the document also holds a hidden "2" in 63. */
export const SHOWN_PROSE = "本年度共收到政府信息公开申请63件。";

/** A paragraph holding a text box whose content is `inner`, as Word writes a floating text box. */
export function textBoxParagraph(inner: string): string {
  const content = `<w:txbxContent>${inner}${paragraph("")}</w:txbxContent>`;
  const drawing = `<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="5715000" cy="2540000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5715000" cy="2540000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>${content}</wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t"/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>`;
  const fallback = `<w:pict><v:shape id="文本框 1" style="width:450pt;height:200pt" type="#_x0000_t202"><v:textbox>${content}</v:textbox></v:shape></w:pict>`;
  return `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawing}</mc:Choice><mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent></w:r></w:p>`;
}

export interface AwkwardOptions {
  table3?: Values;
  table4?: Values;
  /** Put table 四 in a text box. Default true. */
  textBox?: boolean;
  /** A hidden digit in a prose figure. Default true. */
  hiddenDigit?: boolean;
  /** A content control showing its placeholder in a prose paragraph. Default true. */
  placeholder?: boolean;
}

export function awkwardReport(options: AwkwardOptions = {}): string {
  const figures = options.table4 ?? BALANCED_TABLE4;
  let xml = statutoryReport({
    table4: figures,
    ...(options.table3 && { table3: options.table3 }),
    prose: ["PROSE-HIDDEN", "PROSE-CONTROL"],
  });
  if (options.textBox !== false) {
    const original = table(table4Rows(figures), 15);
    if (!xml.includes(original)) throw new Error("table 四 not found");
    xml = xml
      .replace(original, textBoxParagraph(original))
      .replace("<w:document ", `<w:document ${NAMESPACES} `);
  }
  const hidden =
    options.hiddenDigit === false
      ? paragraph(SHOWN_PROSE)
      : '<w:p><w:r><w:t xml:space="preserve">本年度共收到政府信息公开申请6</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>2</w:t></w:r><w:r><w:t xml:space="preserve">3件。</w:t></w:r></w:p>';
  const control =
    options.placeholder === false
      ? paragraph("联系人：")
      : `<w:p><w:r><w:t xml:space="preserve">联系人：</w:t></w:r><w:sdt><w:sdtPr><w:id w:val="-1"/><w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>${PLACEHOLDER}</w:t></w:r></w:sdtContent></w:sdt></w:p>`;
  return xml
    .replace(paragraph("PROSE-HIDDEN"), hidden)
    .replace(paragraph("PROSE-CONTROL"), control);
}

/** The document with hidden text shown: what an object model that includes it reads. */
export function revealHidden(xml: string): string {
  return xml.replace(/<w:(?:vanish|specVanish)(?:\s[^>]*)?\/>/g, "");
}

/** The document with placeholder text read as text. */
export function revealPlaceholders(xml: string): string {
  return xml.replace(/<w:showingPlcHdr(?:\s[^>]*)?\/>/g, "");
}

/**
 * The document as a host sees it that does not look into text boxes: each text box gone (its
 * anchor paragraph stays), or, with `asBodyTables`, its tables standing in the body after it.
 */
export function withoutTextBoxes(xml: string, asBodyTables = false): string {
  return xml.replace(
    /<w:p><w:r><mc:AlternateContent>[\s\S]*?<\/mc:AlternateContent><\/w:r><\/w:p>/g,
    (box) => {
      const choice = /<mc:Choice[\s\S]*?<w:txbxContent>([\s\S]*?)<\/w:txbxContent>/.exec(box);
      const tables = (choice?.[1] ?? "").match(/<w:tbl>[\s\S]*<\/w:tbl>/g) ?? [];
      return `<w:p/>${asBodyTables ? tables.join("<w:p/>") : ""}`;
    },
  );
}

/** The document with its (first) text box moved to the start of the body. */
export function textBoxFirst(xml: string): string {
  const box = /<w:p><w:r><mc:AlternateContent>[\s\S]*?<\/mc:AlternateContent><\/w:r><\/w:p>/.exec(
    xml,
  );
  if (!box) throw new Error("no text box");
  return xml.replace(box[0], "<w:p/>").replace("<w:body>", `<w:body>${box[0]}`);
}
