/**
 * Recognising what nianbao wrote itself, so that a run replaces only its own untouched output
 * and never a document someone made or edited.
 *
 * Annotated copies carry a mark in the zip archive comment: a SHA-256 digest of the package as
 * we wrote it. Word, WPS and LibreOffice rewrite the whole archive when they save and drop the
 * comment, and any other change breaks the digest, so a copy is ours exactly while it is
 * byte for byte what we wrote. The archive comment is outside every OOXML part: the package
 * stays what the annotator made of it (and passes the OOXML validator wherever it did).
 *
 * Reports are recognised by their format: the JSON report by its schema, the HTML report by the
 * head our generator writes, the CSV report by its BOM and header row, the text report by its
 * whole layout (summary line last but for its notes), the 整改台账 by isUntouchedWorkbook.
 */
import { createHash } from "node:crypto";
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { extname } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { jsonReportSchema } from "../core";
import { HTML_REPORT_START } from "./html-start";
import { CSV_HEADER, REPORT, REVIEW, SUMMARY } from "./report-strings";
import { INPUT, SCAN } from "./strings";
import { isUntouchedWorkbook } from "./xlsx/untouched";
import { WORKBOOK_CREATOR } from "./xlsx/workbook";

export type ReportFormat = "text" | "json" | "csv" | "html" | "xlsx";

const EOCD = 0x06054b50;
const EOCD_SIZE = 22;
const MARK_PREFIX = "nianbao annotated copy sha256:";
/** The prefix and 64 hex digits. */
const MARK_LENGTH = MARK_PREFIX.length + 64;
/** Far above any copy or report we write; a larger file is not ours. */
const MAX_BYTES = 256 << 20;
/** Reports read whole to be recognised (JSON, text): a larger one is not taken for ours. */
const MAX_READ_BYTES = 64 << 20;

function u32(data: Uint8Array, at: number): number {
  return (
    ((data[at] as number) |
      ((data[at + 1] as number) << 8) |
      ((data[at + 2] as number) << 16) |
      ((data[at + 3] as number) << 24)) >>>
    0
  );
}

