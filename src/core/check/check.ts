/** The engine: snapshot in, findings out. Pure; the same in the task pane and on the command line. */
import type { DocumentSnapshot } from "../model/snapshot";
import type { SectionId } from "../formats/types";
import { recognize } from "../recognize";
import { segmentReports, unitKey, type RepeatedPart } from "../recognize/reports";
import type { ReportModel } from "../recognize/model";
import { sectionOfLocation } from "../formats/describe";
import { evaluateRelations } from "../rules/evaluate";
import { RULES } from "../rules/registry";
import type { Finding, FindingLocation } from "../rules/types";
import { checkOptionsSchema, type CheckOptions, type ResolvedCheckOptions } from "./options";
import { measureCopying, proseOf, type CopyMeasure } from "../similarity/similarity";

/** One report of the document: most documents hold one; a 汇编 holds one per unit. */
export interface ReportResult {
  /** Position among the document's reports (Finding.report). */
  index: number;
  format: ReportModel["format"];
  year: number | null;
  unit: string | null;
  /** Where the report starts (its title, else its first paragraph); null when unknown. */
  startParagraph: number | null;
  findings: Finding[];
  model: ReportModel;
  /** With last year's report of the unit: how much of this year's prose it holds (重复率). */
  copying: CopyMeasure | null;
}

/**
 * The document's result. `format`, `year`, `unit` and `model` are those of the first report;
 * `findings` holds every report's findings in document order, each with its `report` index.
 */
export interface CheckResult {
  format: ReportModel["format"];
  year: number | null;
  unit: string | null;
  findings: Finding[];
  model: ReportModel;
  reports: ReportResult[];
}

export function check(snapshot: DocumentSnapshot, options: CheckOptions = {}): CheckResult {
  const settings = checkOptionsSchema.parse(options);
  const segmentation = segmentReports(snapshot);
  const previous = settings.previous ? previousReports(settings.previous) : [];
  const reports = segmentation.reports.map((segment, index): ReportResult => {
    const model = recognize(segment.snapshot);
    const unit = model.title?.unit ?? null;
    const last = matchPrevious(previous, unit, segmentation.reports.length);
    const copying = last ? measureCopying(proseOf(model), proseOf(last)) : null;
    const findings = checkReport(model, segment.repeated, {
      previous: last,
      rules: settings.rules,
      ruleOptions: settings.ruleOptions,
      index,
      copying: copying && { measure: copying, threshold: settings.similarityThreshold },
    });
    return {
      index,
      format: model.format,
      year: model.year,
      unit,
      startParagraph: segmentation.several
        ? (segment.startParagraph ?? null)
        : (model.title?.paragraphIndex ?? null),
      findings,
      model,
      copying,
    };
  });
  const first = reports[0] as ReportResult;
  return {
    format: first.format,
    year: first.year,
    unit: first.unit,
    findings: reports.flatMap((r) => r.findings),
    model: first.model,
    reports,
  };
}

/** Recognition and every rule over one report; findings in document order, placed. */
function checkReport(
  model: ReportModel,
  repeated: RepeatedPart[],
  settings: {
    previous: ReportModel | null;
    rules: ResolvedCheckOptions["rules"];
    ruleOptions: ResolvedCheckOptions["ruleOptions"];
    index: number;
    copying: { measure: CopyMeasure; threshold: number } | null;
  },
): Finding[] {
  const context = {
    model,
    evaluations: evaluateRelations(model),
    previous: settings.previous,
    repeated,
    options: settings.ruleOptions,
    copying: settings.copying,
  };
  const sectionOfParagraph = new Map(model.paragraphs.map((p) => [p.paragraphIndex, p.section]));
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const setting = settings.rules[rule.meta.id];
    if (setting === "off") continue;
    for (const finding of rule.check(context)) {
      findings.push({
        ...finding,
        rule: rule.meta.id,
        severity: setting ?? finding.severity ?? rule.meta.severity,
        report: settings.index,
        section: sectionOfLocation(
          finding.location,
          (index) => sectionOfParagraph.get(index) ?? null,
        ),
      });
    }
  }
  const order = (f: Finding) => documentOrder(f.section, f.location);
  findings.sort((a, b) => order(a) - order(b));
  return findings;
}

/**
 * Last year's reports. With one report on each side, last year's applies whatever its unit (as
 * before); otherwise each report takes last year's report of the same unit, if there is one.
 */
function previousReports(snapshot: DocumentSnapshot): ReportModel[] {
  return segmentReports(snapshot).reports.map((segment) => recognize(segment.snapshot));
}

function matchPrevious(
  previous: ReportModel[],
  unit: string | null,
  reportCount: number,
): ReportModel | null {
  if (previous.length === 0) return null;
  if (previous.length === 1 && reportCount === 1) return previous[0] ?? null;
  if (unit === null) return null;
  const key = unitKey(unit);
  return previous.find((p) => p.title?.unit && unitKey(p.title.unit) === key) ?? null;
}

const SECTIONS = ["一", "二", "三", "四", "五", "六"];

/** Sorts findings by section; within one, the heading's first, then prose, then the table. */
function documentOrder(section: SectionId | null, location: FindingLocation): number {
  const within =
    "section" in location ? 0 : "paragraph" in location ? 1 : "table" in location ? 5 : 0;
  return section ? (SECTIONS.indexOf(section) + 1) * 10 + within : within;
}
