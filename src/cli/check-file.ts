/** One file through the engine; every failure becomes a per-file error, never an exception. */
import { readFileSync, statSync, writeFileSync } from "node:fs";
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

/** What a batch keeps of a file: the findings, never the document. */
export interface FileOutcome {
  file: string;
  format: FormatId | "unknown";
  year: number | null;
  unit: string | null;
  error: { code: string; message: string; detail: string } | null;
  findings: Finding[];
  /** Last year's report used for the cross-year rules, if any. */
  previous: string | null;
  /** Where the annotated copy was written, if one was asked for. */
  annotated?: string | null;
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
  annotateTo: string | null = null,
): FileOutcome {
  const failed = (code: string, message: string, detail: string): FileOutcome => ({
    file,
    format: "unknown",
    year: null,
    unit: null,
    error: { code, message, detail },
    findings: [],
    previous: null,
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
  let annotated: string | null = null;
  if (annotateTo) {
    // A copy only: the original is never written (the batch refuses an output path equal to an input).
    writeFileSync(annotateTo, annotateDocx(bytes, result.findings));
    annotated = annotateTo;
  }
  return {
    file,
    format: result.format,
    year: result.year,
    unit: result.unit,
    error: null,
    findings: result.findings,
    previous: previousSnapshot ? previousPath : null,
    annotated,
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
