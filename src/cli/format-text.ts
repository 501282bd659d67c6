/** The terminal report: per file, findings grouped by section, colour only on a terminal. */
import type { Severity } from "../core";
import type { FileOutcome, ReportReview } from "./check-file";
import type { BatchReview } from "./review";
import type { Excluded } from "./files";
import { describeReport, groupFindings, type ReportGroup } from "./describe-location";
import { PREVIOUS_FILE, REPORT, REVIEW, ruleName, SEVERITY_LABEL, SUMMARY } from "./report-strings";
import { sanitizeDeep } from "./sanitize";

export interface Palette {
  error: (text: string) => string;
  warning: (text: string) => string;
  info: (text: string) => string;
  dim: (text: string) => string;
  bold: (text: string) => string;
}

const ansi = (open: number, close: number) => (text: string) =>
  `\u001b[${open}m${text}\u001b[${close}m`;
export const COLORS: Palette = {
  error: ansi(31, 39),
  warning: ansi(33, 39),
  info: ansi(36, 39),
  dim: ansi(2, 22),
  bold: ansi(1, 22),
};
export const PLAIN: Palette = {
  error: (t) => t,
  warning: (t) => t,
  info: (t) => t,
  dim: (t) => t,
  bold: (t) => t,
};

export function formatText(
  rawOutcomes: FileOutcome[],
  palette: Palette,
  rawExcluded: Excluded[] = [],
  rawBatch: BatchReview = {},
): string {
  // Names and cell text shown escaped: nothing a document carries acts on the terminal.
  const outcomes = sanitizeDeep(rawOutcomes);
  const excluded = sanitizeDeep(rawExcluded);
  const batch = sanitizeDeep(rawBatch);
  const lines: string[] = [];
  for (const outcome of outcomes) {
    lines.push(...formatFile(outcome, palette), ...formatCopy(outcome, palette), "");
  }
  lines.push(...crossSection(batch, palette));
  lines.push(summary(outcomes, palette), ...reviewSummary(outcomes, batch), ...notes(excluded));
  return `${lines.join("\n")}\n`;
}

/** --cross-similarity: each pair of units above the threshold, most similar first. */
function crossSection(batch: BatchReview, p: Palette): string[] {
  const pairs = batch.crossSimilarity;
  if (!pairs) return [];
  if (pairs.length === 0) return [p.bold(REVIEW.crossHeading), `  ${REVIEW.crossNone}`, ""];
  return [
    p.bold(REVIEW.crossHeading),
    ...pairs.map(
      (pair) =>
        `  ${p.warning(REVIEW.percent(pair.similarity))}  ${REVIEW.unitRef(pair.a.unit, pair.a.file)} ↔ ${REVIEW.unitRef(pair.b.unit, pair.b.file)}`,
    ),
    "",
  ];
}

/** --baseline: the counts over the batch, and the earlier units missing from this round. */
function reviewSummary(outcomes: FileOutcome[], batch: BatchReview): string[] {
  if (!batch.baseline) return [];
  const reports = outcomes.flatMap((o) => o.review?.reports ?? []);
  const sum = (pick: (r: ReportReview) => number) => reports.reduce((n, r) => n + pick(r), 0);
  return [
    REVIEW.totals(
      batch.baseline.file,
      sum((r) => r.fixed.length),
      sum((r) => r.open),
      sum((r) => r.new),
    ),
    ...batch.baseline.missing.map((m) => REVIEW.missing(REVIEW.unitRef(m.unit, m.file))),
  ];
}

function formatCopy(outcome: FileOutcome, p: Palette): string[] {
  if (outcome.annotateError) return [`  ${p.error(`✖ ${outcome.annotateError.message}`)}`];
  return outcome.annotated ? [`  ${p.dim(REPORT.copy(outcome.annotated))}`] : [];
}

/** Left out on purpose: our own copies (counted), folders and files reached twice (named). */
export function notes(excluded: Excluded[]): string[] {
  const copies = excluded.filter((e) => e.code === "annotated-copy").length;
  return [
    ...(copies ? [REPORT.copiesNote(copies)] : []),
    ...excluded
      .filter((e) => e.code === "folder-seen" || e.code === "file-seen")
      .map((e) => REPORT.folderSeenNote(e.path, e.message)),
  ];
}

