/** The public surface of the core, for hosts, the task pane and the command line. */
export { check, type CheckResult, type ReportResult } from "./check/check";
export { checkOptionsSchema, type CheckOptions } from "./check/options";
export { readDocument, readDocx } from "./ooxml/read-document";
export { DocumentReadError, userMessageFor, type ReadErrorCode } from "./ooxml/errors";
export { DEFAULT_LIMITS, type ReadLimits } from "./ooxml/limits";
export { parseSnapshot, documentSnapshotSchema, type DocumentSnapshot } from "./model/snapshot";
export { recognize } from "./recognize";
export type { ReportModel } from "./recognize/model";
export { RULES } from "./rules/registry";
export { RULE_NAMES } from "./rules/names";
export {
  RULE_IDS,
  SEVERITY_NAMES,
  type Finding,
  type FindingCell,
  type RuleId,
  type Severity,
  type Anchor,
  type FindingLocation,
} from "./rules/types";
export { FORMATS, appliedFormat, formatForYear, formatSpec, type FormatId } from "./formats";
export { TABLE_NAMES, sectionOfLocation, sectionTitle } from "./formats/describe";
export {
  jsonReportSchema,
  toJsonFinding,
  type JsonReport,
  type JsonFileReport,
  type JsonReportEntry,
} from "./report/json-report";
export { templateFlatOpc } from "./template/package";
export type { TemplateOptions, TemplatePart } from "./template/model";
export {
  EMPTY_LEDGER,
  LEDGER_NAMESPACE,
  LEDGER_VERSION,
  mergeLedgerParts,
  MARK_COLORS,
  ledgerFromXml,
  ledgerToXml,
  type Ledger,
  type CellMark,
  type UnreadableMark,
} from "./marks/ledger";
export {
  COMMENT_AUTHOR,
  COMMENT_INITIALS,
  commentText,
  findOurComments,
  remedyFor,
  type ExistingComment,
} from "./marks/comments";
export {
  leavesLedgerAlone,
  planClearing,
  planMarking,
  type CellWrite,
  type CommentMode,
  type CommentWrite,
  type MarkOptions,
  type WritePlan,
  type WriteReport,
} from "./marks/plan";
export {
  reportOutcome,
  sameCellText,
  settleLedger,
  type SkipReason,
  type SkippedWrite,
  type WriteOutcome,
} from "./marks/settle";
export {
  IGNORES_NAMESPACE,
  applyIgnores,
  ignoreHere,
  ignoreRule,
  ignoresFromXml,
  ignoresToXml,
  sameIgnore,
  type Ignore,
  type IgnoreResult,
} from "./ignores/ignores";
