/**
 * What 插入模板 may offer: the whole template into a document without a report, and, where the
 * document already holds one, only after asking, with the parts each report lacks offered alone.
 */
import {
  FORMATS,
  appliedFormat,
  TABLE_NAMES,
  sectionTitle,
  type CheckResult,
  type Finding,
  type TemplateOptions,
  type TemplatePart,
} from "../core";

export interface MissingPart {
  part: TemplatePart;
  /** 「五、存在的主要问题及改进情况」 or 「表三（收到和处理政府信息公开申请情况）」. */
  title: string;
  /** The report it belongs to (index into result.reports) and that report's unit. */
  report: number;
  unit: string | null;
  options: TemplateOptions;
}

export interface TemplateChoice {
  /** The last check found sections or statutory tables: ask before adding a whole report. */
  existing: boolean;
  /** Options for the whole template: the (first) report's format, year and unit. */
  whole: TemplateOptions;
  missing: MissingPart[];
  /** Whether the document holds more than one report (each part then names its unit). */
  severalReports: boolean;
}

/** The part a section-missing or table-missing finding asks for. */
export function missingPart(finding: Finding): TemplatePart | null {
  const location = finding.location;
  if (finding.rule === "section-missing" && "section" in location)
    return { section: location.section };
  if (finding.rule === "table-missing" && "table" in location && !("row" in location))
    return { table: location.table };
  return null;
}

/** The report's own year, or last year's, which is what is written in spring. */
export function templateYear(year: number | null, now = new Date()): number {
  return year ?? now.getFullYear() - 1;
}

function templateOptions(report: {
  format: CheckResult["format"];
  year: number | null;
  unit: string | null;
}): TemplateOptions {
  return {
    format: appliedFormat(report.format),
    year: templateYear(report.year),
    ...(report.unit ? { unit: report.unit } : {}),
  };
}

export function templateChoice(result: CheckResult): TemplateChoice {
  const reports = result.reports?.length ? result.reports : null;
  const models = reports ? reports.map((r) => r.model) : [result.model];
  const existing = models.some(
    (model) => model.sections.length > 0 || Object.keys(model.tables).length > 0,
  );
  const missing: MissingPart[] = [];
  for (const finding of existing ? result.findings : []) {
    const part = missingPart(finding);
    if (!part) continue;
    const index = finding.report ?? 0;
    const report = reports?.[index] ?? result;
    const options = templateOptions(report);
    const spec = FORMATS[options.format];
    // A missing section brings its table along, so its table is not offered on its own.
    if ("table" in part) {
      const section = spec.sections.find((s) => s.table === part.table);
      const sectionMissing = result.findings.some((f) => {
        const other = missingPart(f);
        return (
          (f.report ?? 0) === index && other && "section" in other && other.section === section?.id
        );
      });
      if (sectionMissing) continue;
    }
    const title = "section" in part ? sectionTitle(spec, part.section) : TABLE_NAMES[part.table];
    if (missing.some((m) => m.report === index && m.title === title)) continue;
    missing.push({ part, title, report: index, unit: report.unit, options });
  }
  return {
    existing,
    // A second whole report is most likely another unit's: its title keeps the placeholder.
    whole: templateOptions({ ...(reports?.[0] ?? result), ...(existing && { unit: null }) }),
    missing,
    severalReports: (reports?.length ?? 1) > 1,
  };
}
