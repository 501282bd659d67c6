/** The public surface of the core, for hosts, the task pane and the command line. */
export { check, type CheckResult, type ReportResult } from "./check/check";
export { checkOptionsSchema, type CheckOptions } from "./check/options";
export { readDocument, readDocx, readWithHiddenText } from "./ooxml/read-document";
export { overlayPackage } from "./ooxml/package-overlay";
export { segmentReports } from "./recognize/reports";
export { DocumentReadError, userMessageFor, type ReadErrorCode } from "./ooxml/errors";
export { DEFAULT_LIMITS, type ReadLimits } from "./ooxml/limits";
export {
  parseSnapshot,
  documentSnapshotSchema,
  type DocumentSnapshot,
  type SnapshotBlock,
  type SnapshotCell,
  type SnapshotParagraph,
  type SnapshotRow,
  type SnapshotTable,
} from "./model/snapshot";
export { recognize } from "./recognize";
export type { CellAnchor, NestingStep, ReportModel, TableAddress } from "./recognize/model";
// Where a recognized cell sits in the snapshot (nested tables included), for hosts that address
// cells of their own document.
export {
  anchorKey,
  anchorPosition,
  cellAtAnchor,
  descend,
  isNested,
  nestingOf,
  tableKey,
  topLevelTable,
} from "./recognize/anchor";
export { buildGrid, type GridRow, type GridSlot } from "./recognize/grid";
export { normalizeLabel, similarity } from "./text/normalize";
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
export type { ReportFormat, SectionId, TableId } from "./formats/types";
export {
  TABLE_NAMES,
  TABLE_SHORT_NAMES,
  columnName,
  rowName,
  sectionOfLocation,
  sectionTitle,
} from "./formats/describe";
export {
  jsonReportSchema,
  toJsonFinding,
  toJsonFixedFinding,
  type JsonReport,
  type JsonFileReport,
  type JsonReportEntry,
  type JsonFinding,
  type JsonFixedFinding,
} from "./report/json-report";
export {
  baselineReportSchema,
  compareFindings,
  type BaselineFile,
  type BaselineFinding,
  type BaselineReport,
  type FindingStatus,
} from "./report/baseline";
export { fingerprint, proseOf } from "./similarity/similarity";
export { sampleFingerprint, similarPairs } from "./similarity/cross";
export { configJsonSchema, parseConfig } from "./check/config";
export { ruleSettingSchema } from "./check/options";
export { buildPart, buildTemplate, templateFlatOpc, toDocx } from "./template";
export type { TemplateOptions, TemplatePart } from "./template/model";
export { escapeXml } from "./ooxml/escape";
export { annotateDocx } from "./annotate/annotate";
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
  ADDRESSINGS,
  addressUnder,
  deletedRowsIn,
  distinctAddressings,
  type Addressing,
  type CellAddress,
} from "./marks/addressing";
export {
  leavesLedgerAlone,
  nothingWritten,
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
