/**
 * What a host reports after carrying out a write plan, and the ledger that follows from it.
 * Hosts never trust an address blindly: each cell write names the text the cell held when we
 * read it, a host writes only where the cell still holds that text, and the ledger stored
 * afterwards records exactly the writes that were carried out, even when a later call failed.
 */
import type { CellMark, Ledger } from "./ledger";
import type { CellWrite, WritePlan, WriteReport } from "./plan";

export type SkipReason =
  /** The cell at that address holds other text: the address means another cell in this host. */
  | "text-differs"
  /** No cell at that address (row or table gone, or a covered position of a merge). */
  | "not-found"
  /** The host refused the write. */
  | "failed";

export interface SkippedWrite {
  write: CellWrite;
  reason: SkipReason;
  /** The text found at the address, when one was read. */
  found?: string;
}

export interface WriteOutcome {
  /** Cell writes carried out. */
  written: CellWrite[];
  skipped: SkippedWrite[];
  /** Texts of the comments added. */
  commentsAdded: string[];
  /** Texts of our comments that were to be removed and are still in the document. */
  commentsKept: string[];
  /** Whether the ledger part was stored in the document (false: session only, or it failed). */
  ledgerStored: boolean;
  /** A failure part-way through, in Chinese for the pane; what was done is in the ledger. */
  failure?: string;
}

/**
 * Text as a host returns it and as our reader gives it differ in paragraph and end-of-cell
 * marks (Word: "\r", "\u0007", "\u000b" for a manual break; our reader: "\n"), so cells are
 * compared on their visible characters only.
 */
export function sameCellText(found: string, expected: string): boolean {
  return visibleText(found) === visibleText(expected);
}

function visibleText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\s\u0000-\u001f\u00a0\u3000\u200b\ufeff]/g, "");
}

/**
 * The ledger to store once a plan's writes are done: the new marks that were written, the old
 * marks whose restoring write was not carried out (still ours to restore later), and our
 * comments that exist in the document.
 */
export function settleLedger(plan: WritePlan, outcome: WriteOutcome): Ledger {
  const written = new Set(outcome.written);
  const cells: CellMark[] = [];
  for (const write of plan.cells) {
    if (written.has(write)) {
      if (write.marks) cells.push(write.marks);
    } else if (write.restores) cells.push(write.restores);
  }
  cells.push(...(plan.keep ?? []));
  return { cells, comments: [...outcome.commentsKept, ...outcome.commentsAdded] };
}

/** The plan's report corrected by what the host actually did. */
export function reportOutcome(plan: WritePlan, outcome: WriteOutcome): WriteReport {
  const done = outcome.written;
  return {
    ...plan.report,
    shaded: done.filter((w) => w.marks).length,
    restored: done.filter((w) => w.restores && !w.marks).length,
    commented: outcome.commentsAdded.length,
    skipped: outcome.skipped,
    ...(outcome.failure ? { failure: outcome.failure } : {}),
  };
}
