/** The engine: snapshot in, findings out. Pure; the same in the task pane and on the command line. */
import type { DocumentSnapshot } from "../model/snapshot";
import { recognize } from "../recognize";
import type { ReportModel } from "../recognize/model";
import { sectionOfLocation } from "../formats/describe";
import { evaluateRelations } from "../rules/evaluate";
import { RULES } from "../rules/registry";
import type { Finding, FindingLocation } from "../rules/types";
import { checkOptionsSchema, type CheckOptions } from "./options";

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
  const model = recognize(snapshot);
  const previous = settings.previous ? recognize(settings.previous) : null;
  const context = { model, evaluations: evaluateRelations(model), previous };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const setting = settings.rules[rule.meta.id];
    if (setting === "off") continue;
    for (const finding of rule.check(context)) {
      findings.push({
        ...finding,
        rule: rule.meta.id,
        severity: setting ?? finding.severity ?? rule.meta.severity,
      });
    }
  }
  const order = (f: Finding) => documentOrder(f.location, model);
  findings.sort((a, b) => order(a) - order(b));
  const report: ReportResult = {
    index: 0,
    format: model.format,
    year: model.year,
    unit: model.title?.unit ?? null,
    startParagraph: model.title?.paragraphIndex ?? null,
    findings,
    model,
  };
  return {
    format: model.format,
    year: model.year,
    unit: model.title?.unit ?? null,
    findings,
    model,
    reports: [report],
  };
}

const SECTIONS = ["一", "二", "三", "四", "五", "六"];

/** Sorts findings by section; within one, the heading's first, then prose, then the table. */
function documentOrder(location: FindingLocation, model: ReportModel): number {
  const within =
    "section" in location ? 0 : "paragraph" in location ? 1 : "table" in location ? 5 : 0;
  const section = sectionOfLocation(
    location,
    (index) => model.paragraphs.find((p) => p.paragraphIndex === index)?.section ?? null,
  );
  return section ? (SECTIONS.indexOf(section) + 1) * 10 + within : within;
}
