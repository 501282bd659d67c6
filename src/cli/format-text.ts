/** The terminal report: per file, findings grouped by section, colour only on a terminal. */
import { FORMATS, sectionOfLocation, sectionTitle, type Finding, type Severity } from "../core";
import type { FileOutcome } from "./check-file";
import { describeReport, SEVERITY_LABEL } from "./describe-location";

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

export function formatText(outcomes: FileOutcome[], palette: Palette): string {
  const lines: string[] = [];
  for (const outcome of outcomes) {
    lines.push(...formatFile(outcome, palette), "");
  }
  lines.push(summary(outcomes, palette));
  return `${lines.join("\n")}\n`;
}

function formatFile(result: FileOutcome, p: Palette): string[] {
  const { file, error } = result;
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

function summary(outcomes: FileOutcome[], p: Palette): string {
  const unreadable = outcomes.filter((o) => o.error).length;
  const withErrors = outcomes.filter((o) => o.findings.some((f) => f.severity === "error")).length;
  const parts = [`共检查 ${outcomes.length} 个文件`, `${withErrors} 个有错误`];
  if (unreadable) parts.push(p.error(`${unreadable} 个无法读取`));
  return parts.join("，");
}
