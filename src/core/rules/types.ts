import type { CellKey, SectionId, TableId } from "../formats/types";
import type { ReportModel } from "../recognize/model";
import type { CellAnchor } from "../recognize/model";
import type { RepeatedPart } from "../recognize/reports";
import type { RelationEvaluation } from "./evaluate";
import type { RuleOptions } from "../check/rule-options";
import type { CopyMeasure } from "../similarity/similarity";

export type Severity = "error" | "warning" | "info";

export const RULE_IDS = [
  "section-missing",
  "section-order",
  "section-title",
  "table-missing",
  "table-structure",
  "format-outdated",
  "cell-blank",
  "cell-invalid",
  "cell-note",
  "table3-row-total",
  "table3-results-total",
  "table3-balance",
  "table4-total",
  "text-table-mismatch",
  "year-mismatch",
  "period-invalid",
  "carryover-mismatch",
  "inforce-rollforward",
  "content-repeated",
  "basis-outdated",
  "fee-statement-missing",
  "oversight-missing",
  "problems-vague",
  "claim-contradiction",
  "title-wording",
  "report-date",
  "summary-length",
  "text-copied",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type FindingLocation =
  | { table: TableId; row?: string | null; column?: string | null }
  | { section: SectionId }
  | { paragraph: number; text: string }
  | Record<string, never>;

/** Where a host marks or selects a finding. */
export type Anchor =
  ({ kind: "cell" } & CellAnchor) | { kind: "paragraph"; paragraphIndex: number };

/** One cell of a finding that covers several (blank cells of one table). */
export interface FindingCell {
  row: string | null;
  column: string | null;
  /** The figure the relations imply for the cell, when exactly one. */
  expected?: number;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  location: FindingLocation;
  expected?: number;
  actual?: number;
  /** Cells or paragraphs to mark; the first is the one to select. */
  anchors: Anchor[];
  /** For a finding about several cells of `location.table`: each cell, in anchor order. */
  cells?: FindingCell[];
  /** Index into CheckResult.reports of the report it belongs to; set by check(). */
  report?: number;
  /** The statutory section it belongs to (null: the whole document); set by check(). */
  section?: SectionId | null;
}

/** What a rule returns; the runner fills in the severity from the rule's meta unless given. */
export type RuleFinding = Omit<Finding, "rule" | "severity"> & { severity?: Severity };

export interface RuleMeta {
  id: RuleId;
  severity: Severity;
  /** 表格平衡, 缺失章节, 格式, 口径一致… shown to users as a group. */
  category: "结构" | "表格平衡" | "数据填写" | "口径一致" | "内容";
  /** One line, Chinese, for the task pane and the docs. */
  description: string;
  /** Statutory or practical basis, Chinese. */
  basis: string;
}

export interface RuleContext {
  model: ReportModel;
  evaluations: RelationEvaluation[];
  /** Last year's report, when given, for the cross-year rules. */
  previous: ReportModel | null;
  /** Parts of this report that appear again with no new title between (set by check()). */
  repeated?: RepeatedPart[];
  /** Limits and deadlines of the rules that have any; the defaults when absent. */
  options?: RuleOptions;
  /** With last year's report: how much of this year's prose it holds, and the threshold. */
  copying?: { measure: CopyMeasure; threshold: number } | null;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): RuleFinding[];
}

export function cellAnchor(anchor: CellAnchor): Anchor | null {
  return anchor.tableIndex < 0 ? null : { kind: "cell", ...anchor };
}

export function tableLocation(key: CellKey): FindingLocation {
  return { table: key.table, row: key.row, column: key.column };
}
