/**
 * An annotated copy of a .docx for its author: the cells a finding names are shaded, and each
 * finding becomes a comment (批注) on its cell or paragraph. Only the main document part, its
 * comments part (the one its relationship names, else a new one) and, when needed, its
 * relationships and [Content_Types].xml change; every other part is the input's, byte for byte.
 * What we insert keeps the schema's order (ECMA-376 Part 1, CT_TcPr for w:shd) and the package
 * passes ../shared/tools/ooxml/validate.sh wherever the input did (test/unit/ooxml-validate.test.ts).
 * The parts we change are read with the reader's limits (one inflate budget for the file); the
 * others are copied through compressed, never inflated.
 */
import type { Finding, Severity } from "../rules/types";
import { DocumentReadError } from "../ooxml/errors";
import { DEFAULT_LIMITS, InflateBudget, type ReadLimits } from "../ooxml/limits";
import { createXmlStream, type XmlHandler } from "../ooxml/xml";
import { isZip, listEntries, readEntry, type ZipEntry } from "../ooxml/zip";
import { compressText, rewriteZip, type CompressedPart } from "../ooxml/zip-write";
import { escapeXml } from "../ooxml/escape";
import { textRuns } from "../template/wordml";
import { COMMENT_AUTHOR, COMMENT_INITIALS, commentText } from "../marks/comments";
import {
  cellPosition,
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
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
/** Children of w:tcPr that the schema (CT_TcPr) places after w:shd. */
const AFTER_SHADING = new Set([
  "w:noWrap",
  "w:tcMar",
  "w:textDirection",
  "w:tcFitText",
  "w:vAlign",
  "w:hideMark",
  "w:headers",
  "w:cellIns",
  "w:cellDel",
  "w:cellMerge",
  "w:tcPrChange",
]);
/** Children of w:pPr that the schema (CT_PPr) places after w:shd. */
const AFTER_PARAGRAPH_SHADING = new Set([
  "w:tabs",
  "w:suppressAutoHyphens",
  "w:kinsoku",
  "w:wordWrap",
  "w:overflowPunct",
  "w:topLinePunct",
  "w:autoSpaceDE",
  "w:autoSpaceDN",
  "w:bidi",
  "w:adjustRightInd",
  "w:snapToGrid",
  "w:spacing",
  "w:ind",
  "w:contextualSpacing",
  "w:mirrorIndents",
  "w:suppressOverlap",
  "w:jc",
  "w:textDirection",
  "w:textAlignment",
  "w:textboxTightWrap",
  "w:outlineLvl",
  "w:divId",
  "w:cnfStyle",
  "w:rPr",
  "w:sectPr",
  "w:pPrChange",
]);
/** Rules whose paragraphs are shaded as well as commented: the passages copied from last year. */
const SHADED_PARAGRAPH_RULES = new Set<Finding["rule"]>(["text-copied"]);
const TAG =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

interface Edit {
  at: number;
  /** Characters replaced from `at`. */
  remove: number;
  text: string;
  /**
   * Order among edits at the same offset: insertions (0), then the closing tag of an opened-up
   * self-closing paragraph (1), then replacements (2), which start the next element there.
   */
  phase: 0 | 1 | 2;
}

/**
 * The parts of a package by exact name: read on demand under the file's budget, changed parts
 * kept aside until the package is written again.
 */
class Parts {
  private readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly changed = new Map<string, CompressedPart>();
  private readonly changedText = new Map<string, string[]>();
  private readonly budget: InflateBudget;

  constructor(
    private readonly data: Uint8Array,
    private readonly limits: ReadLimits,
  ) {
    if (!isZip(data))
      throw new DocumentReadError("not-docx", "only a .docx (zip) package can be annotated");
    this.entries = listEntries(data, limits);
    const lower = new Set<string>();
    for (const entry of this.entries) {
      // Two entries of one name (in any case): which one a program opens is anyone's guess.
      if (lower.has(entry.name.toLowerCase()))
        throw new DocumentReadError("damaged", `${entry.name} appears twice`);
      lower.add(entry.name.toLowerCase());
      this.byName.set(entry.name, entry);
    }
    this.budget = new InflateBudget(limits.maxInflatedBytes);
  }

  has(name: string): boolean {
    return this.changed.has(name) || this.byName.has(name);
  }

  names(): string[] {
    return [...new Set([...this.byName.keys(), ...this.changed.keys()])];
  }

  /**
   * The part's text (UTF-8), or null when there is no such part. It goes through the XML
   * reader's limits as it is inflated (no DTD, depth, elements, paragraphs and cells), so a
   * part the reader would refuse is refused here before it is all in memory.
   */
  text(name: string): string | null {
    const changed = this.changedText.get(name);
    if (changed) return changed.join("");
    const entry = this.byName.get(name);
    if (!entry) return null;
    const decoder = new TextDecoder("utf-8");
    const pieces: string[] = [];
    const stream = createXmlStream(blockCounter(this.limits, name), this.limits, name);
    const add = (piece: string) => {
      stream.write(piece);
      pieces.push(piece);
    };
    readEntry(this.data, entry, this.limits, this.budget, (chunk) =>
      add(decoder.decode(chunk, { stream: true })),
    );
    add(decoder.decode());
    stream.end();
    return pieces.join("");
  }

  /** New contents for a part, as pieces of text (the main document is never joined in one). */
  set(name: string, pieces: string[]): void {
    this.changed.set(name, compressText(pieces));
    this.changedText.set(name, pieces);
  }

  write(): Uint8Array {
    const added = new Map([...this.changed].filter(([name]) => !this.byName.has(name)));
    return rewriteZip(this.data, this.entries, this.changed, added);
  }
}

/** Counts paragraphs and cells as they open, against the reader's limit on them. */
function blockCounter(limits: ReadLimits, partName: string): XmlHandler {
  let blocks = 0;
  return {
    open(name) {
      if ((name === "w:p" || name === "w:tc") && ++blocks > limits.maxBlocks)
        throw new DocumentReadError(
          "xml-too-complex",
          `${partName} has more than ${limits.maxBlocks} paragraphs and cells`,
        );
    },
    close() {},
    text() {},
  };
}

export function annotateDocx(
  bytes: Uint8Array,
  findings: Finding[],
  limits: ReadLimits = DEFAULT_LIMITS,
): Uint8Array {
  const files = new Parts(bytes, limits);
  const mainPath = mainDocumentPath(files);
  const xml = files.text(mainPath);
  if (xml === null) throw new DocumentReadError("no-document", `no ${mainPath} in the package`);
  // Our edits are written with the w: prefix Word uses; a part that binds the namespace to
  // another prefix (ns0:, a default namespace) is read fine but would be edited wrongly.
  if (!xml.includes(`xmlns:w="${W}"`) && !xml.includes(`xmlns:w='${W}'`)) {
    throw new DocumentReadError(
      "unusual-markup",
      `${mainPath} does not bind w: to WordprocessingML`,
    );
  }
  const positions = locate(xml);

  const commentsTarget = commentsPart(files, mainPath);
  const existingComments = files.text(commentsTarget.path);
  // Above every annotation id already used, so ours collide with none.
  let nextId = 1 + Math.max(highestId(xml), highestId(existingComments ?? ""));

  const edits: Edit[] = [];
  const comments: string[] = [];
  const opened = new Set<ParagraphPosition>();
  // First, so that a w:pPr inserted where a comment range also starts comes before it.
  for (const paragraph of shadedParagraphs(findings, positions))
    edits.push(paragraphShadingEdit(xml, paragraph));
  for (const finding of findings) {
    const target = anchorParagraph(finding, positions);
    if (!target) continue;
    const id = nextId++;
    if (target.emptyTag && !opened.has(target)) {
      opened.add(target);
      const tag = xml.slice(target.emptyTag.start, target.emptyTag.end);
      edits.push({
        at: target.emptyTag.start,
        remove: tag.length,
        text: tag.replace(/\s*\/>$/, ">"),
        phase: 2,
      });
      edits.push({ at: target.emptyTag.end, remove: 0, text: "</w:p>", phase: 1 });
    }
    edits.push({
      at: target.contentStart,
      remove: 0,
      text: `<w:commentRangeStart w:id="${id}"/>`,
      phase: 0,
    });
    edits.push({
      at: target.end,
      remove: 0,
      text: `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`,
      phase: 0,
    });
    comments.push(
      `<w:comment w:id="${id}" w:author="${escapeXml(COMMENT_AUTHOR)}" w:initials="${escapeXml(
        COMMENT_INITIALS,
      )}"><w:p>${textRuns(commentText(finding))}</w:p></w:comment>`,
    );
  }
  for (const [cell, severity] of shadedCells(findings, positions))
    edits.push(shadingEdit(xml, cell, severity));

  files.set(mainPath, applyEdits(xml, edits));
  if (comments.length > 0) {
    files.set(commentsTarget.path, [withComments(existingComments, comments)]);
    if (!commentsTarget.related) addRelationship(files, mainPath, commentsTarget.path);
    ensureContentType(files, commentsTarget.path);
  }
  return files.write();
}

/** The highest numeric annotation id (w:id of comments, bookmarks, revisions) in a part. */
function highestId(xml: string): number {
  let highest = 0;
  for (const match of xml.matchAll(/\s[\w.-]+:id\s*=\s*["'](\d{1,9})["']/g))
    highest = Math.max(highest, Number(match[1]));
  return highest;
}

function mainDocumentPath(files: Parts): string {
  const rels = files.text("_rels/.rels") ?? "";
  for (const match of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (/Type="[^"]*\/officeDocument"/.test(match[0])) {
      const target = /Target="([^"]+)"/.exec(match[0])?.[1]?.replace(/^\//, "");
      if (target && files.has(target)) return target;
    }
  }
  return "word/document.xml";
}

function anchorParagraph(finding: Finding, positions: DocumentPositions): ParagraphPosition | null {
  const anchor = finding.anchors[0];
  if (anchor?.kind === "cell") return cellPosition(positions, anchor)?.firstParagraph ?? null;
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
      const cell = cellPosition(positions, anchor);
      if (!cell) continue;
      const current = cells.get(cell);
      if (!current || RANK[finding.severity] > RANK[current]) cells.set(cell, finding.severity);
    }
  }
  return cells;
}

