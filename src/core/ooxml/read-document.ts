/**
 * Entry points of the OOXML reader: a .docx (zip), a flat-OPC package (what Word's getOoxml
 * and WPS's WordOpenXML return) or a bare word/document.xml all become a DocumentSnapshot.
 */
import { DocumentReadError } from "./errors";
import { DEFAULT_LIMITS, InflateBudget, type ReadLimits } from "./limits";
import {
  createXmlStream,
  parseXml,
  type Attributes,
  type NamespaceScope,
  type XmlHandler,
} from "./xml";
import { DocumentReader, resolveStyledText } from "./document-reader";
import {
  StylesReader,
  headingLevelOfStyle,
  outlineToHeading,
  stylesHideRun,
} from "./styles-reader";
import { isZip, listEntries, readEntry, type ZipEntry } from "./zip";
import type { DocumentSnapshot, SnapshotBlock } from "../model/snapshot";

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const OFFICE_DOCUMENT_REL = /\/officeDocument$/;

export function readDocument(
  input: Uint8Array | string,
  limits: ReadLimits = DEFAULT_LIMITS,
): DocumentSnapshot {
  if (typeof input === "string") return readXmlText(input, limits);
  if (input.length > limits.maxFileBytes) {
    throw new DocumentReadError(
      "too-large",
      `${input.length} bytes (limit ${limits.maxFileBytes})`,
    );
  }
  if (isZip(input)) return readDocx(input, limits);
  if (CFB_SIGNATURE.every((byte, i) => input[i] === byte)) {
    const encrypted = containsUtf16(input, "EncryptionInfo");
    throw new DocumentReadError(encrypted ? "encrypted" : "legacy-doc", "OLE compound file");
  }
  const head = new TextDecoder("utf-8")
    .decode(input.subarray(0, 64))
    .replace(/^\ufeff/, "")
    .trimStart();
  if (head.startsWith("<")) return readXmlText(new TextDecoder("utf-8").decode(input), limits);
  if (input.length >= 4 && input[0] === 0x50 && input[1] === 0x4b) {
    throw new DocumentReadError("damaged", "zip signature without a local file header");
  }
  throw new DocumentReadError("not-docx", "neither a zip nor XML");
}

export function readDocx(data: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): DocumentSnapshot {
  const entries = new Map<string, ZipEntry>();
  for (const entry of listEntries(data, limits)) entries.set(entry.name.toLowerCase(), entry);
  const budget = new InflateBudget(limits.maxInflatedBytes);
  const mainPath = findMainDocumentPath(data, entries, limits, budget);
  const main = entries.get(mainPath.toLowerCase());
  if (!main) throw new DocumentReadError("no-document", `no ${mainPath} in the package`);

  const styles = new StylesReader();
  const stylesEntry = entries.get(mainPath.replace(/[^/]*$/, "styles.xml").toLowerCase());
  if (stylesEntry) streamPart(data, stylesEntry, styles, limits, budget);
  const reader = new DocumentReader(limits);
  streamPart(data, main, reader, limits, budget);
  return resolve(reader, styles);
}

function findMainDocumentPath(
  data: Uint8Array,
  entries: Map<string, ZipEntry>,
  limits: ReadLimits,
  budget: InflateBudget,
): string {
  const rels = entries.get("_rels/.rels");
  if (rels) {
    let target: string | null = null;
    streamPart(
      data,
      rels,
      {
        open(name, attributes) {
          if (
            name.endsWith("Relationship") &&
            OFFICE_DOCUMENT_REL.test(attributes.Type ?? "") &&
            target === null
          ) {
            target = (attributes.Target ?? "").replace(/^\//, "");
          }
        },
        close() {},
        text() {},
      },
      limits,
      budget,
    );
    if (target) return target;
  }
  return "word/document.xml";
}

function streamPart(
  data: Uint8Array,
  entry: ZipEntry,
  handler: XmlHandler,
  limits: ReadLimits,
  budget: InflateBudget,
): void {
  const stream = createXmlStream(handler, limits, entry.name);
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  readEntry(data, entry, limits, budget, (chunk) => {
    decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? "utf-16le" : "utf-8");
    stream.write(decoder.decode(chunk, { stream: true }));
  });
  if (decoder) stream.write((decoder as InstanceType<typeof TextDecoder>).decode());
  stream.end();
}

