/**
 * Packages for the template: a flat-OPC string for Word's insertOoxml and WPS's InsertXML (no
 * section properties, so inserting never changes the host document's page setup), and a
 * complete .docx for the command line.
 */
import { strToU8, zipSync } from "fflate";
import { buildPart, buildTemplate } from "./build";
import type { TemplateBlock, TemplateOptions, TemplatePart } from "./model";
import { fontTableXml, stylesXml } from "./styles";
import { escapeXml } from "../ooxml/escape";
import { documentXml } from "./wordml";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = {
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  document: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  styles: "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
  fontTable: "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
};

const relationships = (items: [string, string, string][]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  items
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
    .join("") +
  `</Relationships>`;

const DOCUMENT_RELS = relationships([
  ["rId1", `${REL}/styles`, "styles.xml"],
  ["rId2", `${REL}/fontTable`, "fontTable.xml"],
]);

export function toFlatOpc(blocks: TemplateBlock[]): string {
  const part = (name: string, type: string, xml: string) =>
    `<pkg:part pkg:name="${name}" pkg:contentType="${type}"><pkg:xmlData>${xml.replace(/^<\?xml[^>]*\?>/, "")}</pkg:xmlData></pkg:part>`;
  return (
    `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>` +
    `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">` +
    part(
      "/_rels/.rels",
      CT.rels,
      relationships([["rId1", `${REL}/officeDocument`, "word/document.xml"]]),
    ) +
    part("/word/document.xml", CT.document, documentXml(blocks, false)) +
    part(
      "/word/_rels/document.xml.rels",
      CT.rels,
      relationships([["rId1", `${REL}/styles`, "styles.xml"]]),
    ) +
    part("/word/styles.xml", CT.styles, stylesXml()) +
    `</pkg:package>`
  );
}

export function toDocx(blocks: TemplateBlock[], title: string): Uint8Array {
  const contentTypes =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/word/document.xml" ContentType="${CT.document}"/><Override PartName="/word/styles.xml" ContentType="${CT.styles}"/>` +
    `<Override PartName="/word/fontTable.xml" ContentType="${CT.fontTable}"/><Override PartName="/docProps/core.xml" ContentType="${CT.core}"/></Types>`;
  const core =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    // eslint-disable-next-line no-control-regex -- U+000B is Word's manual line break
    `<dc:title>${escapeXml(title.replace(/[\r\n\u000B]+/g, ""))}</dc:title><dc:creator>nianbao</dc:creator></cp:coreProperties>`;
  const rootRels = relationships([
    ["rId1", `${REL}/officeDocument`, "word/document.xml"],
    [
      "rId2",
      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      "docProps/core.xml",
    ],
  ]);
  return zipSync({
    "[Content_Types].xml": strToU8(contentTypes),
    "_rels/.rels": strToU8(rootRels),
    "docProps/core.xml": strToU8(core),
    "word/document.xml": strToU8(documentXml(blocks, true)),
    "word/_rels/document.xml.rels": strToU8(DOCUMENT_RELS),
    "word/styles.xml": strToU8(stylesXml()),
    "word/fontTable.xml": strToU8(fontTableXml()),
  });
}

/** The whole template as a .docx. */
export function templateDocx(options: TemplateOptions): Uint8Array {
  const blocks = buildTemplate(options);
  const title = blocks[0]?.kind === "paragraph" ? blocks[0].text : "";
  return toDocx(blocks, title);
}

/** The whole template, or one section or table, as flat OPC for insertion at the cursor. */
export function templateFlatOpc(options: TemplateOptions, part?: TemplatePart): string {
  return toFlatOpc(part ? buildPart(part, options) : buildTemplate(options));
}
