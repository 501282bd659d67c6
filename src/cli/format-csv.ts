/**
 * One row per finding, for Excel and WPS 表格: UTF-8 with a BOM (so Chinese opens correctly),
 * CRLF lines, RFC 4180 quoting, and no cell that a spreadsheet would run as a formula. Every
 * file has at least one row: a clean report says so, a file not checked says why.
 */
import type { FileOutcome } from "./check-file";
import { describeLocation } from "./describe-location";
import type { Excluded } from "./files";
import { sanitizeDeep } from "./sanitize";

const HEADER = ["文件", "单位", "年度", "规则", "严重程度", "位置", "说明"];
const SEVERITY = { error: "错误", warning: "警告", info: "提示" } as const;

export function csvField(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  // A leading = + - @ (or tab/CR) would make the cell a formula in Excel (CSV injection).
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(rawOutcomes: FileOutcome[], rawExcluded: Excluded[] = []): string {
  // Control and bidi characters shown escaped: a cell cannot reorder or break the sheet.
  const outcomes = sanitizeDeep(rawOutcomes, true);
  const excluded = sanitizeDeep(rawExcluded, true);
  const rows: (string | number | null)[][] = [HEADER];
  for (const outcome of outcomes) {
    if (outcome.status === "not-checked" && outcome.error) {
      rows.push([outcome.file, null, null, "not-checked", "未检查", "全文", outcome.error.message]);
      continue;
    }
    if (outcome.error) {
      rows.push([
        outcome.file,
        null,
        null,
        "read-error",
        SEVERITY.error,
        "全文",
        `无法读取：${outcome.error.message}`,
      ]);
      continue;
    }
    for (const finding of outcome.findings) {
      rows.push([
        outcome.file,
        outcome.unit,
        outcome.year,
        finding.rule,
        SEVERITY[finding.severity],
        describeLocation(finding, outcome.format),
        finding.message,
      ]);
    }
    if (outcome.findings.length === 0)
      rows.push([
        outcome.file,
        outcome.unit,
        outcome.year,
        null,
        null,
        "全文",
        "已检查，未发现问题",
      ]);
    if (outcome.annotateError)
      rows.push([
        outcome.file,
        outcome.unit,
        outcome.year,
        "annotate-error",
        SEVERITY.error,
        "全文",
        outcome.annotateError.message,
      ]);
  }
  for (const { path, code, message } of excluded)
    rows.push([path, null, null, code, "不检查", "全文", message]);
  return `\ufeff${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
