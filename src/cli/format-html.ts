/**
 * A self-contained HTML report for the supervising office: a summary of every file with its
 * counts by severity, worst first, then a section per file. No scripts, no external assets.
 */
import { escapeXml, type Finding, type FormatId, type Severity } from "../core";
import type { FileOutcome } from "./check-file";
import {
  describeLocation,
  describeReport,
  fileStatus,
  groupFindings,
  reportsOf,
  type ReportGroup,
} from "./describe-location";
import type { Excluded } from "./files";
import { notes, summaryCounts } from "./format-text";
import { HTML, PREVIOUS_FILE, REPORT, REVIEW, ruleName, SEVERITY_LABEL } from "./report-strings";
import { reviewCounts, type BatchReview } from "./review";
import { sanitizeDeep } from "./sanitize";
import { HTML_REPORT_START } from "./html-start";

/** The core's XML escaping covers HTML text and attribute values alike. */
const escapeHtml = escapeXml;

const count = (o: FileOutcome, s: Severity) => o.findings.filter((f) => f.severity === s).length;

/** Unreadable files first, then documents not checked, then by errors, warnings and name. */
const rank = (o: FileOutcome) =>
  o.status === "unreadable" ? 0 : o.status !== "not-checked" ? 2 : o.mayBeReport ? 1 : 3;

export function worstFirst(outcomes: FileOutcome[]): FileOutcome[] {
  return [...outcomes].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      count(b, "error") - count(a, "error") ||
      count(b, "warning") - count(a, "warning") ||
      a.file.localeCompare(b.file),
  );
}

export function formatHtml(
  rawOutcomes: FileOutcome[],
  rawExcluded: Excluded[] = [],
  generatedAt: Date = new Date(),
  rawBatch: BatchReview = {},
): string {
  // Control and bidi characters shown escaped: a name cannot reorder the page around it.
  const outcomes = sanitizeDeep(rawOutcomes, true);
  const excluded = sanitizeDeep(rawExcluded, true);
  const batch = sanitizeDeep(rawBatch, true);
  const counts = summaryCounts(outcomes);
  const reviewed = batch.baseline !== undefined;
  const similar = outcomes.some((o) => o.similarity !== undefined);
  // With --baseline, units with problems still open come first.
  const sorted = reviewed
    ? worstFirst(outcomes).sort((a, b) => reviewCounts(b).open - reviewCounts(a).open)
    : worstFirst(outcomes);
  const anchor = (i: number) => `f${i}`;
  const summaryRows = sorted
    .map((o, i) => {
      const status = fileStatus(o);
      const numbers =
        o.status === "checked"
          ? (["error", "warning", "info"] as Severity[])
              .map((s) => `<td class="num ${count(o, s) ? s : ""}">${count(o, s)}</td>`)
              .join("")
          : `<td class="num" colspan="3"></td>`;
      const units = reportsOf(o)
        .map((r) => r.unit ?? "")
        .filter(Boolean);
      const unit =
        units.length > 1 ? REPORT.severalUnits(units[0] as string, units.length) : (units[0] ?? "");
      const review = reviewed ? reviewCells(o) : "";
      const similarity = similar
        ? `<td class="num similarity">${typeof o.similarity === "number" ? REVIEW.percent(o.similarity) : ""}</td>`
        : "";
      return `<tr><td><a href="#${anchor(i)}">${escapeHtml(o.file)}</a></td><td>${escapeHtml(o.status === "checked" ? unit : "")}</td><td class="year">${o.status === "checked" ? (o.year ?? "") : ""}</td><td class="status ${statusClass(o)}">${status}</td>${numbers}${review}${similarity}</tr>`;
    })
    .join("\n");
  const header = [
    ...HTML.summaryHeader.map((h, i) => [h, SUMMARY_CLASSES[i] ?? ""] as const),
    ...(reviewed
      ? (["fixed", "open", "new"] as const).map((s) => [REVIEW.statusWord[s], `num ${s}`] as const)
      : []),
    ...(similar ? [[REVIEW.htmlSimilarity, "num similarity"] as const] : []),
  ];
  const sections = sorted.map((o, i) => fileSection(o, anchor(i))).join("\n");
  const span = (id: string, value: number) => `<span id="${id}">${value}</span>`;
  return `${HTML_REPORT_START}<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${HTML.title}</h1>
<p>${HTML.intro({
    total: span("file-count", counts.total),
    checked: span("total-checked", counts.checked),
    unreadable: span("total-unreadable", counts.unreadable),
    notChecked: span("total-not-checked", counts.notChecked),
    errors: span("total-error", counts.errors),
    warnings: span("total-warning", counts.warnings),
    infos: span("total-info", counts.infos),
    time: localTime(generatedAt),
  })}</p>
<table id="summary">
<thead><tr>${header.map(([h, c]) => `<th class="${c}">${h}</th>`).join("")}</tr></thead>
<tbody>
${summaryRows}
</tbody>
</table>
${reviewNotes(batch)}
${notes(excluded)
  .map((note) => `<p class="note">${escapeHtml(note)}</p>`)
  .join("\n")}
${crossSection(batch)}
${sections}
</main>
</body>
</html>
`;
}

