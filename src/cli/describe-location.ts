/** Findings and files in words a clerk understands, for every report format. */
import { FORMATS, sectionTitle, type Finding, type FormatId, type Severity } from "../core";
import { TABLE_SHORT_NAMES, columnName, rowName } from "../core/formats/describe";

export function describeLocation(finding: Finding, format: FormatId | "unknown"): string {
  const spec = FORMATS[format === "unknown" ? "2021" : format];
  const location = finding.location;
  if ("section" in location) return sectionTitle(spec, location.section);
  if ("table" in location) {
    const parts = [TABLE_SHORT_NAMES[location.table]];
    if (location.row) parts.push(rowName(spec, location.table, location.row));
    if (location.column) parts.push(columnName(spec, location.table, location.column));
    return parts.join(" · ");
  }
  if ("paragraph" in location) return `第 ${location.paragraph + 1} 段`;
  return "全文";
}

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: "✖ 错误",
  warning: "▲ 警告",
  info: "ℹ 提示",
};

/** 瑞安市人民政府 · 2021 年度报告 · 2021 年格式 */
export function describeReport(report: {
  unit: string | null;
  year: number | null;
  format: FormatId | "unknown";
}): string {
  const format = report.format === "unknown" ? "格式未识别" : FORMATS[report.format].name;
  const year = report.year !== null ? `${report.year} 年度报告` : "年度未识别";
  return [report.unit, year, format].filter(Boolean).join(" · ");
}