function digest(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Where the end-of-central-directory record starts, or -1. */
function findEndRecord(data: Uint8Array): number {
  for (let i = data.length - EOCD_SIZE; i >= Math.max(0, data.length - 65557); i--)
    if (u32(data, i) === EOCD) return i;
  return -1;
}

/** The package with no archive comment: what the mark's digest is taken of. */
function withoutComment(data: Uint8Array, end: number): Uint8Array {
  const bare = data.slice(0, end + EOCD_SIZE);
  bare[end + 20] = 0;
  bare[end + 21] = 0;
  return bare;
}

/**
 * An annotated copy's bytes with our mark as the archive comment (any comment of the input's is
 * replaced). Bytes that are not a zip archive are returned as they are.
 */
export function markCopy(bytes: Uint8Array): Uint8Array {
  const end = findEndRecord(bytes);
  if (end < 0) return bytes;
  const bare = withoutComment(bytes, end);
  const mark = Buffer.from(`${MARK_PREFIX}${digest(bare)}`, "latin1");
  const marked = new Uint8Array(bare.length + mark.length);
  marked.set(bare);
  marked.set(mark, bare.length);
  marked[end + 20] = mark.length & 0xff;
  marked[end + 21] = mark.length >> 8;
  return marked;
}

/** Whether the file is an annotated copy we wrote, unchanged since. */
export function isUntouchedCopy(path: string | Buffer): boolean {
  try {
    const stats = statSync(path);
    if (!stats.isFile() || stats.size > MAX_BYTES) return false;
    const data = new Uint8Array(readFileSync(path));
    const end = data.length - EOCD_SIZE - MARK_LENGTH;
    if (end < 0 || u32(data, end) !== EOCD) return false;
    if ((data[end + 20] as number) + ((data[end + 21] as number) << 8) !== MARK_LENGTH)
      return false;
    const mark = Buffer.from(data.subarray(end + EOCD_SIZE)).toString("latin1");
    return (
      mark.startsWith(MARK_PREFIX) &&
      mark.slice(MARK_PREFIX.length) === digest(withoutComment(data, end))
    );
  } catch {
    return false;
  }
}

/** The first `length` bytes of a file (fewer when it is shorter). */
function head(path: string, length: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function readSmall(path: string): string | null {
  const stats = statSync(path);
  if (!stats.isFile() || stats.size > MAX_READ_BYTES) return null;
  return readFileSync(path, "utf8");
}

const CSV_FIRST_LINES = [
  `\uFEFF${CSV_HEADER.join(",")}\r\n`,
  `\uFEFF${[...CSV_HEADER, REVIEW.csvHeader].join(",")}\r\n`,
].map((line) => Buffer.from(line, "utf8"));

/** The start of every HTML report we write, up to its title. */
const HTML_START = Buffer.from(HTML_REPORT_START, "utf8");

/** Stand-ins for the numbers and names a message is made with, turned into patterns below. */
const NUMBERS = [1234567, 7654321, 2345671, 3456712];
const NAME = "\u0001name\u0001";
const NAME_2 = "\u0001name2\u0001";

/** A message made with the stand-ins, as a pattern: numbers as `(\d+)`, names as `.+`. */
function pattern(example: string): string {
  let source = example.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const n of NUMBERS) source = source.replaceAll(String(n), "(\\d+)");
  return source.replaceAll(NAME, ".+").replaceAll(NAME_2, ".+");
}

/** The text report's summary line, whole: 共 N 个文件：已检查 M，… (N captured). */
const TEXT_SUMMARY = new RegExp(
  `^${pattern(SUMMARY.files(NUMBERS[0]!, NUMBERS[1]!))}${[
    SUMMARY.withErrors(NUMBERS[2]!),
    SUMMARY.unreadable(NUMBERS[2]!),
    SUMMARY.notChecked(NUMBERS[2]!),
    SUMMARY.copyFailures(NUMBERS[2]!),
  ]
    .map((part) => `(?:，${pattern(part)})?`)
    .join("")}$`,
);

/** A line every file's block in the text report holds: its counts, 未发现问题, or why it was not read. */
const BLOCK_ENDINGS = [
  new RegExp(`^ +${pattern(REPORT.counts(NUMBERS[0]!, NUMBERS[1]!, NUMBERS[2]!))}$`),
  new RegExp(`^ +${pattern(REPORT.noFindings)}$`),
  new RegExp(`^  ${pattern(REPORT.unreadable)}  .+$`),
  new RegExp(`^  ${pattern(REPORT.notChecked)}  .+$`),
];

/** The lines the text report may end with after its summary line. */
const TEXT_TRAILERS = [
  REVIEW.totals(NAME, NUMBERS[0]!, NUMBERS[1]!, NUMBERS[2]!),
  REVIEW.missing(NAME),
  REPORT.copiesNote(NUMBERS[0]!),
  REPORT.folderSeenNote(NAME, INPUT.fileSeen(NAME_2)),
  REPORT.folderSeenNote(NAME, SCAN.folderSeen(NAME_2)),
].map((line) => new RegExp(`^${pattern(line)}$`));

/**
 * Whether the text is one whole text report as formatText writes it: one block per file (a
 * name line, indented lines, a blank line), the cross-similarity block if any, the summary line
 * once with as many files as blocks, then only the closing notes. A log of several runs, or
 * notes someone wrote around a pasted line, is not ours.
 */
export function isTextReport(text: string): boolean {
  if (text.includes("\u0000") || !text.endsWith("\n")) return false;
  const lines = text.slice(0, -1).split("\n");
  // The last summary line: a file may be named like one, and its block comes before.
  let at = lines.length - 1;
  while (at >= 0 && !TEXT_SUMMARY.test(lines[at] as string)) at--;
  if (at < 0) return false;
  // Anything but the report's own closing notes after it is not ours.
  if (!lines.slice(at + 1).every((line) => TEXT_TRAILERS.some((t) => t.test(line)))) return false;
  let blocks = 0;
  let cross = false;
  for (let i = 0; i < at;) {
    // A block is its first line (a file's name, whatever it looks like) and indented lines.
    const first = lines[i] as string;
    if (first === "") return false;
    let closed = false;
    for (i++; i < at && (lines[i] as string).startsWith("  "); i++)
      closed ||= BLOCK_ENDINGS.some((ending) => ending.test(lines[i] as string));
    if (i >= at || lines[i] !== "") return false;
    i++;
    // Every file's block says how its check ended; only the 跨单位雷同 block, last, does not.
    if (closed) blocks++;
    else if (first === REVIEW.crossHeading && i === at && !cross) cross = true;
    else return false;
  }
  const total = Number(TEXT_SUMMARY.exec(lines[at] as string)?.[1]);
  return blocks === total;
}

/**
 * Whether the file is a report of ours in this format that may be replaced by a new one. An
 * empty file holds nothing to lose and counts as replaceable.
 */
export function isOwnReport(path: string, format: ReportFormat): boolean {
  try {
    if (statSync(path).size === 0) return true;
    switch (format) {
      case "xlsx":
        return isUntouchedWorkbook(path);
      case "csv": {
        const start = head(path, 4096);
        return CSV_FIRST_LINES.some(
          (line) => start.length >= line.length && start.subarray(0, line.length).equals(line),
        );
      }
      case "html":
        return head(path, HTML_START.length).equals(HTML_START);
      case "json": {
        // Ours starts with its object: anything else is not parsed at all.
        if (head(path, 1).toString("latin1") !== "{") return false;
        const text = readSmall(path);
        return text !== null && jsonReportSchema.safeParse(JSON.parse(text)).success;
      }
      case "text": {
        const text = readSmall(path);
        return text !== null && isTextReport(text);
      }
    }
  } catch {
    return false;
  }
}

/** A 整改台账 we wrote, filled in or not: spreadsheets keep its creator when they save it. */
function isOurWorkbook(path: string): boolean {
  try {
    const stats = statSync(path);
    if (!stats.isFile() || stats.size > MAX_BYTES) return false;
    const core = unzipSync(new Uint8Array(readFileSync(path)), {
      filter: (file) => file.name === "docProps/core.xml" && file.originalSize <= 64 << 10,
    })["docProps/core.xml"];
    return (
      core !== undefined &&
      new RegExp(`<dc:creator>${WORKBOOK_CREATOR}</dc:creator>`).test(strFromU8(core))
    );
  } catch {
    return false;
  }
}

const FORMAT_BY_EXTENSION: Record<string, ReportFormat> = {
  ".txt": "text",
  ".json": "json",
  ".csv": "csv",
  ".html": "html",
  ".htm": "html",
};

/**
 * What a file found in a folder is, if nianbao wrote it: `replaceable` when it is our report as
 * we wrote it (a later run may write over it), `workbook` for a 整改台账 of ours that has been
 * saved since (it holds the office's work), null when it is not ours.
 */
export function ownOutput(path: string): "replaceable" | "workbook" | null {
  const extension = extname(path).toLowerCase();
  if (extension === ".xlsx") {
    if (isUntouchedWorkbook(path)) return "replaceable";
    return isOurWorkbook(path) ? "workbook" : null;
  }
  const format = FORMAT_BY_EXTENSION[extension];
  try {
    // An empty file is nobody's report.
    if (!format || statSync(path).size === 0) return null;
  } catch {
    return null;
  }
  return isOwnReport(path, format) ? "replaceable" : null;
}
