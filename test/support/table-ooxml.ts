/**
 * What the hosts return as OOXML, written from a document in memory: a flat-OPC package
 * holding one table (Word's Range.getOoxml, WPS's table Range.WordOpenXML) or the whole body
 * (WPS's Content.WordOpenXML), with merges, cell shading, headings as outline levels.
 */
import type {
  SnapshotCell,
  SnapshotBlock,
  SnapshotParagraph,
  SnapshotTable,
} from "../../src/core/model/snapshot";

const escape = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** A cell's text as the document holds it, hidden and placeholder text included, where it differs. */
export type MarkupText = (cell: SnapshotCell) => string | undefined;

/**
 * Runs of `markup` with the characters that are not in `shown` (shown is what is left once
 * they are taken out) as hidden text.
 */
function runsWithHidden(shown: string, markup: string): string {
  let at = 0;
  return [...markup]
    .map((ch) => {
      const visible = shown[at] === ch;
      if (visible) at++;
      const props = visible ? "" : "<w:rPr><w:vanish/></w:rPr>";
      return `<w:r>${props}<w:t xml:space="preserve">${escape(ch)}</w:t></w:r>`;
    })
    .join("");
}

function tableXml(table: SnapshotTable, markupOf?: MarkupText): string {
  const rows = table.rows
    .map((row) => {
      const cells = row.cells
        .map((c) => {
          const props = `${c.columnSpan > 1 ? `<w:gridSpan w:val="${c.columnSpan}"/>` : ""}${c.verticalMerge === "restart" ? '<w:vMerge w:val="restart"/>' : c.verticalMerge === "continue" ? "<w:vMerge/>" : ""}${c.shading ? `<w:shd w:val="clear" w:color="auto" w:fill="${c.shading.slice(1)}"/>` : ""}`;
          const markup = markupOf?.(c);
          const paragraphs =
            markup !== undefined && markup !== c.text && !c.text.includes("\n")
              ? `<w:p>${runsWithHidden(c.text, markup)}</w:p>`
              : c.text
                  .split("\n")
                  .map((t) => `<w:p><w:r><w:t xml:space="preserve">${escape(t)}</w:t></w:r></w:p>`)
                  .join("");
          const nested = c.nestedTables.map((t) => tableXml(t, markupOf) + "<w:p/>").join("");
          return `<w:tc><w:tcPr>${props}</w:tcPr>${paragraphs}${nested}</w:tc>`;
        })
        .join("");
      return `<w:tr>${cells}</w:tr>`;
    })
    .join("");
  const grid = "<w:gridCol/>".repeat(table.gridColumnCount);
  return `<w:tbl><w:tblGrid>${grid}</w:tblGrid>${rows}</w:tbl>`;
}

function paragraphXml(p: SnapshotParagraph): string {
  const outline = p.headingLevel !== null ? `<w:outlineLvl w:val="${p.headingLevel - 1}"/>` : "";
  const jc = p.alignment ? `<w:jc w:val="${p.alignment}"/>` : "";
  return `<w:p><w:pPr>${jc}${outline}</w:pPr><w:r><w:t xml:space="preserve">${escape(p.text)}</w:t></w:r></w:p>`;
}

function packageOf(body: string): string {
  const document = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>${body}</w:body></w:document>`;
  return `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml"><pkg:xmlData>${document}</pkg:xmlData></pkg:part></pkg:package>`;
}

export function flatOpcOf(table: SnapshotTable, markupOf?: MarkupText): string {
  return packageOf(`${tableXml(table, markupOf)}<w:p/>`);
}

export function documentFlatOpc(blocks: SnapshotBlock[]): string {
  return packageOf(
    withTextBoxes(
      blocks,
      blocks.map((b) => (b.kind === "table" ? tableXml(b) : paragraphXml(b))),
    ).join(""),
  );
}

/**
 * The body as Word's Body.getOoxml gives it, written from memory: paragraphs, tables, and each
 * text-box table in a VML text box in the paragraph that anchors it (the one before it).
 */
export function bodyFlatOpc(blocks: SnapshotBlock[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === "paragraph") out.push(paragraphXml(block));
    else if (!block.origin) out.push(tableXml(block));
    else {
      const anchor = out.pop();
      if (!anchor?.endsWith("</w:p>")) throw new Error("fake Word: a text box anchored in a table");
      const box = `<w:r><w:pict><v:shape style="width:450pt;height:200pt"><v:textbox><w:txbxContent>${tableXml(block)}<w:p/></w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
      out.push(anchor.replace(/<\/w:p>$/, `${box}</w:p>`));
    }
  }
  return packageOf(out.join("")).replace(
    "<w:document ",
    '<w:document xmlns:v="urn:schemas-microsoft-com:vml" ',
  );
}

/**
 * Body XML with each text box's table (origin "textbox", xml[i] being blocks[i]'s) put back in
 * a VML text box at the end of the paragraph before it, where the reader found it.
 */
export function withTextBoxes(blocks: SnapshotBlock[], xml: string[]): string[] {
  const out: string[] = [];
  blocks.forEach((block, i) => {
    const own = xml[i] ?? "";
    if (block.kind !== "table" || block.origin !== "textbox") return void out.push(own);
    const box = `<w:r><w:pict><v:shape><v:textbox><w:txbxContent>${own}<w:p/></w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
    const before = out[out.length - 1];
    if (before?.endsWith("</w:p>")) out[out.length - 1] = `${before.slice(0, -6)}${box}</w:p>`;
    else out.push(`<w:p>${box}</w:p>`);
  });
  return out;
}
