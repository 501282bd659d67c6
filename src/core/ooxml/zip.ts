/**
 * Just enough of the zip format to read the parts of a .docx safely. fflate inflates; the
 * central directory is read here because fflate's one-shot unzip trusts the sizes a file
 * declares and offers no way to stop a part that inflates past a limit (a zip bomb). Every
 * part read from one file draws on one InflateBudget, so many parts (or many entries sharing
 * the same data) cannot add up past it either.
 */
import { Inflate, inflateSync } from "fflate";
import { DocumentReadError } from "./errors";
import type { InflateBudget, ReadLimits } from "./limits";

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
  /** Offset of the entry's central directory record (its flags, CRC, time and raw name). */
  centralOffset: number;
  /** Length in bytes of the name as stored. */
  nameLength: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/**
 * Compressed bytes inflated at a time: deflate expands at most 1032:1, so no chunk yields more
 * than about 2 MB and a bomb is stopped within 2 MB of the budget.
 */
const CHUNK = 2 * 1024;
const DEFLATE_MAX_RATIO = 1032;

const u16 = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 2 ** 32;

export function isZip(data: Uint8Array): boolean {
  return data.length >= 4 && u32(data, 0) === LOCAL;
}

export function listEntries(data: Uint8Array, limits: ReadLimits): ZipEntry[] {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65557); i--) {
    if (u32(data, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new DocumentReadError("damaged", "zip end-of-central-directory record not found");
  let count = u16(data, eocd + 10);
  let offset = u32(data, eocd + 16);
  if (
    (count === 0xffff || offset === 0xffffffff) &&
    eocd >= 20 &&
    u32(data, eocd - 20) === ZIP64_LOCATOR
  ) {
    const zip64 = u64(data, eocd - 12);
    if (u32(data, zip64) !== ZIP64_EOCD) throw new DocumentReadError("damaged", "bad zip64 record");
    count = u64(data, zip64 + 32);
    offset = u64(data, zip64 + 48);
  }
  if (count > limits.maxEntries) {
    throw new DocumentReadError(
      "too-many-entries",
      `${count} zip entries (limit ${limits.maxEntries})`,
    );
  }
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || u32(data, offset) !== CENTRAL) {
      throw new DocumentReadError("damaged", `central directory entry ${i} is broken`);
    }
    const flags = u16(data, offset + 8);
    const nameLength = u16(data, offset + 28);
    const extraLength = u16(data, offset + 30);
    const commentLength = u16(data, offset + 32);
    let compressedSize = u32(data, offset + 20);
    let declaredSize = u32(data, offset + 24);
    let localHeaderOffset = u32(data, offset + 42);
    const nameStart = offset + 46;
    const name = decoder.decode(data.subarray(nameStart, nameStart + nameLength));
    if (
      compressedSize === 0xffffffff ||
      declaredSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      ({ compressedSize, declaredSize, localHeaderOffset } = readZip64Extra(
        data.subarray(nameStart + nameLength, nameStart + nameLength + extraLength),
        { compressedSize, declaredSize, localHeaderOffset },
      ));
    }
    entries.push({
      name,
      method: u16(data, offset + 10),
      encrypted: (flags & 1) === 1,
      compressedSize,
      declaredSize,
      localHeaderOffset,
      centralOffset: offset,
      nameLength,
    });
    offset = nameStart + nameLength + extraLength + commentLength;
  }
  refuseOverlaps(entries);
  return entries;
}

/**
 * Entries whose data overlap are how a small zip makes many large parts out of the same
 * bytes; no zip writer produces them. The local header is at least 30 bytes plus the name.
 */
function refuseOverlaps(entries: ZipEntry[]): void {
  const sorted = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let end = -1;
  let previous = "";
  for (const entry of sorted) {
    if (entry.localHeaderOffset < end) {
      throw new DocumentReadError("zip-bomb", `${entry.name} overlaps ${previous}`);
    }
    end = entry.localHeaderOffset + 30 + entry.nameLength + entry.compressedSize;
    previous = entry.name;
  }
}

