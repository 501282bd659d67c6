/** One file through the engine; every failure becomes a per-file error, never an exception. */
import { readFileSync, statSync } from "node:fs";
import { annotateDocx } from "../core/annotate/annotate";
import {
  check,
  DEFAULT_LIMITS,
  DocumentReadError,
  readDocument,
  recognize,
  userMessageFor,
  type DocumentSnapshot,
  type Finding,
  type FormatId,
} from "../core";
import { normalizeLabel } from "../core/text/normalize";

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
  /** Where the annotated copy was written, if one was asked for. */
  annotated?: string | null;
  /** Why the annotated copy could not be made; the findings still stand. */
  annotateError?: FileProblem | null;
  /** Not checked, but it may be a report: the run cannot be called clean. */
  mayBeReport?: boolean;
}

/** A checked file and, when asked for, its annotated copy's bytes (written by the caller). */
export interface CheckedFile {
  outcome: FileOutcome;
  annotated?: Uint8Array;
}

/** Last year's reports: one file for every input, or files found by unit name. */
export type PreviousReports =
  | { kind: "none" }
  | { kind: "file"; path: string }
  | { kind: "byUnit"; units: Record<string, string> };

export function readSnapshot(path: string): DocumentSnapshot {
  return readFile(path).snapshot;
}

function readFile(path: string): { bytes: Uint8Array; snapshot: DocumentSnapshot } {
  const size = statSync(path).size;
  if (size > DEFAULT_LIMITS.maxFileBytes) throw new DocumentReadError("too-large", `${size} bytes`);
  const bytes = new Uint8Array(readFileSync(path));
  return { bytes, snapshot: readDocument(bytes) };
}

export function unitKey(unit: string): string {
  return normalizeLabel(unit).replace(/人民政府$|政府$/, "");
}

export function checkFile(
  file: string,
  previous: PreviousReports = { kind: "none" },
  annotate = false,
): CheckedFile {
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
  let snapshot: DocumentSnapshot;
  let bytes: Uint8Array;
  try {
    ({ bytes, snapshot } = readFile(file));
  } catch (error) {
    if (error instanceof DocumentReadError)
      return failed(error.code, error.userMessage, error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      return failed("not-found", "找不到该文件或文件夹。", "no such file or directory");
    return failed(
      "unreadable",
      userMessageFor("unreadable"),
      error instanceof Error ? error.message : String(error),
    );
  }
  const previousPath = findPrevious(snapshot, previous, file);
  let previousSnapshot: DocumentSnapshot | null = null;
  if (previousPath) {
    try {
      previousSnapshot = readSnapshot(previousPath);
    } catch {
      previousSnapshot = null;
    }
  }
  const result = check(snapshot, { previous: previousSnapshot });
  const outcome: FileOutcome = {
    file,
    status: "checked",
    format: result.format,
    year: result.year,
    unit: result.unit,
    error: null,
    findings: result.findings,
    previous: previousSnapshot ? previousPath : null,
  };
  if (!annotate) return { outcome };
  try {
    return { outcome, annotated: annotateDocx(bytes, result.findings) };
  } catch (error) {
    outcome.annotated = null;
    outcome.annotateError = {
      code: "annotate-failed",
      message: "未能生成批注副本（文档结构无法标注）",
      detail: error instanceof Error ? error.message : String(error),
    };
    return { outcome };
  }
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
    error: { code: reason.code, message: `未检查：${reason.message}`, detail: reason.code },
    findings: [],
    previous: null,
    mayBeReport: reason.mayBeReport,
  };
}

function findPrevious(
  snapshot: DocumentSnapshot,
  previous: PreviousReports,
  file: string,
): string | null {
  if (previous.kind === "none") return null;
  if (previous.kind === "file") return previous.path === file ? null : previous.path;
  const unit = recognize(snapshot).title?.unit;
  return unit ? (previous.units[unitKey(unit)] ?? null) : null;
}
