/** A table as the hosts return it: a flat-OPC package holding the table and a paragraph. */
import type { SnapshotTable } from "../../src/core/model/snapshot";

export function flatOpcOf(table: SnapshotTable): string {
  const escape = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const rows = table.rows
    .map((row) => {
      const cells = row.cells
        .map((c) => {
          const props = `${c.columnSpan > 1 ? `<w:gridSpan w:val="${c.columnSpan}"/>` : ""}${c.verticalMerge === "restart" ? '<w:vMerge w:val="restart"/>' : c.verticalMerge === "continue" ? "<w:vMerge/>" : ""}${c.shading ? `<w:shd w:val="clear" w:color="auto" w:fill="${c.shading.slice(1)}"/>` : ""}`;
          const paragraphs = c.text
            .split("\n")
            .map((t) => `<w:p><w:r><w:t xml:space="preserve">${escape(t)}</w:t></w:r></w:p>`)
            .join("");
          return `<w:tc><w:tcPr>${props}</w:tcPr>${paragraphs}</w:tc>`;
        })
        .join("");
      return `<w:tr>${cells}</w:tr>`;
    })
    .join("");
  const grid = "<w:gridCol/>".repeat(table.gridColumnCount);
  const document = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tblGrid>${grid}</w:tblGrid>${rows}</w:tbl><w:p/></w:body></w:document>`;
  return `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml"><pkg:xmlData>${document}</pkg:xmlData></pkg:part></pkg:package>`;
}