function formatFile(result: FileOutcome, p: Palette): string[] {
  const { file, error } = result;
  if (result.status === "not-checked" && error) {
    return [
      p.bold(file),
      `  ${p.warning(REPORT.notChecked)}  ${error.message.replace(REPORT.notCheckedPrefix, "")}`,
    ];
  }
  if (error) return [p.bold(file), `  ${p.error(REPORT.unreadable)}  ${error.message}`];
  const groups = groupFindings(result);
  const similarity = [
    ...(typeof result.similarity === "number"
      ? [`  ${p.dim(REVIEW.similarity(result.similarity))}`]
      : []),
    ...(result.previous !== null
      ? [`  ${p.dim(PREVIOUS_FILE.compared(result.previous, result.previousYear ?? null))}`]
      : []),
    ...(result.previousNote ? [`  ${p.warning(result.previousNote.message)}`] : []),
  ];
  if (groups.length === 1) {
    const lines = [`${p.bold(file)}  ${p.dim(describeReport(groups[0]!.report))}`, ...similarity];
    return [...lines, ...formatReport(groups[0]!, "  ", p, result)];
  }
  const lines = [`${p.bold(file)}  ${p.dim(REPORT.reportsInFile(groups.length))}`, ...similarity];
  for (const group of groups) {
    lines.push(
      `  ${p.bold(REPORT.reportHeading(group.index + 1, groups.length, describeReport(group.report)))}`,
      ...formatReport(group, "    ", p, result),
    );
  }
  return lines;
}

function formatReport(
  group: ReportGroup,
  indent: string,
  p: Palette,
  outcome: FileOutcome,
): string[] {
  const review = outcome.review?.reports[group.index];
  const fixed = (review?.fixed ?? []).map(
    (f) => `${indent}  ${p.info(REVIEW.fixedLabel)}  ${f.message}  ${p.dim(ruleName(f.rule))}`,
  );
  const compared = review
    ? [
        `${indent}${p.dim(
          REVIEW.counts(review.baselineFile, review.fixed.length, review.open, review.new),
        )}`,
      ]
    : [];
  if (group.findings.length === 0)
    return [
      `${indent}${p.info(REPORT.noFindings)}`,
      ...(fixed.length ? [`${indent}${p.bold(REVIEW.fixedHeading)}`, ...fixed] : []),
      ...compared,
    ];
  const lines: string[] = [];
  for (const section of group.sections) {
    lines.push(`${indent}${p.bold(section.heading)}`);
    for (const finding of section.findings) {
      const color = p[finding.severity];
      const status = outcome.review?.statuses[outcome.findings.indexOf(finding)];
      const tag = status ? `${p.bold(REVIEW.statusTag[status])} ` : "";
      lines.push(
        `${indent}  ${tag}${color(SEVERITY_LABEL[finding.severity])}  ${finding.message}  ${p.dim(ruleName(finding.rule))}`,
      );
    }
  }
  if (fixed.length) lines.push(`${indent}${p.bold(REVIEW.fixedHeading)}`, ...fixed);
  const count = (s: Severity) => group.findings.filter((f) => f.severity === s).length;
  lines.push(`${indent}${p.dim(REPORT.counts(count("error"), count("warning"), count("info")))}`);
  lines.push(...compared);
  return lines;
}

/** 共 9 个文件：已检查 6，2 个有错误，无法读取 1，未检查 2 */
export function summaryCounts(outcomes: FileOutcome[]) {
  const checked = outcomes.filter((o) => o.status === "checked");
  return {
    total: outcomes.length,
    checked: checked.length,
    withErrors: checked.filter((o) => o.findings.some((f) => f.severity === "error")).length,
    unreadable: outcomes.filter((o) => o.status === "unreadable").length,
    notChecked: outcomes.filter((o) => o.status === "not-checked").length,
    copyFailures: outcomes.filter((o) => o.annotateError).length,
    errors: checked.reduce(
      (n, o) => n + o.findings.filter((f) => f.severity === "error").length,
      0,
    ),
    warnings: checked.reduce(
      (n, o) => n + o.findings.filter((f) => f.severity === "warning").length,
      0,
    ),
    infos: checked.reduce((n, o) => n + o.findings.filter((f) => f.severity === "info").length, 0),
  };
}

function summary(outcomes: FileOutcome[], p: Palette): string {
  const counts = summaryCounts(outcomes);
  const parts = [SUMMARY.files(counts.total, counts.checked)];
  if (counts.checked) parts.push(SUMMARY.withErrors(counts.withErrors));
  if (counts.unreadable) parts.push(p.error(SUMMARY.unreadable(counts.unreadable)));
  if (counts.notChecked) parts.push(p.warning(SUMMARY.notChecked(counts.notChecked)));
  if (counts.copyFailures) parts.push(p.error(SUMMARY.copyFailures(counts.copyFailures)));
  return parts.join("，");
}
