/**
 * An annotated copy of a .docx for its author: the cells a finding names are shaded, and each
 * finding becomes a comment (批注) on its cell or paragraph. Only word/document.xml,
 * word/comments.xml and, when needed, the document's relationships and [Content_Types].xml
 * change; every other part is the input's, byte for byte.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { Finding, Severity } from "../rules/types";
import { escapeXml } from "../template/wordml";
import { COMMENT_AUTHOR } from "../marks/plan";
import {
  locate,
  type CellPosition,
  type DocumentPositions,
  type ParagraphPosition,
} from "./locate";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const COMMENTS_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CONTENT =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const FILL: Record<Severity, string> = { error: "FFC7CE", warning: "FFEB9C", info: "DDEBF7" };
const LABEL: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
/** Children of w:tcPr that the schema places after w:shd. */
const AFTER_SHADING =
  /<w:(noWrap|tcMar|textDirection|tcFitText|vAlign|hideMark|headers|cellIns|cellDel|cellMerge|tcPrChange)\b/;

interface Edit {
  at: number;
  /** Characters replaced from `at`. */
  remove: number;
  text: string;
}

export function annotateDocx(bytes: Uint8Array, findings: Finding[]): Uint8Array {
  const files = unzipSync(bytes);
  const mainPath = mainDocumentPath(files);
  const folder = mainPath.replace(/[^/]*$/, "");
  const xml = strFromU8(files[mainPath] as Uint8Array);
  const positions = locate(xml);

  const commentsPath = `${folder}comments.xml`;
  const existingComments = files[commentsPath]
    ? strFromU8(files[commentsPath] as Uint8Array)
    : null;
  let nextId =
    1 +
    Math.max(
      0,
      ...[
        ...xml.matchAll(/<w:comment(?:RangeStart|Reference)\b[^>]*w:id="(\d+)"/g),
        ...(existingComments ?? "").matchAll(/<w:comment\b[^>]*w:id="(\d+)"/g),
      ].map((m) => Number(m[1])),
    );

  const edits: Edit[] = [];
  const comments: string[] = [];
  for (const finding of findings) {
    const target = anchorParagraph(finding, positions);
    if (!target) continue;
    const id = nextId++;
    edits.push({ at: target.contentStart, remove: 0, text: `<w:commentRangeStart w:id="${id}"/>` });
    edits.push({
      at: target.end,
      remove: 0,
      text: `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`,
    });
    comments.push(
      `<w:comment w:id="${id}" w:author="${COMMENT_AUTHOR}" w:initials="NB"><w:p><w:r><w:t xml:space="preserve">${escapeXml(
        `${LABEL[finding.severity]}：${finding.message}（${finding.rule}）`,
      )}</w:t></w:r></w:p></w:comment>`,
    );
  }
  for (const [cell, severity] of shadedCells(findings, positions))
    edits.push(shadingEdit(xml, cell, severity));

  files[mainPath] = strToU8(applyEdits(xml, edits));
  if (comments.length > 0) {
    files[commentsPath] = strToU8(
      existingComments
        ? existingComments.replace(/<\/w:comments>\s*$/, `${comments.join("")}</w:comments>`)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}">${comments.join("")}</w:comments>`,
    );
    ensureRelationship(files, `${folder}_rels/${mainPath.slice(folder.length)}.rels`);
    ensureContentType(files, `/${commentsPath}`);
  }
  return zipSync(files);
}

function mainDocumentPath(files: Record<string, Uint8Array>): string {
  const rels = files["_rels/.rels"] ? strFromU8(files["_rels/.rels"]) : "";
  for (const match of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (/Type="[^"]*\/officeDocument"/.test(match[0])) {
      const target = /Target="([^"]+)"/.exec(match[0])?.[1]?.replace(/^\//, "");
      if (target && files[target]) return target;
    }
  }
  return "word/document.xml";
}

function anchorParagraph(finding: Finding, positions: DocumentPositions): ParagraphPosition | null {
  const anchor = finding.anchors[0];
  if (anchor?.kind === "cell")
    return (
      positions.cells[anchor.tableIndex]?.[anchor.rowIndex]?.[anchor.cellIndex]?.firstParagraph ??
      null
    );
  if (anchor?.kind === "paragraph") return positions.paragraphs[anchor.paragraphIndex] ?? null;
  // A finding about the whole document (e.g. the format) goes on the first paragraph.
  return positions.paragraphs[0] ?? null;
}

/** Every cell a table finding names, with the most severe finding on it. */
function shadedCells(
  findings: Finding[],
  positions: DocumentPositions,
): Map<CellPosition, Severity> {
  const cells = new Map<CellPosition, Severity>();
  for (const finding of findings) {
    if (finding.severity === "info" || !("table" in finding.location)) continue;
    for (const anchor of finding.anchors) {
      if (anchor.kind !== "cell") continue;
      const cell = positions.cells[anchor.tableIndex]?.[anchor.rowIndex]?.[anchor.cellIndex];
      if (!cell) continue;
      const current = cells.get(cell);
      if (!current || RANK[finding.severity] > RANK[current]) cells.set(cell, finding.severity);
    }
  }
  return cells;
}

function shadingEdit(xml: string, cell: CellPosition, severity: Severity): Edit {
  const shading = `<w:shd w:val="clear" w:color="auto" w:fill="${FILL[severity]}"/>`;
  const properties = cell.properties;
  if (!properties) return { at: cell.open, remove: 0, text: `<w:tcPr>${shading}</w:tcPr>` };
  const element = xml.slice(properties.start, properties.end);
  if (element.endsWith("/>"))
    return { at: properties.start, remove: element.length, text: `<w:tcPr>${shading}</w:tcPr>` };
  const existing = /<w:shd\b[^>]*\/>|<w:shd\b[^>]*>[\s\S]*?<\/w:shd>/.exec(element);
  if (existing)
    return { at: properties.start + existing.index, remove: existing[0].length, text: shading };
  const after = AFTER_SHADING.exec(element);
  const at = after ? properties.start + after.index : properties.end - "</w:tcPr>".length;
  return { at, remove: 0, text: shading };
}

function applyEdits(xml: string, edits: Edit[]): string {
  // From the end backwards, so earlier offsets stay valid; ties keep their order of creation.
  const ordered = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => b.edit.at - a.edit.at || b.order - a.order);
  let result = xml;
  for (const { edit } of ordered)
    result = result.slice(0, edit.at) + edit.text + result.slice(edit.at + edit.remove);
  return result;
}

function ensureRelationship(files: Record<string, Uint8Array>, relsPath: string): void {
  const rels = files[relsPath]
    ? strFromU8(files[relsPath] as Uint8Array)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  if (rels.includes(COMMENTS_TYPE)) return;
  const ids = new Set([...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  let id = "rIdNianbaoComments";
  for (let n = 2; ids.has(id); n++) id = `rIdNianbaoComments${n}`;
  files[relsPath] = strToU8(
    rels.replace(
      /<\/Relationships>\s*$/,
      `<Relationship Id="${id}" Type="${COMMENTS_TYPE}" Target="comments.xml"/></Relationships>`,
    ),
  );
}

function ensureContentType(files: Record<string, Uint8Array>, partName: string): void {
  const types = files["[Content_Types].xml"]
    ? strFromU8(files["[Content_Types].xml"] as Uint8Array)
    : null;
  if (!types || types.includes(`PartName="${partName}"`)) return;
  files["[Content_Types].xml"] = strToU8(
    types.replace(
      /<\/Types>\s*$/,
      `<Override PartName="${partName}" ContentType="${COMMENTS_CONTENT}"/></Types>`,
    ),
  );
}
