/** Findings and files in words a clerk understands, and grouped the same way, for every report format. */
import {
  formatSpec,
  TABLE_SHORT_NAMES,
  columnName,
  rowName,
  sectionTitle,
  type Finding,
  type FormatId,
  type SectionId,
} from "../core";
import type { FileOutcome, OutcomeReport } from "./check-file";
import { FORMAT_LABEL, REPORT, STATUS } from "./report-strings";

export { SEVERITY_LABEL } from "./report-strings";

export function describeLocation(
  finding: Pick<Finding, "location">,
  format: FormatId | "unknown",
): string {
  const spec = formatSpec(format);
  const location = finding.location;
  if ("section" in location) return sectionTitle(spec, location.section);
  if ("table" in location) {
    const parts = [TABLE_SHORT_NAMES[location.table]];
    if (location.row) parts.push(rowName(spec, location.table, location.row));
    if (location.column) parts.push(columnName(spec, location.table, location.column));
    return parts.join(" · ");
  }
  if ("paragraph" in location) return REPORT.paragraph(location.paragraph + 1);
  return REPORT.wholeDocument;
}

/** 瑞安市人民政府 · 2021 年度报告 · 适用 2021 年新格式 */
export function describeReport(report: OutcomeReport): string {
  const year = report.year !== null ? REPORT.yearReport(report.year) : REPORT.yearUnknown;
  return [report.unit, year, FORMAT_LABEL[report.format]].filter(Boolean).join(" · ");
}

export function sectionHeading(section: SectionId | null, format: FormatId | "unknown"): string {
  if (section === null) return REPORT.wholeDocument;
  return sectionTitle(formatSpec(format), section);
}

/** The reports of a checked file; a file read before reports existed has one, the file's. */
export function reportsOf(outcome: FileOutcome): OutcomeReport[] {
  return outcome.reports?.length
    ? outcome.reports
    : [{ unit: outcome.unit, year: outcome.year, format: outcome.format }];
}

/** The report a finding belongs to. */
export function reportOfFinding(outcome: FileOutcome, finding: Finding): OutcomeReport {
  const reports = reportsOf(outcome);
  return reports[finding.report] ?? (reports[0] as OutcomeReport);
}

export interface SectionGroup {
  section: SectionId | null;
  heading: string;
  findings: Finding[];
}

export interface ReportGroup {
  index: number;
  report: OutcomeReport;
  findings: Finding[];
  sections: SectionGroup[];
}

/** A file's findings by report, then by section, in the order the findings come. */
export function groupFindings(outcome: FileOutcome): ReportGroup[] {
  const groups: ReportGroup[] = reportsOf(outcome).map((report, index) => ({
    index,
    report,
    findings: [],
    sections: [],
  }));
  for (const finding of outcome.findings) {
    const group = groups[finding.report] ?? groups[0];
    if (!group) continue;
    group.findings.push(finding);
    // The section check() gave it, as the pane groups it.
    const section = finding.section;
    let bucket = group.sections.find((s) => s.section === section);
    if (!bucket) {
      bucket = {
        section,
        heading: sectionHeading(section, group.report.format),
        findings: [],
      };
      group.sections.push(bucket);
    }
    bucket.findings.push(finding);
  }
  return groups;
}

/** A file's status in one word. */
export function fileStatus(outcome: FileOutcome): string {
  if (outcome.status === "not-checked") return STATUS.notChecked;
  if (outcome.status === "unreadable") return STATUS.unreadable;
  return findingsStatus(outcome.findings);
}

export function findingsStatus(findings: Finding[]): string {
  if (findings.some((f) => f.severity === "error")) return STATUS.errors;
  if (findings.some((f) => f.severity === "warning")) return STATUS.warnings;
  // An unfilled draft has only notes (「表三尚未填写」): never 「通过」.
  if (findings.length > 0) return STATUS.notes;
  return STATUS.passed;
}