/**
 * A flat-OPC package or document.xml read with its hidden text (w:vanish, w:specVanish, on a
 * run or through its styles) and content-control placeholder text kept as text: the text an
 * object model that does not leave them out (Word's TableCell.value may not) gives. Everything
 * else is read as readDocument does.
 */
export function readWithHiddenText(
  xml: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): DocumentSnapshot {
  return readXmlText(xml, limits, true);
}

function readXmlText(xml: string, limits: ReadLimits, keepHiddenText = false): DocumentSnapshot {
  const router = new PackageRouter(limits, keepHiddenText);
  parseXml(xml, router, limits, "xml");
  if (!router.sawDocument) throw new DocumentReadError("no-document", "the XML has no w:document");
  return resolve(router.document, router.styles);
}

/**
 * Sends each part of a flat-OPC package to its reader; a bare w:document goes straight to the
 * document reader.
 */
class PackageRouter implements XmlHandler {
  readonly document: DocumentReader;
  readonly styles = new StylesReader();
  sawDocument = false;
  private partName = "";
  private target: XmlHandler | null = null;
  private depth = 0;

  constructor(limits: ReadLimits, keepHiddenText: boolean) {
    this.document = new DocumentReader(limits, keepHiddenText);
  }

  open(name: string, attributes: Attributes, scope: NamespaceScope): void {
    if (this.target) {
      this.depth++;
      this.target.open(name, attributes, scope);
      return;
    }
    if (name === "pkg:part") this.partName = (attributes["pkg:name"] ?? "").toLowerCase();
    else if (name === "pkg:xmlData") {
      if (this.partName.endsWith("/document.xml") && !this.sawDocument) {
        this.target = this.document;
        this.sawDocument = true;
      } else if (this.partName.endsWith("/styles.xml")) this.target = this.styles;
      this.depth = 0;
    } else if (name === "w:document" && !this.sawDocument) {
      this.sawDocument = true;
      this.target = this.document;
      this.depth = 1;
    }
  }

  close(name: string): void {
    if (!this.target) return;
    if (this.depth === 0) {
      this.target = null;
      return;
    }
    this.depth--;
    this.target.close(name);
    if (this.depth === 0 && name === "w:document") this.target = null;
  }

  text(text: string): void {
    this.target?.text(text);
  }
}

function resolve(reader: DocumentReader, sheet: StylesReader): DocumentSnapshot {
  const hidden = (part: { runStyle: string | null; paragraphStyle: string | null }) =>
    stylesHideRun(sheet, part.runStyle, part.paragraphStyle);
  for (const { target, parts } of reader.pending) target.text = resolveStyledText(parts, hidden);
  const styles = sheet.styles;
  const resolved: SnapshotBlock[] = reader.blocks.map((block) => {
    if (block.kind === "table") return block;
    return {
      kind: "paragraph",
      paragraphIndex: block.paragraphIndex,
      text: block.text,
      styleId: block.styleId,
      styleName: block.styleId === null ? null : (styles.get(block.styleId)?.name ?? null),
      headingLevel:
        block.outlineLevel !== null
          ? outlineToHeading(block.outlineLevel)
          : headingLevelOfStyle(styles, block.styleId),
      alignment: block.alignment,
    };
  });
  return { blocks: resolved };
}

function containsUtf16(data: Uint8Array, word: string): boolean {
  const pattern = Array.from(word).flatMap((ch) => [ch.charCodeAt(0), 0]);
  const first = pattern[0];
  outer: for (
    let i = data.indexOf(first as number);
    i >= 0 && i <= data.length - pattern.length;
    i = data.indexOf(first as number, i + 1)
  ) {
    for (let j = 1; j < pattern.length; j++) if (data[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}