const SUMMARY_CLASSES = ["file", "unit", "year", "status", "num", "num", "num"];

/** --baseline: fixed, open and new, one column each. */
function reviewCells(o: FileOutcome): string {
  if (!o.review) return `<td class="num" colspan="3"></td>`;
  const counts = reviewCounts(o);
  return (["fixed", "open", "new"] as const)
    .map((s) => `<td class="num ${counts[s] ? s : ""}">${counts[s]}</td>`)
    .join("");
}

function reviewNotes(batch: BatchReview): string {
  if (!batch.baseline) return "";
  return batch.baseline.missing
    .map((m) => `<p class="note">${escapeHtml(REVIEW.missing(REVIEW.unitRef(m.unit, m.file)))}</p>`)
    .join("\n");
}

/** --cross-similarity: the pairs of units, most similar first. */
function crossSection(batch: BatchReview): string {
  const pairs = batch.crossSimilarity;
  if (!pairs) return "";
  const rows = pairs
    .map(
      (p) =>
        `<tr><td>${escapeHtml(REVIEW.unitRef(p.a.unit, p.a.file))}</td><td>${escapeHtml(REVIEW.unitRef(p.b.unit, p.b.file))}</td><td class="num">${REVIEW.percent(p.similarity)}</td></tr>`,
    )
    .join("");
  const body =
    pairs.length === 0
      ? `<p>${REVIEW.crossNone}</p>`
      : `<table id="cross-similarity"><thead><tr>${HTML.crossHeader.map((h, i) => `<th${i === 2 ? ' class="num"' : ""}>${h}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table>`;
  return `<section class="cross"><h2>${REVIEW.crossHeading}</h2>${body}</section>`;
}

function statusClass(outcome: FileOutcome): string {
  if (outcome.status === "not-checked") return "skipped";
  if (outcome.status === "unreadable") return "error";
  if (count(outcome, "error")) return "error";
  return count(outcome, "warning") ? "warning" : "passed";
}

/**
 * On screen and on A4 paper: the severity and status words never wrap (a narrow column broke
 * 错误 into one character per line), findings are a table whose header repeats on every page,
 * and a finding is never split across two pages.
 */
const STYLE = `
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 2rem; color: #1a1a1a; line-height: 1.5; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; width: 100%; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eee; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; width: 3.5em; }
td.year, th.year, td.status, th.status, td.severity, th.severity { white-space: nowrap; width: 1%; }
td.rule, th.rule { width: 9em; }
td.where, th.where { width: 11em; }
td.file { word-break: break-all; }
.error { color: #a4000f; font-weight: bold; }
.warning { color: #8a5300; font-weight: bold; }
.info { color: #00528a; }
.passed { color: #1d6b2f; }
.skipped { color: #5c2d91; font-weight: bold; }
.new { color: #a4000f; font-weight: bold; }
.open { color: #8a5300; font-weight: bold; }
.fixed { color: #1d6b2f; }
td.review, th.review { white-space: nowrap; width: 1%; }
code { color: #555; font-size: 0.85em; }
section.file { border-top: 2px solid #333; margin-top: 2rem; }
h2 { font-size: 1.2rem; word-break: break-all; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.2rem; }
h4 { font-size: 1rem; margin: 0.8rem 0 0.2rem; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  section.file { break-before: auto; }
}
`;

function findingsTable(
  findings: Finding[],
  format: FormatId | "unknown",
  outcome: FileOutcome,
): string {
  const statusOf = (f: Finding) => outcome.review?.statuses[outcome.findings.indexOf(f)];
  const rows = findings
    .map((f) => {
      const status = statusOf(f);
      const review = outcome.review
        ? `<td class="review ${status ?? ""}">${status ? REVIEW.statusWord[status] : ""}</td>`
        : "";
      return `<tr>${review}<td class="severity ${f.severity}">${SEVERITY_LABEL[f.severity]}</td><td>${escapeHtml(f.message)}</td><td class="where">${escapeHtml(describeLocation(f, format))}</td><td class="rule">${escapeHtml(ruleName(f.rule))} <code>${f.rule}</code></td></tr>`;
    })
    .join("");
  const classes = ["severity", "message", "where", "rule"];
  const reviewHeader = outcome.review ? `<th class="review">${REVIEW.csvHeader}</th>` : "";
  return `<table class="findings"><thead><tr>${reviewHeader}${HTML.findingsHeader.map((h, i) => `<th class="${classes[i]}">${h}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** --baseline: the earlier round's findings of this report that are gone. */
function fixedTable(group: ReportGroup, outcome: FileOutcome, level: string): string {
  const review = outcome.review?.reports[group.index];
  if (!review) return "";
  const counts = `<p class="review-counts">${escapeHtml(REVIEW.counts(review.baselineFile, review.fixed.length, review.open, review.new))}</p>`;
  if (review.fixed.length === 0) return counts;
  const rows = review.fixed
    .map(
      (f) =>
        `<tr><td class="review fixed">${REVIEW.statusWord.fixed}</td><td class="severity ${f.severity}">${SEVERITY_LABEL[f.severity]}</td><td>${escapeHtml(f.message)}</td><td class="rule">${escapeHtml(ruleName(f.rule))} <code>${escapeHtml(f.rule)}</code></td></tr>`,
    )
    .join("");
  return `${counts}<${level}>${REVIEW.fixedHeading}</${level}><table class="findings fixed"><thead><tr>${HTML.fixedHeader.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table>`;
}

function reportBody(group: ReportGroup, heading: string, outcome: FileOutcome): string {
  const level = heading ? "h4" : "h3";
  const fixed = fixedTable(group, outcome, level);
  if (group.findings.length === 0)
    return `${heading}<p class="passed">${REPORT.noFindings}</p>${fixed}`;
  return (
    heading +
    group.sections
      .map(
        (section) =>
          `<${level}>${escapeHtml(section.heading)}</${level}>${findingsTable(section.findings, group.report.format, outcome)}`,
      )
      .join("") +
    fixed
  );
}

function fileSection(outcome: FileOutcome, id: string): string {
  const title = `<h2 id="${id}">${escapeHtml(outcome.file)}</h2>`;
  if (outcome.status === "not-checked" && outcome.error)
    return `<section class="file">${title}<p class="skipped">${escapeHtml(outcome.error.message)}</p></section>`;
  if (outcome.error)
    return `<section class="file">${title}<p class="error">${escapeHtml(REPORT.unreadableReason(outcome.error.message))}</p></section>`;
  const copy = outcome.annotateError
    ? `<p class="error">${escapeHtml(outcome.annotateError.message)}</p>`
    : outcome.annotated
      ? `<p>${escapeHtml(REPORT.copy(outcome.annotated))}</p>`
      : "";
  const groups = groupFindings(outcome);
  const similarity =
    (typeof outcome.similarity === "number"
      ? `<p class="similarity">${REVIEW.similarity(outcome.similarity)}</p>`
      : "") +
    (outcome.previous !== null
      ? `<p class="note previous-file">${escapeHtml(PREVIOUS_FILE.compared(outcome.previous, outcome.previousYear ?? null))}</p>`
      : "") +
    (outcome.previousNote
      ? `<p class="note previous-note">${escapeHtml(outcome.previousNote.message)}</p>`
      : "");
  if (groups.length === 1) {
    const [group] = groups as [ReportGroup];
    return `<section class="file">${title}<p>${escapeHtml(describeReport(group.report))}</p>${similarity}${copy}${reportBody(group, "", outcome)}</section>`;
  }
  const body = groups
    .map((group) =>
      reportBody(
        group,
        `<h3 class="report">${escapeHtml(REPORT.reportHeading(group.index + 1, groups.length, describeReport(group.report)))}</h3>`,
        outcome,
      ),
    )
    .join("");
  return `<section class="file">${title}<p>${escapeHtml(REPORT.reportsInFile(groups.length))}</p>${similarity}${copy}${body}</section>`;
}

/** The machine's local time: the reader is in the same office as the machine. */
function localTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
