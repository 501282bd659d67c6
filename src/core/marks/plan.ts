/**
 * What a host writes to mark findings or clear its marks, planned from the snapshot it just
 * read (which carries each cell's shading) and the ledger stored in the document. Hosts only
 * carry the plan out, so Word, WPS and the demo mark and clear identically.
 */
import type { DocumentSnapshot, SnapshotCell } from "../model/snapshot";
import { anchorKey, anchorPosition, cellAtAnchor } from "../recognize/anchor";
import type { CellAnchor, NestingStep } from "../recognize/model";
import type { Anchor, Finding } from "../rules/types";
import { planMarks, type CellMark, type Ledger, type UnreadableMark } from "./ledger";
import { DocumentIndex, locateMarks, sameColor } from "./locate";
import type { SkippedWrite } from "./settle";
import { commentText } from "./comments";

export interface CellWrite {
  tableIndex: number;
  rowIndex: number;
  cellIndex: number;
  /** The path to a nested table's cell (CellAnchor.nesting); absent for a top-level table's. */
  nesting?: NestingStep[];
  /** #RRGGBB, or null for no shading. */
  shading: string | null;
  /** The cell's text as read: a host writes only where the cell still holds it (sameCellText). */
  expectedText: string;
  /** The mark this write applies, recorded in the ledger once the write is done. */
  marks?: CellMark;
  /** The earlier mark this write clears; kept in the ledger while the write is not done. */
  restores?: CellMark;
}

export interface CommentWrite {
  anchor: Anchor;
  text: string;
}

export interface WriteReport {
  shaded: number;
  commented: number;
  restored: number;
  /** Cells the user recolored after we marked them: left alone. */
  recolored: CellMark[];
  /** Marked cells that no longer exist (found neither by meaning nor, where allowed, by position). */
  missing: CellMark[];
  /** Ledger entries that could not be read: skipped, their cells left as they are. */
  unreadable: UnreadableMark[];
  /**
   * Entries not found by meaning whose recorded position still shows our colour: the cell may
   * be ours, so the entry is kept and the cell left as it is for the user to check.
   */
  uncertain?: CellMark[];
  /**
   * The version of the ledger when a newer version of the add-in wrote it: nothing was written
   * (neither cleared nor marked), so the newer version can still clear its marks.
   */
  newerLedger: string | null;
  /** Writes the host did not carry out (the cell held other text, or was not found). */
  skipped: SkippedWrite[];
  /** A failure part-way through, in Chinese; what was done is recorded in the ledger. */
  failure?: string;
}

export interface WritePlan {
  /** One final shading per cell. */
  cells: CellWrite[];
  /** Texts of our comments to delete, one comment per entry. */
  removeComments: string[];
  addComments: CommentWrite[];
  /** The ledger if every write is carried out; hosts store settleLedger(plan, outcome). */
  ledger: Ledger;
  /** Entries kept in the ledger whatever is written (cells that may still be ours). */
  keep?: CellMark[];
  report: WriteReport;
}

/**
 * all: every finding as a comment (reviewer mode); structure: only missing sections and tables,
 * which have no cell to shade; none: the host cannot write comments.
 */
export type CommentMode = "all" | "structure" | "none";

export interface MarkOptions {
  shading: boolean;
  comments: CommentMode;
}

/** The snapshot's cell at a position; `nesting` reaches a cell of a nested table. */
export function cellAt(
  snapshot: DocumentSnapshot,
  tableIndex: number,
  rowIndex: number,
  cellIndex: number,
  nesting?: NestingStep[],
): SnapshotCell | null {
  return cellAtAnchor(snapshot, { tableIndex, rowIndex, cellIndex, ...(nesting && { nesting }) });
}

const observeIn = (snapshot: DocumentSnapshot) => (at: CellAnchor) => {
  const cell = cellAtAnchor(snapshot, at);
  return cell ? { shading: cell.shading ?? null, text: cell.text } : null;
};

const keyOf = anchorKey;

/** The report of a write that did nothing; `newerLedger` as in WriteReport. */
export function nothingWritten(newerLedger: string | null = null): WriteReport {
  return {
    shaded: 0,
    commented: 0,
    restored: 0,
    recolored: [],
    missing: [],
    skipped: [],
    unreadable: [],
    newerLedger,
  };
}

/** A plan that writes nothing at all: the ledger is a newer version's, to be left as it is. */
function untouched(ledger: Ledger): WritePlan {
  return {
    cells: [],
    removeComments: [],
    addComments: [],
    ledger,
    report: nothingWritten(ledger.newerVersion ?? null),
  };
}

/** Whether a plan must not be carried out at all (hosts would store its ledger over the part). */
export function leavesLedgerAlone(plan: WritePlan): boolean {
  return plan.report.newerLedger !== null;
}

