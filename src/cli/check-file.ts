/** One file through the engine; every failure becomes a per-file error, never an exception. */
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import {
  annotateDocx,
  check,
  DEFAULT_LIMITS,
  DocumentReadError,
  readDocument,
  recognize,
  normalizeLabel,
  userMessageFor,
  type DocumentSnapshot,
  type Finding,
  type FormatId,
  type BaselineFinding,
  type FindingStatus,
  fingerprint,
  proseOf,
  sampleFingerprint,
} from "../core";
import type { RuleSettings } from "./rule-settings";
import { fileIdentity } from "./file-identity";
import { COPY, INPUT, PREVIOUS_YEAR, SCAN } from "./strings";

/** A problem of one file, in the user's words (`message`) and for logs (`detail`). */
export interface FileProblem {
  code: string;
  message: string;
  detail: string;
}

/** What a batch keeps of a file: the findings, never the document. */
export interface FileOutcome {
  file: string;
  /** Checked; could not be read; or listed but not checked (see `error` and `mayBeReport`). */
  status: "checked" | "unreadable" | "not-checked";
  format: FormatId | "unknown";
  year: number | null;
  unit: string | null;
  error: FileProblem | null;
  findings: Finding[];
  /** Last year's report used for the cross-year rules, if any. */
  previous: string | null;
  /** The year of `previous`, when known. */
  previousYear?: number | null;
  /** With --previous: why this file was not compared with last year's report. */
  previousNote?: { code: PreviousNoteCode; message: string };
  /** Where the annotated copy was written, if one was asked for. */
  annotated?: string | null;
  /** The copy's planned name was taken during the run: kept, and the copy written beside it. */
  copyKept?: { kept: string; written: string };
  /** Why the annotated copy could not be made; the findings still stand. */
  annotateError?: FileProblem | null;
  /** Not checked, but it may be a report: the run cannot be called clean. */
  mayBeReport?: boolean;
  /** Each report in the document (a 汇编 holds several); `Finding.report` indexes it. */
  reports?: OutcomeReport[];
  /** With --previous: share of the prose found in last year's report (0–1); null: none matched. */
  similarity?: number | null;
  /** With --cross-similarity: each report's sampled fingerprint (core/similarity/cross.ts). */
  fingerprints?: Uint32Array[];
  /** With --baseline: each finding against the earlier round (src/cli/review.ts). */
  review?: OutcomeReview;
}

/** A file against the earlier round: statuses by index of `findings`, then each report's. */
export interface OutcomeReview {
  statuses: FindingStatus[];
  reports: ReportReview[];
}

export interface ReportReview {
  /** The earlier round's file it was matched with; null when its unit was not there. */
  baselineFile: string | null;
  /** Findings of the earlier round that are gone. */
  fixed: BaselineFinding[];
  open: number;
  new: number;
}

/** What a check measures besides the rules. */
export interface CheckExtras {
  /** text-copied: the share of last year's prose that is reported (0–1). */
  similarityThreshold?: number;
  /** Keep each report's sampled fingerprint, for --cross-similarity. */
  fingerprints?: boolean;
}

/** One report of a checked file: the unit and year its findings are about. */
export interface OutcomeReport {
  unit: string | null;
  year: number | null;
  format: FormatId | "unknown";
  /** With --previous: share of its prose found in last year's report; null: none matched. */
  similarity?: number | null;
}

/** A checked file and, when asked for, its annotated copy's bytes (written by the caller). */
export interface CheckedFile {
  outcome: FileOutcome;
  annotated?: Uint8Array;
}

/**
 * A file to check: its path, or for a name that is not valid UTF-8, the name as shown and the
 * path's bytes (a Uint8Array, as it arrives in a worker).
 */
export type CheckInput = string | { name: string; source: Uint8Array };

export function inputName(input: CheckInput): string {
  return typeof input === "string" ? input : input.name;
}

function inputPath(input: CheckInput): string | Buffer {
  return typeof input === "string" ? input : Buffer.from(input.source);
}

/** A report of last year: where it is, which file it is (`fileIdentity`) and its year. */
export interface PreviousFile {
  path: CheckInput;
  id: string | null;
  year: number | null;
}

/** Last year's reports: one file for every input, or files found by unit name (in order). */
export type PreviousReports =
  | { kind: "none" }
  | { kind: "file"; file: PreviousFile }
  | { kind: "byUnit"; units: Record<string, PreviousFile[]> };