/** The paragraphs of the findings that shade theirs (a paragraph with text: none is empty). */
function shadedParagraphs(findings: Finding[], positions: DocumentPositions): ParagraphPosition[] {
  const paragraphs = new Set<ParagraphPosition>();
  for (const finding of findings) {
    if (!SHADED_PARAGRAPH_RULES.has(finding.rule)) continue;
    for (const anchor of finding.anchors) {
      const paragraph =
        anchor.kind === "paragraph" ? positions.paragraphs[anchor.paragraphIndex] : undefined;
      if (paragraph && !paragraph.emptyTag) paragraphs.add(paragraph);
    }
  }
  return [...paragraphs];
}

/** Paragraph shading (w:pPr/w:shd) in schema order; the paragraph's runs are left alone. */
function paragraphShadingEdit(xml: string, paragraph: ParagraphPosition): Edit {
  return shadingInto(xml, paragraph.properties, paragraph.contentStart, {
    wrapper: "w:pPr",
    fill: FILL.info,
    after: AFTER_PARAGRAPH_SHADING,
  });
}

function shadingEdit(xml: string, cell: CellPosition, severity: Severity): Edit {
  return shadingInto(xml, cell.properties, cell.open, {
    wrapper: "w:tcPr",
    fill: FILL[severity],
    after: AFTER_SHADING,
  });
}

