/**
 * The hostile files of issue 14, generated small (a few MB at most on disk) whatever they
 * inflate to. `scale` is the inflated size the bombs aim at: tests use a little more than the
 * budget, the memory benchmark (scripts/bench-memory.ts) a gibibyte.
 */
import { constants as zlibConstants, deflateRawSync } from "node:zlib";
import { deflateSync, strToU8 } from "fflate";
import { docx, documentXml, paragraph } from "./docx-builder";

export interface Attack {
  name: string;
  bytes: Uint8Array;
  /** Whether the reader must refuse the file (else it reads it, ignoring the hostile part). */
  refused: boolean;
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const HEAD = strToU8(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>`);
const MiB = 1024 * 1024;

/**
 * Deflates `head`, then `chunk(i)` until `total` bytes. Each piece is compressed on its own and
 * ends in a full flush (byte-aligned, no reference to earlier data), so identical pieces are
 * compressed once and their bytes repeated: a gibibyte costs a few seconds and a megabyte.
 */
function deflateStream(
  head: Uint8Array,
  chunk: (i: number) => Uint8Array,
  total: number,
): Uint8Array {
  const cache = new Map<Uint8Array, Uint8Array>();
  const flushed = (piece: Uint8Array) => {
    let bytes = cache.get(piece);
    if (!bytes) {
      bytes = new Uint8Array(
        deflateRawSync(piece, { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH }),
      );
      cache.set(piece, bytes);
    }
    return bytes;
  };
  const out: Uint8Array[] = [flushed(head)];
  let written = head.length;
  for (let i = 0; written < total; i++) {
    const piece = chunk(i);
    written += piece.length;
    out.push(flushed(piece));
  }
  // An empty final block with fixed Huffman codes.
  out.push(new Uint8Array([0x03, 0x00]));
  return concat(out);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

interface RawEntry {
  name: string;
  /** Deflated data, or null to point at the previous entry's data (shared data). */
  compressed: Uint8Array | null;
  size: number;
  /** Compression method (8, deflate, unless given) and general-purpose flags (bit 0: encrypted). */
  method?: number;
  flags?: number;
}

/** A zip from already-deflated entries; CRCs are left 0 (the reader does not check them). */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  let lastOffset = 0;
  let lastSize = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    let at = lastOffset;
    let compressedSize = lastSize;
    if (entry.compressed) {
      const local = new Uint8Array(30 + name.length);
      const view = new DataView(local.buffer);
      view.setUint32(0, 0x04034b50, true);
      view.setUint16(4, 20, true);
      view.setUint16(6, entry.flags ?? 0, true);
      view.setUint16(8, entry.method ?? 8, true);
      view.setUint32(18, entry.compressed.length, true);
      view.setUint32(22, Math.min(entry.size, 0xfffffffe), true);
      view.setUint16(26, name.length, true);
      local.set(name, 30);
      locals.push(local, entry.compressed);
      at = offset;
      compressedSize = entry.compressed.length;
      offset += local.length + entry.compressed.length;
      lastOffset = at;
      lastSize = compressedSize;
    }
    const record = new Uint8Array(46 + name.length);
    const view = new DataView(record.buffer);
    view.setUint32(0, 0x02014b50, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, 20, true);
    view.setUint16(8, entry.flags ?? 0, true);
    view.setUint16(10, entry.method ?? 8, true);
    view.setUint32(20, compressedSize, true);
    view.setUint32(24, Math.min(entry.size, 0xfffffffe), true);
    view.setUint16(28, name.length, true);
    view.setUint32(42, at, true);
    record.set(name, 46);
    central.push(record);
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, Math.min(entries.length, 0xffff), true);
  view.setUint16(10, Math.min(entries.length, 0xffff), true);
  view.setUint32(12, centralSize, true);
  view.setUint32(16, offset, true);
  return concat([...locals, ...central, end]);
}

const deflated = (text: string) => {
  const bytes = strToU8(text);
  return { compressed: deflateSync(bytes), size: bytes.length };
};

const GOOD = documentXml(paragraph("正文"));
const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const TYPES = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/** A package around a main document part (already deflated) and any other entries. */
function pack(main: { compressed: Uint8Array; size: number }, extra: RawEntry[] = []): Uint8Array {
  return rawZip([
    { name: "[Content_Types].xml", ...deflated(TYPES) },
    { name: "_rels/.rels", ...deflated(RELS) },
    { name: "word/document.xml", ...main },
    ...extra,
  ]);
}

/** Valid XML elements that compress about 1000:1 and touch no limit but the budget. */
const element = strToU8(`<x a="${"a".repeat(100)}"/>`.repeat(8192));
const zeros = new Uint8Array(MiB);

function randomText(bytes: number, seed: number): Uint8Array {
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let state = seed;
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = letters.charCodeAt(state % letters.length);
  }
  return out;
}

export function attacks(scale: number): Attack[] {
  const bomb = { compressed: deflateStream(HEAD, () => element, scale), size: scale };
  const image = deflateStream(new Uint8Array(0), () => zeros, scale);
  // A bomb that keeps the ratio under the limit: compressible head, then random text.
  const tails = Array.from({ length: 64 }, (_, i) =>
    strToU8(`<x a="${new TextDecoder().decode(randomText(16 * 1024, i + 1))}"/>`),
  );
  // The last megabyte or so is random: the file as a whole stays far under the ratio limit.
  const headPieces = Math.ceil((scale - 1024 * 1024) / element.length);
  const tailElement = (i: number) =>
    i < headPieces ? element : (tails[i % tails.length] as Uint8Array);
  const paragraphs = strToU8("<w:p/>".repeat(65536));
  const cells = strToU8("<w:tc><w:p/></w:tc>".repeat(16384));
  const text = strToU8("字".repeat(65536));
  const wideText = strToU8(
    `<w:p><w:r><w:t>${"报告正文内容".repeat(13)}</w:t></w:r></w:p>`.repeat(1000),
  );
  const endBody = strToU8("</w:body></w:document>");
  const empty = deflateSync(new Uint8Array(256 * 1024));
  const list: Attack[] = [
    { name: "zip-bomb-xml", bytes: pack(bomb), refused: true },
    { name: "zip-bomb-zeros", bytes: pack({ compressed: image, size: scale }), refused: true },
    {
      name: "zip-bomb-lying-size",
      bytes: pack({ compressed: bomb.compressed, size: 1000 }),
      refused: true,
    },
    {
      name: "incompressible-tail",
      bytes: pack({ compressed: deflateStream(HEAD, tailElement, scale), size: scale }),
      refused: true,
    },
    {
      name: "styles-bomb",
      bytes: pack(deflated(GOOD), [{ name: "word/styles.xml", ...bomb }]),
      refused: true,
    },
    {
      name: "huge-image",
      bytes: pack(deflated(GOOD), [
        { name: "word/media/image1.png", compressed: image, size: scale },
      ]),
      refused: false,
    },
    {
      name: "shared-data-entries",
      bytes: pack(deflated(GOOD), [
        { name: "word/media/image1.png", compressed: image, size: scale },
        ...Array.from({ length: 7 }, (_, i) => ({
          name: `word/media/image${i + 2}.png`,
          compressed: null,
          size: scale,
        })),
      ]),
      refused: true,
    },
    {
      name: "shared-data-main-part",
      bytes: rawZip([
        { name: "[Content_Types].xml", ...deflated(TYPES) },
        { name: "word/document.xml", ...bomb },
        { name: "word/styles.xml", compressed: null, size: scale },
      ]),
      refused: true,
    },
    {
      name: "many-entries",
      bytes: pack(
        deflated(GOOD),
        Array.from({ length: 4900 }, (_, i) => ({
          name: `word/media/p${i}.bin`,
          compressed: empty,
          size: 256 * 1024,
        })),
      ),
      refused: false,
    },
    {
      name: "too-many-entries",
      bytes: pack(
        deflated(GOOD),
        Array.from({ length: 20_000 }, (_, i) => ({ name: `j/${i}`, ...deflated("") })),
      ),
      refused: true,
    },
    {
      name: "text-without-tags",
      bytes: pack({
        compressed: deflateStream(strToU8(`${strFromHead()}<w:p><w:r><w:t>`), () => text, scale),
        size: scale,
      }),
      refused: true,
    },
    {
      name: "millions-of-paragraphs",
      bytes: pack({
        compressed: deflateStream(HEAD, () => paragraphs, scale),
        size: scale,
      }),
      refused: true,
    },
    {
      name: "millions-of-cells",
      bytes: pack({
        compressed: deflateStream(strToU8(`${strFromHead()}<w:tbl><w:tr>`), () => cells, scale),
        size: scale,
      }),
      refused: true,
    },
    {
      // Just under every limit: the most a document we accept can hold.
      name: "largest-accepted",
      bytes: pack({
        compressed: deflateStream(
          HEAD,
          (i) => (i < 195 ? wideText : endBody),
          HEAD.length + 195 * wideText.length + endBody.length,
        ),
        size: HEAD.length + 195 * wideText.length + endBody.length,
      }),
      refused: false,
    },
    {
      name: "flat-opc-paragraphs",
      bytes: flatXml(Math.min(scale, 45 * MiB)),
      refused: true,
    },
  ];
  return list;
}

function strFromHead(): string {
  return new TextDecoder().decode(HEAD);
}

function flatXml(bytes: number): Uint8Array {
  const head = strToU8(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>`);
  const out = new Uint8Array(bytes);
  out.set(head);
  const unit = strToU8("<w:p/>");
  for (let at = head.length; at + unit.length <= bytes; at += unit.length) out.set(unit, at);
  return out;
}

/** A good document, to show a batch goes on after a hostile one. */
export function goodDocx(): Uint8Array {
  return docx(GOOD);
}
