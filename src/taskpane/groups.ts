/**
 * Findings grouped as the pane lists them: by report (a 汇编 holds one per unit), then by the
 * section they belong to, in document order.
 */
import { formatSpec, sectionTitle, type CheckResult, type Finding, type Severity } from "../core";
import { STRINGS } from "./strings";

export type Counts = Record<Severity, number>;

export interface SectionGroup {
  /** Unique in the list: the report's index and the section. */
  key: string;
  title: string;
  findings: Finding[];
}

export interface ReportGroup {
  key: string;
  /** Index into result.reports. */
  index: number;
  /** 「某某县人民政府 · 2024 年度报告」; the pane shows it only when there are several reports. */
  title: string;
  counts: Counts;
  sections: SectionGroup[];
}

export function countBySeverity(findings: Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export function reportTitle(report: { unit: string | null; year: number | null }): string {
  return [
    report.unit ?? STRINGS.unknownUnit,
    report.year === null ? STRINGS.unknownYear : STRINGS.yearLabel(report.year),
  ].join(" · ");
}

/** Groups `findings` (a subset of result.findings, e.g. those not ignored) by report, then section. */
export function groupFindings(result: CheckResult, findings: Finding[]): ReportGroup[] {
  const reports = result.reports;
  const groups = new Map<number, ReportGroup>();
  const sections = new Map<string, SectionGroup>();
  for (const finding of findings) {
    const index = reports[finding.report] ? finding.report : 0;
    const report = reports[index]!;
    let group = groups.get(index);
    if (!group) {
      group = {
        key: `r${index}`,
        index,
        title: reportTitle(report),
        counts: { error: 0, warning: 0, info: 0 },
        sections: [],
      };
      groups.set(index, group);
    }
    group.counts[finding.severity]++;
    const section = finding.section;
    const key = `r${index}-${section ?? "doc"}`;
    let sectionGroup = sections.get(key);
    if (!sectionGroup) {
      const spec = formatSpec(report.format);
      sectionGroup = {
        key,
        title: section ? sectionTitle(spec, section) : STRINGS.wholeDocument,
        findings: [],
      };
      sections.set(key, sectionGroup);
      group.sections.push(sectionGroup);
    }
    sectionGroup.findings.push(finding);
  }
  return [...groups.values()].sort((a, b) => a.index - b.index);
}

/** The findings in the order the list shows them: what 上一个 / 下一个 walk through. */
export function listOrder(groups: ReportGroup[]): Finding[] {
  return groups.flatMap((report) => report.sections.flatMap((section) => section.findings));
}

export function formatLabel(format: CheckResult["format"]): string {
  return format === "unknown" ? "" : STRINGS.formatLabel[format];
}

/** One line above the list: whose report, which format, and the counts. */
export function summaryLine(result: CheckResult, findings: Finding[]): string {
  const counts = countBySeverity(findings);
  const reports = result.reports;
  const head =
    reports.length > 1
      ? [STRINGS.reportCount(reports.length)]
      : [
          result.unit,
          result.year === null ? STRINGS.unknownYear : STRINGS.yearLabel(result.year),
          formatLabel(result.format),
        ];
  return STRINGS.summary(
    head.filter((part): part is string => Boolean(part)),
    counts.error,
    counts.warning,
    counts.info,
  );
}