/**
 * A w:shd in a properties element (w:tcPr, w:pPr), in schema order: replacing the element's own
 * w:shd, else before the first child that follows w:shd, else at its end; the element is created
 * at `open` when there is none. Only the element's own children count: a w:tcPrChange or
 * w:pPrChange child holds earlier properties, a revision record that must stay as it is.
 */
function shadingInto(
  xml: string,
  properties: { start: number; end: number } | null | undefined,
  open: number,
  spec: { wrapper: string; fill: string; after: ReadonlySet<string> },
): Edit {
  const shading = `<w:shd w:val="clear" w:color="auto" w:fill="${spec.fill}"/>`;
  const created = `<${spec.wrapper}>${shading}</${spec.wrapper}>`;
  if (!properties) return { at: open, remove: 0, text: created, phase: 0 };
  const element = xml.slice(properties.start, properties.end);
  if (element.endsWith("/>"))
    return { at: properties.start, remove: element.length, text: created, phase: 2 };
  const children = childElements(element);
  const existing = children.find((child) => child.name === "w:shd");
  if (existing)
    return {
      at: properties.start + existing.start,
      remove: existing.end - existing.start,
      text: shading,
      phase: 2,
    };
  const after = children.find((child) => spec.after.has(child.name));
  const at = properties.start + (after ? after.start : element.lastIndexOf("</"));
  return { at, remove: 0, text: shading, phase: 0 };
}

