/**
 * What a host writes to mark findings or clear its marks, planned from the snapshot it just
 * read (which carries each cell's shading) and the ledger stored in the document. Hosts only
 * carry the plan out, so Word, WPS and the demo mark and clear identically.
 */
import type { DocumentSnapshot, SnapshotCell, SnapshotTable } from "../model/snapshot";
import type { Anchor, Finding } from "../rules/types";
import { planClear, planMarks, type CellMark, type Ledger } from "./ledger";

/** The author of our comments where the host lets us set it (WPS, .docx annotations). */
export const COMMENT_AUTHOR = "年报校核";
export const COMMENT_PREFIX = "【年报校核】";

export interface CellWrite {
  tableIndex: number;
  rowIndex: number;
  cellIndex: number;
  /** #RRGGBB, or null for no shading. */
  shading: string | null;
}

export interface CommentWrite {
  anchor: Anchor;
  text: string;
}

export interface WriteReport {
  shaded: number;
  commented: number;
  restored: number;
  /** Cells the user recoloured after we marked them: left alone. */
  recoloured: CellMark[];
  /** Marked cells that no longer exist. */
  missing: CellMark[];
}

export interface WritePlan {
  /** One final shading per cell. */
  cells: CellWrite[];
  /** Texts of our comments to delete, one comment per entry. */
  removeComments: string[];
  addComments: CommentWrite[];
  /** The ledger to store once the writes are done. */
  ledger: Ledger;
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

export function cellAt(
  snapshot: DocumentSnapshot,
  tableIndex: number,
  rowIndex: number,
  cellIndex: number,
): SnapshotCell | null {
  const table = snapshot.blocks.find(
    (b): b is SnapshotTable => b.kind === "table" && b.tableIndex === tableIndex,
  );
  return table?.rows[rowIndex]?.cells[cellIndex] ?? null;
}

const observeIn = (snapshot: DocumentSnapshot) => (at: CellWrite | Omit<CellWrite, "shading">) => {
  const cell = cellAt(snapshot, at.tableIndex, at.rowIndex, at.cellIndex);
  return cell ? { shading: cell.shading ?? null, text: cell.text } : null;
};

const keyOf = (at: { tableIndex: number; rowIndex: number; cellIndex: number }) =>
  `${at.tableIndex}/${at.rowIndex}/${at.cellIndex}`;

export function planClearing(snapshot: DocumentSnapshot, ledger: Ledger): WritePlan {
  const clear = planClear(ledger, observeIn(snapshot));
  return {
    cells: clear.restore.map(({ mark, shading }) => ({ ...position(mark), shading })),
    removeComments: clear.comments,
    addComments: [],
    ledger: { cells: [], comments: [] },
    report: {
      shaded: 0,
      commented: 0,
      restored: clear.restore.length,
      recoloured: clear.recoloured,
      missing: clear.missing,
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
  const clearing = planClearing(snapshot, ledger);
  const restored = new Map(clearing.cells.map((w) => [keyOf(w), w.shading]));
  const observe = observeIn(snapshot);
  const marks = options.shading
    ? planMarks(findings, (anchor) => {
        const cell = observe(anchor);
        if (!cell) return null;
        const key = keyOf(anchor);
        return restored.has(key) ? { ...cell, shading: restored.get(key) ?? null } : cell;
      })
    : [];
  const writes = new Map(clearing.cells.map((w) => [keyOf(w), w]));
  for (const mark of marks) writes.set(keyOf(mark), { ...position(mark), shading: mark.applied });

  const addComments = commentsFor(snapshot, findings, options.comments);
  return {
    cells: [...writes.values()],
    removeComments: clearing.removeComments,
    addComments,
    ledger: { cells: marks, comments: addComments.map((c) => c.text) },
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

export function commentText(finding: Finding): string {
  return `${COMMENT_PREFIX}${finding.message}（${finding.rule}）`;
}

function position(at: { tableIndex: number; rowIndex: number; cellIndex: number }) {
  return { tableIndex: at.tableIndex, rowIndex: at.rowIndex, cellIndex: at.cellIndex };
}
