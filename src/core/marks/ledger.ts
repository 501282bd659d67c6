/**
 * The ledger of our marks, stored in the document (a custom XML part in Word and WPS alike) so
 * that 清除标记 restores exactly what was there, even in a later session or on another machine,
 * and never touches what the user changed after we marked it.
 */
import { z } from "zod";
import { readPartXml } from "../ooxml/part-xml";
import type { Finding, Severity } from "../rules/types";
import { escapeXml } from "../template/wordml";

export const LEDGER_NAMESPACE = "urn:nianbao:ledger:1";

const color = z.string().regex(/^#[0-9A-F]{6}$/);

export const cellMarkSchema = z
  .object({
    tableIndex: z.number().int().nonnegative(),
    rowIndex: z.number().int().nonnegative(),
    cellIndex: z.number().int().nonnegative(),
    /** The cell's shading before we marked it; null when it had none. */
    original: color.nullable(),
    /** The shading we applied. */
    applied: color,
    /** The cell's text when marked, for the report of cells that moved or were recoloured. */
    text: z.string(),
  })
  .strict();

export const ledgerSchema = z
  .object({
    cells: z.array(cellMarkSchema),
    /** The text of each comment we wrote: ours are deleted by text, one per entry. */
    comments: z.array(z.string().min(1)),
  })
  .strict();

export type CellMark = z.infer<typeof cellMarkSchema>;
export type Ledger = z.infer<typeof ledgerSchema>;

export const EMPTY_LEDGER: Ledger = { cells: [], comments: [] };

export const MARK_COLORS: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

export function ledgerToXml(ledger: Ledger): string {
  const cells = ledger.cells
    .map(
      (c) =>
        `<cell table="${c.tableIndex}" row="${c.rowIndex}" index="${c.cellIndex}" original="${c.original ?? ""}" applied="${c.applied}" text="${escapeXml(c.text)}"/>`,
    )
    .join("");
  const comments = ledger.comments.map((text) => `<comment text="${escapeXml(text)}"/>`).join("");
  return `<ledger xmlns="${LEDGER_NAMESPACE}">${cells}${comments}</ledger>`;
}

/** The ledger in a part's XML, or null when the XML is not a ledger we can trust. */
export function ledgerFromXml(xml: string): Ledger | null {
  const cells: unknown[] = [];
  const comments: string[] = [];
  let isLedger = false;
  const wellFormed = readPartXml(xml, "ledger", (name, attributes) => {
    if (name === "ledger") isLedger = attributes.xmlns === LEDGER_NAMESPACE;
    else if (name === "cell") {
      cells.push({
        tableIndex: Number(attributes.table),
        rowIndex: Number(attributes.row),
        cellIndex: Number(attributes.index),
        original: attributes.original ? attributes.original : null,
        applied: attributes.applied,
        text: attributes.text ?? "",
      });
    } else if (name === "comment" && attributes.text) comments.push(attributes.text);
  });
  if (!wellFormed) return null;
  const parsed = ledgerSchema.safeParse({ cells, comments });
  return isLedger && parsed.success ? parsed.data : null;
}

/** What a host observes of a marked cell when clearing; null when the cell is gone. */
export interface ObservedCell {
  shading: string | null;
  text: string;
}

export interface ClearPlan {
  /** Cells still showing our shading: put the original back (null: no shading). */
  restore: { mark: CellMark; shading: string | null }[];
  /** Cells the user recoloured since: left as they are, and reported. */
  recoloured: CellMark[];
  /** Cells that disappeared: nothing to do, reported. */
  missing: CellMark[];
  /** Our comments to delete. */
  comments: string[];
}

const sameColor = (a: string | null, b: string | null) =>
  (a ?? "").toUpperCase() === (b ?? "").toUpperCase();

export function planClear(
  ledger: Ledger,
  observe: (mark: CellMark) => ObservedCell | null,
): ClearPlan {
  const plan: ClearPlan = {
    restore: [],
    recoloured: [],
    missing: [],
    comments: [...ledger.comments],
  };
  for (const mark of ledger.cells) {
    // A cell still in our colour is ours even when its figure was corrected since.
    const cell = observe(mark);
    if (!cell) plan.missing.push(mark);
    else if (sameColor(cell.shading, mark.applied))
      plan.restore.push({ mark, shading: mark.original });
    else plan.recoloured.push(mark);
  }
  return plan;
}

/** The cells to shade for these findings, each once, in the colour of its most severe finding. */
export function planMarks(
  findings: Finding[],
  observe: (anchor: {
    tableIndex: number;
    rowIndex: number;
    cellIndex: number;
  }) => ObservedCell | null,
): CellMark[] {
  const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
  const chosen = new Map<
    string,
    { anchor: { tableIndex: number; rowIndex: number; cellIndex: number }; severity: Severity }
  >();
  for (const finding of findings) {
    if (finding.severity === "info" || !("table" in finding.location)) continue;
    for (const anchor of finding.anchors) {
      if (anchor.kind !== "cell") continue;
      const key = `${anchor.tableIndex}/${anchor.rowIndex}/${anchor.cellIndex}`;
      const current = chosen.get(key);
      if (!current || rank[finding.severity] > rank[current.severity])
        chosen.set(key, { anchor, severity: finding.severity });
    }
  }
  const marks: CellMark[] = [];
  for (const { anchor, severity } of chosen.values()) {
    const cell = observe(anchor);
    if (!cell) continue;
    marks.push({
      tableIndex: anchor.tableIndex,
      rowIndex: anchor.rowIndex,
      cellIndex: anchor.cellIndex,
      original: cell.shading ? cell.shading.toUpperCase() : null,
      applied: MARK_COLORS[severity],
      text: cell.text,
    });
  }
  return marks;
}