/** The child elements of an element's text, with their offsets in it. */
function childElements(element: string): { name: string; start: number; end: number }[] {
  const children: { name: string; start: number; end: number }[] = [];
  let depth = 0;
  let open: { name: string; start: number } | null = null;
  for (const match of element.matchAll(TAG)) {
    const [token, closing, name, , selfClosing] = match;
    if (!name) continue;
    if (closing) {
      depth--;
      if (depth === 1 && open) {
        children.push({ ...open, end: match.index + token.length });
        open = null;
      }
    } else if (selfClosing) {
      if (depth === 1) children.push({ name, start: match.index, end: match.index + token.length });
    } else {
      if (depth === 1) open = { name, start: match.index };
      depth++;
    }
  }
  return children;
}

function applyEdits(xml: string, edits: Edit[]): string[] {
  const ordered = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.at - b.edit.at || a.edit.phase - b.edit.phase || a.order - b.order);
  const pieces: string[] = [];
  let cursor = 0;
  for (const { edit } of ordered) {
    if (edit.at < cursor) throw new Error(`overlapping edits at ${edit.at}`);
    pieces.push(xml.slice(cursor, edit.at), edit.text);
    cursor = edit.at + edit.remove;
  }
  pieces.push(xml.slice(cursor));
  return pieces;
}

/**
 * The comments part of the main document: the target of its comments relationship when it has
 * one (whatever the part is called), else a new part beside it with a name no part has.
 */
function commentsPart(files: Parts, mainPath: string): { path: string; related: boolean } {
  const rels = files.text(relationshipsPath(mainPath));
  for (const relationship of rels !== null ? elements(rels, "Relationship") : []) {
    if (relationship.Type !== COMMENTS_TYPE || relationship.TargetMode === "External") continue;
    const path = relationship.Target ? resolveTarget(mainPath, relationship.Target) : null;
    if (path) return { path: existingName(files, path) ?? path, related: true };
  }
  const folder = mainPath.replace(/[^/]*$/, "");
  for (let n = 1; ; n++) {
    const path = `${folder}comments${n === 1 ? "" : n}.xml`;
    if (!existingName(files, path)) return { path, related: false };
  }
}

function relationshipsPath(partPath: string): string {
  const folder = partPath.replace(/[^/]*$/, "");
  return `${folder}_rels/${partPath.slice(folder.length)}.rels`;
}

