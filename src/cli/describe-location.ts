/** Where a finding is, in words a clerk understands (for CSV and HTML). */
import { FORMATS, sectionTitle, type Finding, type FormatId } from "../core";
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
