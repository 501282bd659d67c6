/**
 * What the pane's buttons do, over any host: check (and mark), clear, insert. Pure
 * orchestration of the core and a DocumentHost, so the pane, the demo and the tests run the
 * very same steps.
 */
import {
  applyIgnores,
  check,
  leavesLedgerAlone,
  nothingWritten,
  planClearing,
  planMarking,
  reportOutcome,
  templateFlatOpc,
  type CheckResult,
  type IgnoreResult,
  type MarkOptions,
  type TemplateOptions,
  type TemplatePart,
  type WritePlan,
  type WriteReport,
} from "../core";
import type { DocumentHost, DocumentState, InsertOutcome } from "./host";

export interface CheckOptionsForPane {
  /** Shade the cells of unbalanced relations. */
  shading: boolean;
  /** Reviewer mode: every finding as a comment (批注). */
  reviewer: boolean;
  /** False: read and check only; the document is not touched and earlier marks stay. */
  write?: boolean;
}

export interface CheckOutcome {
  state: DocumentState;
  result: CheckResult;
  ignores: IgnoreResult;
  marks: WriteReport;
}

export function markOptions(host: DocumentHost, options: CheckOptionsForPane): MarkOptions {
  const comments = !host.capabilities.comments ? "none" : options.reviewer ? "all" : "structure";
  return { shading: options.shading, comments };
}

/** Reads, checks, and replaces our earlier marks with marks for the findings not ignored. */
export async function checkDocument(
  host: DocumentHost,
  options: CheckOptionsForPane,
): Promise<CheckOutcome> {
  const state = await host.read();
  const result = check(state.snapshot);
  const ignores = applyIgnores(result.findings, state.ignores, result.reports);
  const plan = planMarking(
    state.snapshot,
    state.ledger,
    ignores.active,
    markOptions(host, options),
  );
  if (options.write === false)
    return { state, result, ignores, marks: nothingWritten(plan.report.newerLedger) };
  const marks = hasWrites(plan, state) ? reportOutcome(plan, await host.write(plan)) : plan.report;
  return { state, result, ignores, marks };
}

/** Restores what our marks covered and removes our comments; reports what it left alone. */
export async function clearMarks(host: DocumentHost): Promise<WriteReport> {
  const state = await host.read();
  const plan = planClearing(state.snapshot, state.ledger);
  if (!hasWrites(plan, state)) return plan.report;
  return reportOutcome(plan, await host.write(plan));
}

export function insertTemplate(
  host: DocumentHost,
  options: TemplateOptions,
  part?: TemplatePart,
): Promise<InsertOutcome> {
  return host.insert(templateFlatOpc(options, part));
}

/**
 * Whether the host is to carry the plan out. Never over a newer version's ledger (the host would
 * store ours over it); otherwise when there is something to write, or a ledger to update,
 * including one whose unreadable entries are to be dropped now that they have been reported.
 */
function hasWrites(plan: WritePlan, state: DocumentState): boolean {
  if (leavesLedgerAlone(plan)) return false;
  const ledger = state.ledger;
  const ledgerInUse =
    ledger.cells.length > 0 || ledger.comments.length > 0 || (ledger.unreadable ?? []).length > 0;
  return (
    plan.cells.length + plan.removeComments.length + plan.addComments.length > 0 || ledgerInUse
  );
}