/** A relationship target as a part path (no leading slash), or null when it leaves the package. */
function resolveTarget(sourcePath: string, target: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.replace(/[?#].*$/, ""));
  } catch {
    return null;
  }
  const base = decoded.startsWith("/") ? [] : sourcePath.split("/").slice(0, -1);
  const segments = [...base];
  for (const segment of decoded.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(segment);
  }
  return segments.length > 0 ? segments.join("/") : null;
}

/** Part names compare without regard to case (OPC). */
function existingName(files: Parts, path: string): string | null {
  const lower = path.toLowerCase();
  return files.names().find((name) => name.toLowerCase() === lower) ?? null;
}

/** The attributes of each element with this local name, whatever its prefix. */
function elements(xml: string, localName: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of xml.matchAll(TAG)) {
    const [, closing, name, attributes = ""] = match;
    if (closing || !name || name.replace(/^[^:]*:/, "") !== localName) continue;
    const values: Record<string, string> = {};
    for (const attribute of attributes.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
      values[attribute[1] as string] = unescapeAttribute(attribute[2] ?? attribute[3] ?? "");
    found.push(values);
  }
  return found;
}

function unescapeAttribute(value: string): string {
  return value.replace(
    /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g,
    (_, name?: string, dec?: string, hex?: string) => {
      if (name)
        return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[
          name
        ] as string;
      return String.fromCodePoint(dec ? Number(dec) : parseInt(hex ?? "", 16));
    },
  );
}

/**
 * Appends content inside the root element, which may be self-closing, under any prefix. Null
 * when the part has no root element we can find.
 */
function appendToRoot(xml: string, content: string): string | null {
  const prolog = /^(?:\uFEFF)?(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/.exec(xml)?.[0] ?? "";
  const root = /^<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(
    xml.slice(prolog.length),
  );
  const [tag, name, attributes = "", selfClosing] = root ?? [];
  if (!tag || !name) return null;
  if (selfClosing) {
    const at = prolog.length;
    return `${xml.slice(0, at)}<${name}${attributes}>${content}</${name}>${xml.slice(at + tag.length)}`;
  }
  const close = xml.lastIndexOf(`</${name}`);
  if (close < 0) return null;
  return xml.slice(0, close) + content + xml.slice(close);
}

function withComments(existing: string | null, comments: string[]): string {
  if (existing === null)
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}">${comments.join("")}</w:comments>`;
  // The author's part may bind the main namespace to another prefix, or w: to nothing.
  const root = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(
    existing.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, (m) => " ".repeat(m.length)),
  );
  const bindsW = new RegExp(`\\sxmlns:w\\s*=\\s*["']${W}["']`).test(root?.[2] ?? "");
  const ours = bindsW
    ? comments.join("")
    : comments.map((c) => c.replace(/^<w:comment /, `<w:comment xmlns:w="${W}" `)).join("");
  const result = appendToRoot(existing, ours);
  if (result === null)
    throw new DocumentReadError("xml-invalid", "the comments part has no root element");
  return result;
}

function addRelationship(files: Parts, mainPath: string, commentsPath: string): void {
  const relsPath = existingName(files, relationshipsPath(mainPath)) ?? relationshipsPath(mainPath);
  const rels =
    files.text(relsPath) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const ids = new Set(elements(rels, "Relationship").map((r) => r.Id));
  let id = "rIdNianbaoComments";
  for (let n = 2; ids.has(id); n++) id = `rIdNianbaoComments${n}`;
  const target = commentsPath.slice(mainPath.replace(/[^/]*$/, "").length);
  const result = appendToRoot(
    rels,
    `<Relationship Id="${id}" Type="${COMMENTS_TYPE}" Target="${escapeXml(target)}"/>`,
  );
  if (result === null) throw new DocumentReadError("xml-invalid", `${relsPath} has no root`);
  files.set(relsPath, [result]);
}

function ensureContentType(files: Parts, path: string): void {
  const typesName = existingName(files, "[Content_Types].xml");
  if (!typesName) return;
  const types = files.text(typesName) ?? "";
  const partName = `/${path}`.toLowerCase();
  if (elements(types, "Override").some((o) => o.PartName?.toLowerCase() === partName)) return;
  const result = appendToRoot(
    types,
    `<Override PartName="/${escapeXml(path)}" ContentType="${COMMENTS_CONTENT}"/>`,
  );
  if (result === null)
    throw new DocumentReadError("xml-invalid", "[Content_Types].xml has no root");
  files.set(typesName, [result]);
}