/** Why a file was not compared with last year's report. */
export type PreviousNoteCode =
  | "previous-same-file"
  | "previous-not-found"
  | "previous-no-unit"
  | "previous-not-earlier"
  | "previous-unreadable"
  /** Compared (text), but not the year just before: the carry-over checks were not made. */
  | "previous-not-last-year";

export function readSnapshot(path: CheckInput): DocumentSnapshot {
  return readFile(inputPath(path)).snapshot;
}

function readFile(path: string | Buffer): { bytes: Uint8Array; snapshot: DocumentSnapshot } {
  const bytes = readRegularFile(path);
  return { bytes, snapshot: readDocument(bytes) };
}

/**
 * The bytes of a regular file no larger than the limit. Opened without blocking and checked
 * on the open descriptor, so a FIFO, /dev/zero or a socket (or a file swapped for one after a
 * folder was listed) is refused instead of hanging or reading without end.
 */
function readRegularFile(path: string | Buffer): Uint8Array {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      throw new DocumentReadError("not-a-file", `${String(path)} is not a regular file`);
    if (stats.size > DEFAULT_LIMITS.maxFileBytes)
      throw new DocumentReadError("too-large", `${stats.size} bytes`);
    const bytes = new Uint8Array(readFileSync(fd));
    // A file that grew after fstat: still never more than the limit.
    if (bytes.length > DEFAULT_LIMITS.maxFileBytes)
      throw new DocumentReadError("too-large", `${bytes.length} bytes`);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

export function unitKey(unit: string): string {
  return normalizeLabel(unit).replace(/人民政府$|政府$/, "");
}

export function checkFile(
  input: CheckInput,
  previous: PreviousReports = { kind: "none" },
  annotate = false,
  settings: RuleSettings = {},
  extras: CheckExtras = {},
): CheckedFile {
  const file = inputName(input);
  const failed = (code: string, message: string, detail: string): CheckedFile => ({
    outcome: {
      file,
      status: "unreadable",
      format: "unknown",
      year: null,
      unit: null,
      error: { code, message, detail },
      findings: [],
      previous: null,
    },
  });
  let checked: { bytes: Uint8Array; outcome: FileOutcome; findings: Finding[] };
  try {
    checked = readAndCheck(input, previous, settings, extras);
  } catch (error) {
    const problem = readProblem(error);
    return failed(problem.code, problem.message, problem.detail);
  }
  const { bytes, outcome } = checked;
  if (!annotate) return { outcome };
  try {
    return { outcome, annotated: annotateDocx(bytes, outcome.findings) };
  } catch (error) {
    outcome.annotated = null;
    outcome.annotateError = {
      code: "annotate-failed",
      message: annotateFailure(error),
      detail: error instanceof Error ? error.message : String(error),
    };
    return { outcome };
  }
}

/** Why a file could not be read, in the user's words: a missing file, no permission, a bad document. */
export function readProblem(error: unknown): FileProblem {
  if (error instanceof DocumentReadError)
    return { code: error.code, message: error.userMessage, detail: error.message };
  const code = (error as NodeJS.ErrnoException).code;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === "ENOENT") return { code: "not-found", message: SCAN.notFound, detail };
  if (code === "EACCES" || code === "EPERM")
    return { code: "permission-denied", message: INPUT.noPermission, detail };
  return { code: "unreadable", message: userMessageFor("unreadable"), detail };
}

function annotateFailure(error: unknown): string {
  if (!(error instanceof DocumentReadError)) return COPY.notPossible;
  if (error.code === "not-docx") return COPY.notAPackage;
  return COPY.readFailed(error.userMessage);
}

/**
 * Reads and checks a file. The snapshot stays inside this call: by the time an annotated copy
 * is made, only the findings and the file's bytes are held.
 */
