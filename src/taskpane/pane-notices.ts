/**
 * Every notice the pane shows, derived in one place from what happened: the host's
 * capabilities, a check, a clear, an insert or a failure. Pure, so each is unit-tested.
 */
import type { WriteReport } from "../core";
import type { CheckOutcome } from "../hosts/actions";
import type { DocumentHost, InsertOutcome } from "../hosts/host";
import { HostError } from "../hosts/host";
import type { Notice } from "./Notices";
import { STRINGS } from "./strings";
import { writeNotices } from "./write-notices";

/** Shown from the start and kept above every action's notices. */
export function capabilityNotices(capabilities: DocumentHost["capabilities"]): Notice[] {
  const notices: Notice[] = [];
  if (!capabilities.documentStorage) notices.push({ intent: "warning", text: STRINGS.noStorage });
  return notices;
}

export function checkNotices(outcome: CheckOutcome): Notice[] {
  const marks = outcome.marks;
  const notices: Notice[] =
    marks.newerLedger !== null
      ? [{ intent: "warning", text: STRINGS.newerLedger.check }]
      : [{ intent: "info", text: STRINGS.marked(marks.shaded, marks.commented) }];
  if (outcome.ignores.lapsed.length > 0)
    notices.push({ intent: "warning", text: STRINGS.lapsed(outcome.ignores.lapsed.length) });
  notices.push(...writeNotices(marks));
  // What the host could not read as it should (a package too large, text boxes never marked).
  notices.push(...(outcome.state.notes ?? []).map((text): Notice => ({ intent: "info", text })));
  return notices;
}

export function clearNotices(report: WriteReport): Notice[] {
  if (report.newerLedger !== null) return [{ intent: "warning", text: STRINGS.newerLedger.clear }];
  return [
    { intent: "success", text: STRINGS.cleared(report.restored, report.commented) },
    ...writeNotices(report),
  ];
}

/** After an insert; earlier findings may no longer match the document. */
export function insertNotices(placement: InsertOutcome, hadFindings: boolean): Notice[] {
  const notices: Notice[] = [{ intent: "success", text: STRINGS.inserted[placement.placement] }];
  if (hadFindings) notices.push({ intent: "warning", text: STRINGS.stale });
  return notices;
}

/**
 * What the user reads when an action fails: what did not get done, then the host's own
 * Chinese explanation, or a generic one for anything that is not a HostError.
 */
export function failureNotice(failure: string, error: unknown): Notice {
  const detail = error instanceof HostError ? error.userMessage : STRINGS.failed.retry;
  return { intent: "error", title: STRINGS.failed.title, text: `${failure}${detail}` };
}

export function jumpFailedNotice(): Notice {
  return { intent: "error", text: `${STRINGS.failed.jump}${STRINGS.failed.retry}` };
}

export function movedNotice(): Notice {
  return { intent: "warning", text: STRINGS.moved };
}
