/** The engine: snapshot in, findings out. Pure; the same in the task pane and on the command line. */
import type { DocumentSnapshot } from "../model/snapshot";
import { recognize } from "../recognize";
import type { ReportModel } from "../recognize/model";
import { evaluateRelations } from "../rules/evaluate";
import { RULES } from "../rules/registry";
import type { Finding, FindingLocation } from "../rules/types";
import { checkOptionsSchema, type CheckOptions } from "./options";

export interface CheckResult {
  format: ReportModel["format"];
  year: number | null;
  unit: string | null;
  findings: Finding[];
  model: ReportModel;
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
  return {
    format: model.format,
    year: model.year,
    unit: model.title?.unit ?? null,
    findings,
    model,
  };
}

const SECTION_ORDER = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 } as const;
const TABLE_SECTION = { table2: 2, table3: 3, table4: 4 } as const;

/** Sorts findings by the section they belong to; stable within a section. */
function documentOrder(location: FindingLocation, model: ReportModel): number {
  if ("section" in location) return SECTION_ORDER[location.section] * 10;
  if ("table" in location) return TABLE_SECTION[location.table] * 10 + 5;
  if ("paragraph" in location) {
    const section = model.paragraphs.find((p) => p.paragraphIndex === location.paragraph)?.section;
    return section ? SECTION_ORDER[section] * 10 + 1 : 1;
  }
  return 0;
}