/** Where an entry's compressed data lies in the file. */
export function entryData(data: Uint8Array, entry: ZipEntry): Uint8Array {
  const local = entry.localHeaderOffset;
  if (local + 30 > data.length || u32(data, local) !== LOCAL) {
    throw new DocumentReadError("damaged", `local header of ${entry.name} is broken`);
  }
  const start = local + 30 + u16(data, local + 26) + u16(data, local + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new DocumentReadError("damaged", `${entry.name} is truncated`);
  return data.subarray(start, end);
}

function readZip64Extra(
  extra: Uint8Array,
  sizes: { compressedSize: number; declaredSize: number; localHeaderOffset: number },
) {
  const result = { ...sizes };
  for (let o = 0; o + 4 <= extra.length;) {
    const id = u16(extra, o);
    const length = u16(extra, o + 2);
    if (id === 0x0001) {
      let p = o + 4;
      if (result.declaredSize === 0xffffffff) {
        result.declaredSize = u64(extra, p);
        p += 8;
      }
      if (result.compressedSize === 0xffffffff) {
        result.compressedSize = u64(extra, p);
        p += 8;
      }
      if (result.localHeaderOffset === 0xffffffff) result.localHeaderOffset = u64(extra, p);
      break;
    }
    o += 4 + length;
  }
  return result;
}

/**
 * Inflates one entry, handing the bytes to `onBytes` chunk by chunk, and stops with
 * `zip-bomb` as soon as the output passes the budget or the ratio limit.
 */
export function readEntry(
  data: Uint8Array,
  entry: ZipEntry,
  limits: ReadLimits,
  budget: InflateBudget,
  onBytes: (chunk: Uint8Array) => void,
): void {
  if (entry.encrypted) throw new DocumentReadError("encrypted", `${entry.name} is encrypted`);
  const compressed = entryData(data, entry);
  if (entry.method === 0) {
    budget.spend(compressed.length, entry.name);
    onBytes(compressed);
    return;
  }
  if (entry.method !== 8) {
    throw new DocumentReadError(
      "unsupported-compression",
      `${entry.name} uses compression method ${entry.method}`,
    );
  }
  // Deflate cannot expand more than 1032:1, so a small enough part is safe to inflate in one go;
  // one byte over the declared size shows a size that lied, which the streaming path then handles.
  if (
    compressed.length * DEFLATE_MAX_RATIO <= budget.remaining &&
    entry.declaredSize <= budget.remaining
  ) {
    const whole = inflateOnce(compressed, entry);
    if (whole) {
      budget.spend(whole.length, entry.name);
      checkRatio(whole.length, compressed.length, entry, limits);
      onBytes(whole);
      return;
    }
  }
  let produced = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    produced += chunk.length;
    budget.spend(chunk.length, entry.name);
    checkRatio(produced, compressed.length, entry, limits);
    onBytes(chunk);
    if (final) finished = true;
  });
  try {
    for (let o = 0; o < compressed.length; o += CHUNK) {
      const last = o + CHUNK >= compressed.length;
      inflater.push(compressed.subarray(o, Math.min(o + CHUNK, compressed.length)), last);
    }
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw new DocumentReadError(
      "damaged",
      `${entry.name} cannot be inflated: ${(error as Error).message}`,
    );
  }
  if (!finished) throw new DocumentReadError("damaged", `${entry.name} ends before its data does`);
}

function inflateOnce(compressed: Uint8Array, entry: ZipEntry): Uint8Array | null {
  let out: Uint8Array;
  try {
    out = inflateSync(compressed, { out: new Uint8Array(entry.declaredSize + 1) });
  } catch {
    // A size that lied (the buffer was too small) or damage: streaming tells which.
    return null;
  }
  return out.length > entry.declaredSize ? null : out;
}

function checkRatio(
  produced: number,
  compressed: number,
  entry: ZipEntry,
  limits: ReadLimits,
): void {
  if (
    produced > limits.ratioCheckAfterBytes &&
    produced / Math.max(1, compressed) > limits.maxCompressionRatio
  ) {
    throw new DocumentReadError(
      "zip-bomb",
      `${entry.name} inflates more than ${limits.maxCompressionRatio}:1`,
    );
  }
}
