/**
 * The 整改台账 (--format xlsx): one workbook with a summary sheet (a row per report: unit,
 * format, year, counts, and against a baseline what was fixed) and a sheet of findings for the
 * office to work through (unit, section, rule, message, cell, status, and an empty 整改情况
 * column to fill in). The review fields (a finding's `status`, a file's `fixed` and
 * `similarity`) are read from the JSON report when a run adds them; without them those columns
 * stay empty.
 */
import { sectionOfLocation, type JsonReport, type JsonFinding, type Finding } from "../core";
import type { FileOutcome } from "./check-file";
import {
  describeLocation,
  fileStatus,
  findingsStatus,
  groupFindings,
  sectionHeading,
} from "./describe-location";
import type { Excluded } from "./files";
import { buildJsonReport } from "./format-json";
import { PREVIOUS_FILE, REPORT, ruleName, SEVERITY_WORD, STATUS, XLSX } from "./report-strings";
import { sanitizeDeep } from "./sanitize";
import { writeWorkbook, type XlsxCell, type XlsxColumn } from "./xlsx/workbook";

/** What a resubmission check (--baseline) adds to a finding: new since, or still open. */
export type FindingReviewStatus = "new" | "open";

/** The review fields of the JSON report, all optional: read when present, never required. */
interface ReviewedFile {
  /** Findings of the baseline that are gone. */
  fixed?: JsonFinding[];
  /** Share of this year's prose found in last year's report (0–1). */
  similarity?: number | null;
}
type ReviewedFinding = JsonFinding & { status?: string };

const SUMMARY_KEYS = [
  "unit",
  "file",
  "year",
  "format",
  "status",
  "errors",
  "warnings",
  "infos",
  "review",
  "similarity",
  "note",
] as const;
const FINDING_KEYS = [
  "unit",
  "file",
  "section",
  "severity",
  "rule",
  "message",
  "location",
  "status",
  "remedy",
] as const;

type Row<K extends string> = Partial<Record<K, XlsxCell>>;

const SUMMARY_COLUMNS: XlsxColumn[] = SUMMARY_KEYS.map((key) => ({
  header: XLSX.summaryHeader[key],
  ...(key === "similarity" && { percent: true }),
  ...((key === "file" || key === "note") && { maxWidth: 40 }),
}));
const FINDING_COLUMNS: XlsxColumn[] = FINDING_KEYS.map((key) => ({
  header: XLSX.findingsHeader[key],
  ...(key === "message" && { maxWidth: 60 }),
  ...(key === "file" && { maxWidth: 30 }),
  // Room to write in, however short the rest is.
  ...(key === "remedy" && { maxWidth: 40 }),
}));

export interface XlsxOptions {
  /** The JSON report of the same run (with any review fields); built from the outcomes if absent. */
  report?: JsonReport;
  created?: Date;
}

export function formatXlsx(
  rawOutcomes: FileOutcome[],
  rawExcluded: Excluded[] = [],
  options: XlsxOptions = {},
): Uint8Array {
  // Control and bidi characters shown escaped, as in the CSV report.
  const outcomes = sanitizeDeep(rawOutcomes, true);
  const excluded = sanitizeDeep(rawExcluded, true);
  // Only the review fields are read from it: `fixed` is sanitized where it is used.
  const json = options.report ?? buildJsonReport(rawOutcomes, rawExcluded);
  const summary: XlsxCell[][] = [];
  const findings: XlsxCell[][] = [];
  const summaryRow = (r: Row<(typeof SUMMARY_KEYS)[number]>) =>
    summary.push(SUMMARY_KEYS.map((key) => r[key] ?? null));
  const findingRow = (r: Row<(typeof FINDING_KEYS)[number]>) =>
    findings.push(FINDING_KEYS.map((key) => r[key] ?? null));

  outcomes.forEach((outcome, fileIndex) => {
    const file = outcome.file;
    const jsonFile = json.files[fileIndex] as
      (JsonReport["files"][number] & ReviewedFile) | undefined;
    if (outcome.status !== "checked") {
      summaryRow({
        file,
        status: fileStatus(outcome),
        note: outcome.error?.message.replace(REPORT.notCheckedPrefix, "") ?? null,
      });
      return;
    }
    const jsonFindings = (jsonFile?.findings ?? []) as ReviewedFinding[];
    const statusOf = (finding: Finding): string | null => {
      const status = jsonFindings[outcome.findings.indexOf(finding)]?.status;
      return status ? (XLSX.findingStatus[status] ?? status) : null;
    };
    const fixed = jsonFile?.fixed && sanitizeDeep(jsonFile.fixed, true);
    const reviewed = fixed !== undefined || jsonFindings.some((f) => f.status !== undefined);
    const similarity = typeof jsonFile?.similarity === "number" ? jsonFile.similarity : null;
    for (const group of groupFindings(outcome)) {
      const { unit, year, format } = group.report;
      const count = (severity: Finding["severity"]) =>
        group.findings.filter((f) => f.severity === severity).length;
      const statuses = group.findings.map(statusOf);
      // Fixed findings belong to the file; shown with its first report.
      const fixedHere = group.index === 0 ? (fixed?.length ?? 0) : 0;
      summaryRow({
        unit,
        file,
        year,
        format: XLSX.format[format],
        status: findingsStatus(group.findings),
        errors: count("error"),
        warnings: count("warning"),
        infos: count("info"),
        review: reviewed
          ? XLSX.review(
              fixedHere,
              statuses.filter((s) => s === XLSX.findingStatus.open).length,
              statuses.filter((s) => s === XLSX.findingStatus.new).length,
            )
          : null,
        similarity: group.index === 0 ? similarity : null,
        note: group.index === 0 ? fileNote(outcome) : null,
      });
      for (const section of group.sections)
        for (const finding of section.findings)
          findingRow({
            unit,
            file,
            section: section.heading,
            severity: SEVERITY_WORD[finding.severity],
            rule: ruleName(finding.rule),
            message: finding.message,
            location: describeLocation(finding, format),
            status: statusOf(finding),
          });
    }
    const format = outcome.reports?.[0]?.format ?? outcome.format;
    for (const gone of fixed ?? [])
      findingRow({
        unit: outcome.unit,
        file,
        section: sectionHeading(sectionOfLocation(gone.location), format),
        severity: SEVERITY_WORD[gone.severity],
        rule: ruleName(gone.rule),
        message: gone.message,
        location: describeLocation(gone, format),
        status: XLSX.findingStatus.fixed,
      });
  });
  for (const { path, message } of excluded)
    summaryRow({ file: path, status: STATUS.excluded, note: message });
  return writeWorkbook(
    [
      { name: XLSX.summarySheet, columns: SUMMARY_COLUMNS, rows: summary },
      { name: XLSX.findingsSheet, columns: FINDING_COLUMNS, rows: findings },
    ],
    { title: XLSX.title, font: XLSX.font, created: options.created ?? new Date() },
  );
}

/**
 * A checked file's 说明: the report it was compared with, or why it was not compared with last
 * year, why no copy was made.
 */
function fileNote(outcome: FileOutcome): string | null {
  const notes = [
    outcome.previous === null
      ? null
      : PREVIOUS_FILE.compared(outcome.previous, outcome.previousYear ?? null),
    outcome.previousNote?.message,
    outcome.annotateError?.message,
  ].filter(Boolean);
  return notes.length > 0 ? notes.join("；") : null;
}