function readAndCheck(
  input: CheckInput,
  previous: PreviousReports,
  settings: RuleSettings,
  extras: CheckExtras,
): { bytes: Uint8Array; outcome: FileOutcome; findings: Finding[] } {
  const file = inputName(input);
  const { bytes, snapshot } = readFile(inputPath(input));
  const found = findPrevious(snapshot, previous, fileIdentity(inputPath(input)));
  let previousSnapshot: DocumentSnapshot | null = null;
  let previousNote = "note" in found ? found.note : undefined;
  const previousPath = "file" in found ? inputName(found.file.path) : null;
  if ("file" in found) {
    try {
      previousSnapshot = readSnapshot(found.file.path);
    } catch (error) {
      // Read before the batch began, unreadable now (moved, replaced): said, never ignored.
      const why = readProblem(error).message;
      previousNote = {
        code: "previous-unreadable",
        message: INPUT.previousNote(INPUT.previousUnreadable(previousPath ?? "", why)),
      };
    }
  }
  const result = check(snapshot, {
    ...settings,
    previous: previousSnapshot,
    ...(extras.similarityThreshold !== undefined && {
      similarityThreshold: extras.similarityThreshold,
    }),
  });
  // A report of another year than the one just before: its text is compared, its figures are
  // not carried over (the core's cross-year rules take only the year just before), and the file
  // says so.
  const previousYear = "file" in found && previousSnapshot ? found.file.year : null;
  const stale = result.reports.find(
    (r) => previousYear !== null && r.year !== null && r.year !== previousYear + 1,
  );
  if (stale && previousYear !== null && stale.year !== null)
    previousNote = {
      code: "previous-not-last-year",
      message: PREVIOUS_YEAR.notLastYear(previousPath ?? "", previousYear, stale.year),
    };
  const measured = result.reports.filter((r) => r.copying);
  const prose = measured.reduce((n, r) => n + (r.copying?.proseCharacters ?? 0), 0);
  const copied = measured.reduce((n, r) => n + (r.copying?.copiedCharacters ?? 0), 0);
  return {
    bytes,
    findings: result.findings,
    outcome: {
      file,
      status: "checked",
      format: result.format,
      year: result.year,
      unit: result.unit,
      error: null,
      findings: result.findings,
      previous: previousSnapshot ? previousPath : null,
      ...(previousSnapshot && { previousYear }),
      ...(previousNote && { previousNote }),
      reports: result.reports.map(({ unit, year, format, copying }) => ({
        unit,
        year,
        format,
        ...(previousSnapshot && { similarity: copying ? copying.similarity : null }),
      })),
      ...(previousSnapshot && {
        similarity: measured.length === 0 ? null : prose === 0 ? 0 : copied / prose,
      }),
      ...(extras.fingerprints && {
        fingerprints: result.reports.map((r) => sampleFingerprint(fingerprint(proseOf(r.model)))),
      }),
    },
  };
}

/** A file found in a folder and listed, not checked. */
export function notCheckedOutcome(
  file: string,
  reason: { code: string; message: string; mayBeReport: boolean },
): FileOutcome {
  return {
    file,
    status: "not-checked",
    format: "unknown",
    year: null,
    unit: null,
    error: { code: reason.code, message: COPY.notChecked(reason.message), detail: reason.code },
    findings: [],
    previous: null,
    mayBeReport: reason.mayBeReport,
  };
}

/**
 * Last year's report for a file, or why there is none. A file is never its own last year,
 * whatever the spelling that reached it (compared by identity). In a folder, a unit's report of
 * an earlier year is taken, the latest first; one of this year or later is not last year's.
 */
function findPrevious(
  snapshot: DocumentSnapshot,
  previous: PreviousReports,
  self: string | null,
): { file: PreviousFile } | { note: NonNullable<FileOutcome["previousNote"]> } | { none: true } {
  const note = (code: PreviousNoteCode, why: string) => ({
    note: { code, message: INPUT.previousNote(why) },
  });
  const isSelf = (candidate: PreviousFile) => self !== null && candidate.id === self;
  if (previous.kind === "none") return { none: true };
  if (previous.kind === "file")
    return isSelf(previous.file)
      ? note("previous-same-file", INPUT.previousSame)
      : { file: previous.file };
  const model = recognize(snapshot);
  const unit = model.title?.unit;
  if (!unit) return note("previous-no-unit", INPUT.previousNoUnit);
  const all = previous.units[unitKey(unit)] ?? [];
  const candidates = all.filter((c) => !isSelf(c));
  if (candidates.length === 0)
    return all.length > 0
      ? note("previous-same-file", INPUT.previousSame)
      : note("previous-not-found", INPUT.previousNotFound(unit));
  const year = model.year;
  if (year === null) return { file: candidates[0] as PreviousFile };
  const earlier = candidates
    .filter((c) => c.year !== null && c.year < year)
    .sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
  const chosen = earlier[0] ?? candidates.find((c) => c.year === null);
  return chosen
    ? { file: chosen }
    : note("previous-not-earlier", INPUT.previousNotEarlier(unit, year));
}