export function planClearing(
  snapshot: DocumentSnapshot,
  ledger: Ledger,
  index: DocumentIndex = new DocumentIndex(snapshot),
): WritePlan {
  if (ledger.newerVersion !== undefined) return untouched(ledger);
  const located = locateMarks(index, ledger.cells);
  const cells: CellWrite[] = [];
  const recolored: CellMark[] = [];
  const missing: CellMark[] = [];
  const uncertain: CellMark[] = [];
  const claimed = new Set(
    located.flatMap((l) => (l.state === "missing" ? [] : [keyOf(l.found.at)])),
  );
  for (const entry of located) {
    if (entry.state === "ours")
      cells.push({
        ...position(entry.found.at),
        shading: entry.mark.original,
        expectedText: entry.found.cell.text,
        // Kept in the ledger if this write is not done: the hint is where the cell is now.
        restores: { ...entry.mark, ...position(entry.found.at) },
      });
    else if (entry.state === "recolored") recolored.push(entry.mark);
    else if (entry.state === "missing") {
      // Never forget a cell that may still be ours: our colour stays at the recorded position.
      const atHint = index.cell(entry.mark);
      if (
        atHint &&
        sameColor(atHint.shading, entry.mark.applied) &&
        !claimed.has(keyOf(entry.mark))
      ) {
        claimed.add(keyOf(entry.mark));
        uncertain.push(entry.mark);
      } else missing.push(entry.mark);
    }
  }
  return {
    cells,
    removeComments: [...ledger.comments],
    addComments: [],
    ledger: { cells: [...uncertain], comments: [] },
    keep: uncertain,
    report: {
      shaded: 0,
      commented: 0,
      restored: cells.length,
      recolored,
      missing,
      skipped: [],
      unreadable: ledger.unreadable ?? [],
      newerLedger: null,
      ...(uncertain.length > 0 ? { uncertain } : {}),
    },
  };
}

/** Clears the earlier marks and marks these findings, in one set of writes. */
export function planMarking(
  snapshot: DocumentSnapshot,
  ledger: Ledger,
  findings: Finding[],
  options: MarkOptions,
): WritePlan {
  if (ledger.newerVersion !== undefined) return untouched(ledger);
  const index = new DocumentIndex(snapshot);
  const clearing = planClearing(snapshot, ledger, index);
  const restored = new Map(clearing.cells.map((w) => [keyOf(w), w.shading]));
  // A new mark on a cell that may still be ours takes over that entry's original shading.
  const kept = new Map((clearing.keep ?? []).map((m) => [keyOf(m), m]));
  const observe = observeIn(snapshot);
  const marks = options.shading
    ? planMarks(
        findings,
        (anchor) => {
          const cell = observe(anchor);
          if (!cell) return null;
          const key = keyOf(anchor);
          if (restored.has(key)) return { ...cell, shading: restored.get(key) ?? null };
          const earlier = kept.get(key);
          return earlier ? { ...cell, shading: earlier.original } : cell;
        },
        (anchor) => index.meaningOf(anchor),
      )
    : [];
  const writes = new Map(clearing.cells.map((w) => [keyOf(w), w]));
  for (const mark of marks) {
    const clearing = writes.get(keyOf(mark));
    writes.set(keyOf(mark), {
      ...position(mark),
      shading: mark.applied,
      expectedText: observe(mark)?.text ?? mark.text,
      marks: mark,
      ...(clearing?.restores ? { restores: clearing.restores } : {}),
    });
  }

  for (const mark of marks) kept.delete(keyOf(mark));
  const keep = [...kept.values()];

  const addComments = commentsFor(snapshot, findings, options.comments);
  return {
    cells: [...writes.values()],
    removeComments: clearing.removeComments,
    addComments,
    ledger: { cells: [...marks, ...keep], comments: addComments.map((c) => c.text) },
    keep,
    report: { ...clearing.report, shaded: marks.length, commented: addComments.length },
  };
}

const STRUCTURE_RULES = new Set(["section-missing", "table-missing"]);

function commentsFor(
  snapshot: DocumentSnapshot,
  findings: Finding[],
  mode: CommentMode,
): CommentWrite[] {
  if (mode === "none") return [];
  const firstParagraph = snapshot.blocks.some((b) => b.kind === "paragraph")
    ? { kind: "paragraph" as const, paragraphIndex: 0 }
    : null;
  const comments: CommentWrite[] = [];
  for (const finding of findings) {
    if (mode === "structure" && !STRUCTURE_RULES.has(finding.rule)) continue;
    const anchor = finding.anchors[0] ?? firstParagraph;
    if (anchor) comments.push({ anchor, text: commentText(finding) });
  }
  return comments;
}

const position = anchorPosition;
