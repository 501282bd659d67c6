/**
 * One row per finding, for Excel and WPS 表格: UTF-8 with a BOM (so Chinese opens correctly),
 * CRLF lines, RFC 4180 quoting, and no cell that a spreadsheet would run as a formula. Every
 * file, and every report of a 汇编, has at least one row: a clean one says 「通过」, a file not
 * checked or unreadable says why. Each row names the unit its finding is about.
 */
import type { Severity } from "../core";
import type { FileOutcome } from "./check-file";
import { describeLocation, fileStatus, findingsStatus, groupFindings } from "./describe-location";
import type { Excluded } from "./files";
import {
  CSV_HEADER,
  PREVIOUS_FILE,
  REPORT,
  REVIEW,
  ruleName,
  SEVERITY_WORD,
  STATUS,
} from "./report-strings";
import type { BatchReview } from "./review";
import { sanitizeDeep } from "./sanitize";

type Cell = string | number | null;
/** In the order of CSV_HEADER. */
const COLUMNS = [
  "file",
  "unit",
  "year",
  "status",
  "severity",
  "section",
  "location",
  "message",
  "name",
  "id",
  "review",
] as const;
type Column = (typeof COLUMNS)[number];

export function csvField(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  // A leading = + - @ (or tab/CR) would make the cell a formula in Excel (CSV injection).
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(
  rawOutcomes: FileOutcome[],
  rawExcluded: Excluded[] = [],
  batch: BatchReview = {},
): string {
  // Control and bidi characters shown escaped: a cell cannot reorder or break the sheet.
  const outcomes = sanitizeDeep(rawOutcomes, true);
  const excluded = sanitizeDeep(rawExcluded, true);
  // With --baseline, one more column: 新发现 / 未改正 / 已改正 (fixed findings get rows too).
  const reviewed = batch.baseline !== undefined;
  const columns = reviewed ? COLUMNS : COLUMNS.filter((c) => c !== "review");
  const rows: Cell[][] = [reviewed ? [...CSV_HEADER, REVIEW.csvHeader] : CSV_HEADER];
  const row = (r: Partial<Record<Column, Cell>>): Cell[] =>
    columns.map((column) => r[column] ?? null);
  for (const outcome of outcomes) {
    const file = outcome.file;
    if (outcome.status === "not-checked" && outcome.error) {
      const message = outcome.error.message.replace(REPORT.notCheckedPrefix, "");
      rows.push(row({ file, status: STATUS.notChecked, message, id: "not-checked" }));
      continue;
    }
    if (outcome.error) {
      const message = REPORT.unreadableReason(outcome.error.message);
      rows.push(row({ file, status: STATUS.unreadable, message, id: "read-error" }));
      continue;
    }
    for (const group of groupFindings(outcome)) {
      const { unit, year, format } = group.report;
      const status = findingsStatus(group.findings);
      // A finding of this round, or with --baseline one of the earlier round that is gone.
      const findingRow = (
        finding: { severity: Severity; message: string; rule: string },
        cells: Partial<Record<Column, Cell>>,
      ) =>
        row({
          file,
          unit,
          year,
          status,
          severity: SEVERITY_WORD[finding.severity],
          message: finding.message,
          name: ruleName(finding.rule),
          id: finding.rule,
          ...cells,
        });
      for (const section of group.sections)
        for (const finding of section.findings)
          rows.push(
            findingRow(finding, {
              section: section.heading,
              location: describeLocation(finding, format),
              review: reviewWord(outcome, finding),
            }),
          );
      for (const fixed of outcome.review?.reports[group.index]?.fixed ?? [])
        rows.push(findingRow(fixed, { review: REVIEW.statusWord.fixed }));
      if (group.findings.length === 0)
        rows.push(row({ file, unit, year, status, message: REPORT.checkedClean }));
    }
    // Notes on the file as a whole, after its findings.
    const fileRow = (cells: Partial<Record<Column, Cell>>) =>
      row({ file, unit: outcome.unit, year: outcome.year, status: fileStatus(outcome), ...cells });
    if (outcome.previous !== null)
      rows.push(
        fileRow({
          message: PREVIOUS_FILE.compared(outcome.previous, outcome.previousYear ?? null),
          id: PREVIOUS_FILE.csvId,
        }),
      );
    if (outcome.previousNote)
      rows.push(fileRow({ message: outcome.previousNote.message, id: outcome.previousNote.code }));
    if (outcome.annotateError)
      rows.push(
        fileRow({
          severity: SEVERITY_WORD.error,
          message: outcome.annotateError.message,
          id: "annotate-error",
        }),
      );
  }
  for (const { path, code, message } of excluded)
    rows.push(row({ file: path, status: STATUS.excluded, message, id: code }));
  return `\ufeff${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

function reviewWord(outcome: FileOutcome, finding: FileOutcome["findings"][number]): Cell {
  const status = outcome.review?.statuses[outcome.findings.indexOf(finding)];
  return status ? REVIEW.statusWord[status] : null;
}
