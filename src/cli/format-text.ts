/** The terminal report: per file, findings grouped by section, colour only on a terminal. */
import { FORMATS, sectionOfLocation, sectionTitle, type Finding, type Severity } from "../core";
import type { FileOutcome } from "./check-file";
import type { Excluded } from "./files";
import { describeReport, SEVERITY_LABEL } from "./describe-location";
import { sanitizeDeep } from "./sanitize";

export interface Palette {
  error(text: string): string;
  warning(text: string): string;
  info(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) =>
  `\u001b[${open}m${text}\u001b[${close}m`;
export const COLOURS: Palette = {
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
): string {
  // Names and cell text shown escaped: nothing a document carries acts on the terminal.
  const outcomes = sanitizeDeep(rawOutcomes);
  const excluded = sanitizeDeep(rawExcluded);
  const lines: string[] = [];
  for (const outcome of outcomes) {
    lines.push(...formatFile(outcome, palette), ...formatCopy(outcome, palette), "");
  }
  lines.push(summary(outcomes, palette), ...notes(excluded));
  return `${lines.join("\n")}\n`;
}

function formatCopy(outcome: FileOutcome, p: Palette): string[] {
  if (outcome.annotateError) return [`  ${p.error(`✖ ${outcome.annotateError.message}`)}`];
  return outcome.annotated ? [`  ${p.dim(`批注副本：${outcome.annotated}`)}`] : [];
}

/** Files left out on purpose: our own copies (counted), folders reached twice (named). */
export function notes(excluded: Excluded[]): string[] {
  const copies = excluded.filter((e) => e.code === "annotated-copy").length;
  return [
    ...(copies ? [`另有 ${copies} 个批注副本（*.校核.docx）为本工具生成，不再检查`] : []),
    ...excluded.filter((e) => e.code === "folder-seen").map((e) => `“${e.path}”${e.message}`),
  ];
}

function formatFile(result: FileOutcome, p: Palette): string[] {
  const { file, error } = result;
  if (result.status === "not-checked" && error) {
    return [
      p.bold(file),
      `  ${p.warning("⊘ 未检查")}  ${error.message.replace(/^未检查：/, "")} ${p.dim(`(${error.code})`)}`,
    ];
  }
  if (error) {
    return [
      p.bold(file),
      `  ${p.error("✖ 无法读取")}  ${error?.message ?? ""} ${p.dim(`(${error?.code ?? "unreadable"})`)}`,
    ];
  }
  const lines = [`${p.bold(file)}  ${p.dim(describeReport(result))}`];
  if (result.findings.length === 0) {
    lines.push(`  ${p.info("✔")} 未发现问题`);
    return lines;
  }
  const groups = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const key = groupOf(finding);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const spec = FORMATS[result.format === "unknown" ? "2021" : result.format];
  for (const [key, findings] of groups) {
    lines.push(`  ${p.bold(key === "全文" ? "全文" : sectionTitle(spec, key as never))}`);
    for (const finding of findings) {
      const colour = p[finding.severity];
      lines.push(
        `    ${colour(SEVERITY_LABEL[finding.severity])}  ${finding.message}  ${p.dim(finding.rule)}`,
      );
    }
  }
  const count = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  lines.push(
    `  ${p.dim(`错误 ${count("error")} · 警告 ${count("warning")} · 提示 ${count("info")}`)}`,
  );
  return lines;
}

function groupOf(finding: Finding): string {
  return sectionOfLocation(finding.location) ?? "全文";
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
  };
}

function summary(outcomes: FileOutcome[], p: Palette): string {
  const counts = summaryCounts(outcomes);
  const parts = [`共 ${counts.total} 个文件：已检查 ${counts.checked}`];
  if (counts.checked) parts.push(`${counts.withErrors} 个有错误`);
  if (counts.unreadable) parts.push(p.error(`无法读取 ${counts.unreadable}`));
  if (counts.notChecked) parts.push(p.warning(`未检查 ${counts.notChecked}`));
  if (counts.copyFailures) parts.push(p.error(`批注副本未能生成 ${counts.copyFailures}`));
  return parts.join("，");
}
