/** Findings grouped by the report section they belong to, in document order. */
import { FORMATS, sectionOfLocation, sectionTitle, type CheckResult, type Finding } from "../core";
import { STRINGS } from "./strings";

export interface FindingGroup {
  key: string;
  title: string;
  findings: Finding[];
}

export function groupFindings(result: CheckResult, findings: Finding[]): FindingGroup[] {
  const spec = FORMATS[result.format === "unknown" ? "2021" : result.format];
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const section = sectionOfLocation(
      finding.location,
      (index) => result.model.paragraphs.find((p) => p.paragraphIndex === index)?.section ?? null,
    );
    const key = section ?? "";
    const title = section ? sectionTitle(spec, section) : STRINGS.wholeDocument;
    const group = groups.get(key) ?? { key, title, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function summaryLine(result: CheckResult, findings: Finding[]): string {
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  const format = result.format === "unknown" ? "" : FORMATS[result.format].name;
  const year = result.year === null ? STRINGS.unknownYear : STRINGS.yearLabel(result.year);
  return STRINGS.summary(
    [result.unit, format, year].filter((part): part is string => Boolean(part)),
    count("error"),
    count("warning"),
    count("info"),
  );
}
