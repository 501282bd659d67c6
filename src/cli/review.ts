/**
 * The supervising office's review cycle: this round against the earlier one (--baseline), and
 * the units of a batch against each other (--cross-similarity).
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { basename } from "node:path";
import {
  baselineReportSchema,
  compareFindings,
  type BaselineFile,
  type BaselineFinding,
  type BaselineReport,
  similarPairs,
} from "../core";
import { unitKey, type FileOutcome, type ReportReview } from "./check-file";
import { groupFindings, reportsOf } from "./describe-location";
import { BASELINE, REFUSED_READ } from "./strings";

/**
 * A JSON report of a thousand files is about 2 MB (measured: 10 seed reports, 21 KB); a
 * file a hundred times that is not one, and is refused instead of read into memory.
 */
const MAX_BASELINE_BYTES = 200 * 1024 * 1024;

/** Why a file given to read was not read. */
export type ReadRefusal = "missing" | "folder" | "special" | "tooLarge";

/**
 * Reads a regular file of at most `maxBytes` (a BOM dropped). Anything else is refused before it
 * is opened: a pipe would wait forever for a writer (and Ctrl-C with it), a device such as
 * /dev/zero never ends. Opened without blocking, so a pipe put there meanwhile is refused too.
 */
export function readRegularFile(
  path: string,
  maxBytes: number,
): { ok: true; text: string } | { ok: false; why: ReadRefusal; error?: unknown } {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return { ok: false, why: "folder" };
    if (!stats.isFile()) return { ok: false, why: "special" };
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const opened = fstatSync(fd);
      if (!opened.isFile()) return { ok: false, why: "special" };
      if (opened.size > maxBytes) return { ok: false, why: "tooLarge" };
      // Read at most one byte past the limit: a file growing meanwhile is not read without end.
      const buffer = Buffer.alloc(Math.min(opened.size, maxBytes) + 1);
      let length = 0;
      for (let n; length < buffer.length; length += n) {
        n = readSync(fd, buffer, length, buffer.length - length, null);
        if (n === 0) break;
      }
      if (length > maxBytes) return { ok: false, why: "tooLarge" };
      return { ok: true, text: buffer.toString("utf8", 0, length).replace(/^\ufeff/, "") };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EISDIR") return { ok: false, why: "folder" };
    return { ok: false, why: "missing", error };
  }
}

export type BaselineRead =
  { ok: true; report: BaselineReport } | { ok: false; message: string; detail?: unknown };

/** Reads and validates the earlier round's JSON report; a Chinese reason when it is not one. */
export function readBaseline(path: string): BaselineRead {
  const read = readRegularFile(path, MAX_BASELINE_BYTES);
  if (!read.ok) {
    const message = {
      missing: BASELINE.missing(path),
      folder: BASELINE.isFolder(path),
      special: REFUSED_READ.baselineNotRegular(path),
      tooLarge: REFUSED_READ.baselineTooLarge(path, MAX_BASELINE_BYTES / 1024 / 1024),
    }[read.why];
    return { ok: false, message, ...(read.error !== undefined && { detail: read.error }) };
  }
  const text = read.text;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: BASELINE.notJson(path), detail: error };
  }
  const parsed = baselineReportSchema.safeParse(data);
  if (!parsed.success)
    return { ok: false, message: BASELINE.notOurReport(path), detail: parsed.error.message };
  return { ok: true, report: parsed.data };
}

/** One report of the earlier round: its file, unit and findings. */
interface EarlierReport {
  file: string;
  unit: string | null;
  findings: BaselineFinding[];
  used: boolean;
}

/** A unit of the earlier round that this round does not have. */
export interface MissingUnit {
  file: string;
  unit: string | null;
}

/**
 * Marks every finding of the checked files "new" or "open" against the earlier round and lists
 * what was fixed. A report is matched by its unit's name (人民政府 aside), else by its file's
 * name (the same position among the file's reports). Returns the earlier units not matched.
 */
