/**
 * A self-contained HTML report for the supervising office: a summary of every file with its
 * counts by severity, worst first, then a section per file. No scripts, no external assets.
 */
import { FORMATS, sectionOfLocation, sectionTitle, type Finding, type Severity } from "../core";
import { escapeXml } from "../core/template/wordml";
import type { FileOutcome } from "./check-file";
import { describeReport, SEVERITY_LABEL } from "./describe-location";
import type { Excluded } from "./files";
import { notes, summaryCounts } from "./format-text";
import { sanitizeDeep } from "./sanitize";

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
): string {
  // Control and bidi characters shown escaped: a name cannot reorder the page around it.
  const outcomes = sanitizeDeep(rawOutcomes, true);
  const excluded = sanitizeDeep(rawExcluded, true);
  const counts = summaryCounts(outcomes);
  const sorted = worstFirst(outcomes);
  const anchor = (i: number) => `f${i}`;
  const totals = (s: Severity) => outcomes.reduce((n, o) => n + count(o, s), 0);
  const summaryRows = sorted
    .map((o, i) => {
      const status =
        o.status === "not-checked"
          ? `<td class="skipped" colspan="3">未检查</td>`
          : o.error
            ? `<td class="error" colspan="3">无法读取</td>`
            : (["error", "warning", "info"] as Severity[])
                .map((s) => `<td class="num ${count(o, s) ? s : ""}">${count(o, s)}</td>`)
                .join("");
      return `<tr><td><a href="#${anchor(i)}">${escapeHtml(o.file)}</a></td><td>${escapeHtml(o.unit ?? "")}</td><td>${o.year ?? ""}</td>${status}</tr>`;
    })
    .join("\n");
  const sections = sorted.map((o, i) => fileSection(o, anchor(i))).join("\n");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>年报校核报告</title>
<style>
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 2rem; color: #1a1a1a; line-height: 1.5; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; }
.error { color: #a4000f; font-weight: bold; }
.warning { color: #8a5300; }
.info { color: #00528a; }
.skipped { color: #5c2d91; font-weight: bold; }
section.file { border-top: 2px solid #333; margin-top: 2rem; }
h3 { margin-bottom: 0.2rem; }
ul { margin-top: 0.2rem; }
@media print { a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<h1>年报校核报告</h1>
<p>共 <span id="file-count">${counts.total}</span> 个文件：已检查 <span id="total-checked">${counts.checked}</span> 个，无法读取 <span id="total-unreadable">${counts.unreadable}</span> 个，未检查 <span id="total-not-checked">${counts.notChecked}</span> 个。错误 <span id="total-error">${totals("error")}</span> 项，警告 <span id="total-warning">${totals("warning")}</span> 项，提示 <span id="total-info">${totals("info")}</span> 项。生成于 ${localTime(generatedAt)}（本地检查，文档内容未上传）。</p>
<table id="summary">
<thead><tr><th>文件</th><th>单位</th><th>年度</th><th>错误</th><th>警告</th><th>提示</th></tr></thead>
<tbody>
${summaryRows}
</tbody>
</table>
${notes(excluded)
  .map((note) => `<p class="note">${escapeHtml(note)}</p>`)
  .join("\n")}
${sections}
</body>
</html>
`;
}

function fileSection(outcome: FileOutcome, id: string): string {
  const title = `<h2 id="${id}">${escapeHtml(outcome.file)}</h2>`;
  if (outcome.status === "not-checked" && outcome.error)
    return `<section class="file">${title}<p class="skipped">${escapeHtml(outcome.error.message)}</p></section>`;
  if (outcome.error)
    return `<section class="file">${title}<p class="error">无法读取：${escapeHtml(outcome.error.message)}</p></section>`;
  const spec = FORMATS[outcome.format === "unknown" ? "2021" : outcome.format];
  const meta = describeReport(outcome);
  const copy = outcome.annotateError
    ? `<p class="error">${escapeHtml(outcome.annotateError.message)}</p>`
    : outcome.annotated
      ? `<p>批注副本：${escapeHtml(outcome.annotated)}</p>`
      : "";
  if (outcome.findings.length === 0)
    return `<section class="file">${title}<p>${escapeHtml(meta)}</p><p>未发现问题</p>${copy}</section>`;
  const groups = new Map<string, Finding[]>();
  for (const finding of outcome.findings) {
    const key = sectionOfLocation(finding.location) ?? "全文";
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const body = [...groups]
    .map(([key, findings]) => {
      const heading = key === "全文" ? "全文" : sectionTitle(spec, key as never);
      const items = findings
        .map(
          (f) =>
            `<li><span class="${f.severity}">${SEVERITY_LABEL[f.severity]}</span> ${escapeHtml(f.message)} <code>${f.rule}</code></li>`,
        )
        .join("");
      return `<h3>${escapeHtml(heading)}</h3><ul>${items}</ul>`;
    })
    .join("");
  return `<section class="file">${title}<p>${escapeHtml(meta)}</p>${copy}${body}</section>`;
}

/** The machine's local time: the reader is in the same office as the machine. */
function localTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
