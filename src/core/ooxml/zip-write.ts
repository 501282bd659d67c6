/**
 * Rewrites a .docx with some parts replaced or added and every other entry copied through as
 * it is, compressed bytes and all: a part we do not need (an image, an embedded file, a part in
 * a compression we cannot inflate) is never inflated, so it costs neither memory nor time.
 */
import { Deflate, strToU8 } from "fflate";
import { DocumentReadError } from "./errors";
import { entryData, type ZipEntry } from "./zip";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of the bytes, continuing from `previous` (the CRC of what came before). */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++)
    crc = (CRC_TABLE[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A part's new contents, deflated. */
export interface CompressedPart {
  compressed: Uint8Array;
  crc: number;
  size: number;
}

/** Characters encoded at a time: the part's text is never held as one byte array. */
const TEXT_SLICE = 1 << 20;

/** Deflates a part given as pieces of text (UTF-8), piece by piece. */
export function compressText(pieces: Iterable<string>): CompressedPart {
  const out: Uint8Array[] = [];
  const deflater = new Deflate({ level: 6 }, (chunk) => out.push(chunk));
  let crc = 0;
  let size = 0;
  let pending: Uint8Array | null = null;
  const feed = (bytes: Uint8Array) => {
    if (pending) deflater.push(pending);
    pending = bytes;
    crc = crc32(bytes, crc);
    size += bytes.length;
  };
  for (const piece of pieces) {
    let at = 0;
    while (at < piece.length) {
      let end = Math.min(at + TEXT_SLICE, piece.length);
      // Never split a surrogate pair between two slices.
      const last = piece.charCodeAt(end - 1);
      if (end < piece.length && last >= 0xd800 && last <= 0xdbff) end++;
      feed(strToU8(piece.slice(at, end)));
      at = end;
    }
  }
  deflater.push(pending ?? new Uint8Array(0), true);
  const compressed = new Uint8Array(out.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const chunk of out) {
    compressed.set(chunk, at);
    at += chunk.length;
  }
  return { compressed, crc, size };
}

interface OutEntry {
  name: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  compressed: Uint8Array;
}

const u16 = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;
const MAX32 = 0xffffffff;
/** Bit 3 (sizes in a data descriptor) is dropped: we write the sizes in the local header. */
const KEPT_FLAGS = 0xfff7;
const UTF8_NAME = 0x0800;

/**
 * The package `data` (whose entries are `entries`) with the parts in `replaced` (by entry name)
 * given new contents and the parts in `added` appended.
 */
export function rewriteZip(
  data: Uint8Array,
  entries: ZipEntry[],
  replaced: Map<string, CompressedPart>,
  added: Map<string, CompressedPart>,
): Uint8Array {
  const out: OutEntry[] = [];
  for (const entry of entries) {
    const c = entry.centralOffset;
    const name = data.slice(c + 46, c + 46 + u16(data, c + 28));
    const content = replaced.get(entry.name);
    if (content) {
      out.push(
        fresh(
          name,
          content,
          u16(data, c + 8) & KEPT_FLAGS & ~1,
          u16(data, c + 12),
          u16(data, c + 14),
        ),
      );
      continue;
    }
    if (entry.declaredSize >= MAX32 || entry.compressedSize >= MAX32)
      throw new DocumentReadError("too-large", `${entry.name} needs zip64`);
    out.push({
      name,
      flags: u16(data, c + 8) & KEPT_FLAGS,
      method: entry.method,
      time: u16(data, c + 12),
      date: u16(data, c + 14),
      crc: u32(data, c + 16),
      size: entry.declaredSize,
      compressed: entryData(data, entry),
    });
  }
  const encoder = new TextEncoder();
  // 2026-01-01 00:00 in DOS time: a fixed stamp keeps the output reproducible.
  for (const [name, content] of added)
    out.push(fresh(encoder.encode(name), content, UTF8_NAME, 0, (46 << 9) | (1 << 5) | 1));
  return assemble(out);
}

function fresh(
  name: Uint8Array,
  content: CompressedPart,
  flags: number,
  time: number,
  date: number,
): OutEntry {
  return { name, flags, method: 8, time, date, ...content };
}

function assemble(entries: OutEntry[]): Uint8Array {
  let localSize = 0;
  let centralSize = 0;
  for (const e of entries) {
    localSize += 30 + e.name.length + e.compressed.length;
    centralSize += 46 + e.name.length;
  }
  if (localSize + centralSize + 22 > MAX32 || entries.length > 0xffff)
    throw new DocumentReadError("too-large", "the rewritten package needs zip64");
  const bytes = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(bytes.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    writeSharedFields(view, at + 6, e);
    view.setUint16(at + 28, 0, true);
    bytes.set(e.name, at + 30);
    bytes.set(e.compressed, at + 30 + e.name.length);
    at += 30 + e.name.length + e.compressed.length;
  }
  const centralStart = at;
  entries.forEach((e, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    writeSharedFields(view, at + 8, e);
    view.setUint32(at + 42, offsets[i] as number, true);
    bytes.set(e.name, at + 46);
    at += 46 + e.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return bytes;
}

/**
 * The fields a local header and its central directory record share, in the same order: flags,
 * method, time, date, CRC-32, compressed and uncompressed size, name length (22 bytes).
 */
function writeSharedFields(view: DataView, at: number, e: OutEntry): void {
  view.setUint16(at, e.flags, true);
  view.setUint16(at + 2, e.method, true);
  view.setUint16(at + 4, e.time, true);
  view.setUint16(at + 6, e.date, true);
  view.setUint32(at + 8, e.crc, true);
  view.setUint32(at + 12, e.compressed.length, true);
  view.setUint32(at + 16, e.size, true);
  view.setUint16(at + 20, e.name.length, true);
}