export function applyBaseline(outcomes: FileOutcome[], baseline: BaselineReport): MissingUnit[] {
  const byFile = new Map<string, EarlierReport[]>();
  const byUnit = new Map<string, EarlierReport>();
  const all: EarlierReport[] = [];
  for (const file of baseline.files.filter(wasChecked)) {
    const entries = (
      file.reports?.length ? file.reports : [{ unit: file.unit ?? null, findings: file.findings }]
    ).map((r) => ({ file: file.file, unit: r.unit, findings: r.findings, used: false }));
    all.push(...entries);
    byFile.set(basename(file.file), entries);
    for (const entry of entries)
      if (entry.unit && !byUnit.has(unitKey(entry.unit))) byUnit.set(unitKey(entry.unit), entry);
  }
  for (const outcome of outcomes) {
    if (outcome.status !== "checked") continue;
    const groups = groupFindings(outcome);
    const status = new Map<object, "new" | "open">();
    const reviews = groups.map(({ report, findings, index }): ReportReview => {
      const sameName = byFile.get(basename(outcome.file));
      const earlier =
        (report.unit ? byUnit.get(unitKey(report.unit)) : undefined) ??
        (sameName?.length === groups.length ? sameName[index] : undefined);
      if (earlier) earlier.used = true;
      const compared = compareFindings(findings, earlier?.findings ?? []);
      findings.forEach((f, i) => status.set(f, compared.statuses[i] ?? "new"));
      return {
        baselineFile: earlier?.file ?? null,
        fixed: compared.fixed,
        open: compared.statuses.filter((s) => s === "open").length,
        new: compared.statuses.filter((s) => s === "new").length,
      };
    });
    outcome.review = {
      statuses: outcome.findings.map((f) => status.get(f) ?? "new"),
      reports: reviews,
    };
  }
  return all.filter((e) => !e.used).map(({ file, unit }) => ({ file, unit }));
}

function wasChecked(file: BaselineFile): boolean {
  return file.status === undefined ? !file.error : file.status === "checked";
}

/** A file's counts against the earlier round, all its reports together. */
export function reviewCounts(outcome: FileOutcome): { fixed: number; open: number; new: number } {
  const reports = outcome.review?.reports ?? [];
  return {
    fixed: reports.reduce((n, r) => n + r.fixed.length, 0),
    open: reports.reduce((n, r) => n + r.open, 0),
    new: reports.reduce((n, r) => n + r.new, 0),
  };
}

/** One unit of a pair: the file and which of its reports. */
export interface UnitRef {
  file: string;
  unit: string | null;
}

export interface CrossPair {
  a: UnitRef;
  b: UnitRef;
  similarity: number;
}

/** What a batch adds to its reports besides each file's outcome. */
export interface BatchReview {
  /** With --baseline: the earlier round's file and its units not found in this round. */
  baseline?: { file: string; missing: MissingUnit[] };
  /** With --cross-similarity: the pairs of units at or above the threshold. */
  crossSimilarity?: CrossPair[];
}

/** Pairs of reports (units) of the batch whose prose overlaps by at least `threshold`. */
export function crossSimilarity(outcomes: FileOutcome[], threshold: number): CrossPair[] {
  const refs: UnitRef[] = [];
  const samples: Uint32Array[] = [];
  for (const outcome of outcomes) {
    if (outcome.status !== "checked" || !outcome.fingerprints) continue;
    const reports = reportsOf(outcome);
    outcome.fingerprints.forEach((sample, index) => {
      refs.push({ file: outcome.file, unit: reports[index]?.unit ?? null });
      samples.push(sample);
    });
    // Fingerprints are not part of any report; let them go.
    delete outcome.fingerprints;
  }
  return similarPairs(samples, threshold).map(({ a, b, similarity }) => ({
    a: refs[a] as UnitRef,
    b: refs[b] as UnitRef,
    similarity,
  }));
}
