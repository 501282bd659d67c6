/**
 * The document snapshot: what every host (the .docx reader, Word, WPS, the test fakes) hands to
 * the core. Paragraphs and tables in document order; each table as rows of physical cells, with
 * enough merge information to rebuild the logical grid and enough position information for a
 * host to find the cell again (table ordinal, row index, the cell's physical index in its row).
 */
import { z } from "zod";

export const verticalMergeSchema = z.enum(["restart", "continue"]).nullable();

export interface SnapshotCell {
  text: string;
  /** First grid column the cell occupies (0-based, after w:gridBefore). */
  gridColumn: number;
  /** Grid columns it spans (w:gridSpan). */
  columnSpan: number;
  /** Rows covered when it starts a vertical merge; 1 otherwise, and on continuation cells. */
  rowSpan: number;
  /** "restart" starts a vertical merge, "continue" is covered by the cell above. */
  verticalMerge: "restart" | "continue" | null;
  /** Index among the physical cells of its row: how Word and WPS address the cell. */
  physicalIndex: number;
  /** Tables nested inside the cell: recognition looks through a layout table into them. */
  nestedTables: SnapshotTable[];
  /** The cell's own fill as #RRGGBB, null for none; absent when the host cannot tell. */
  shading?: string | null;
}

export interface SnapshotRow {
  cells: SnapshotCell[];
}

export interface SnapshotTable {
  kind: "table";
  /** Ordinal among the body's top-level tables (what `body.tables` yields in Word); -1 when nested. */
  tableIndex: number;
  /** Number of grid columns (w:tblGrid), or the widest row when the grid is absent. */
  gridColumnCount: number;
  rows: SnapshotRow[];
  /**
   * "textbox": read from a text box (w:txbxContent) anchored in the paragraph before it; such a
   * table has tableIndex -1 and is checked but never marked. Absent for body tables.
   */
  origin?: "textbox";
}

export interface SnapshotParagraph {
  kind: "paragraph";
  /** Ordinal among the body's paragraphs outside tables, empty ones included. */
  paragraphIndex: number;
  text: string;
  styleId: string | null;
  styleName: string | null;
  /** 1–9 for headings (style name or outline level), null for body text. */
  headingLevel: number | null;
  alignment: string | null;
}

export type SnapshotBlock = SnapshotParagraph | SnapshotTable;

export interface DocumentSnapshot {
  blocks: SnapshotBlock[];
}

export const snapshotCellSchema: z.ZodType<SnapshotCell> = z.lazy(() =>
  z.object({
    text: z.string(),
    gridColumn: z.number().int().nonnegative(),
    columnSpan: z.number().int().positive(),
    rowSpan: z.number().int().positive(),
    verticalMerge: verticalMergeSchema,
    physicalIndex: z.number().int().nonnegative(),
    nestedTables: z.array(snapshotTableSchema),
    shading: z
      .string()
      .regex(/^#[0-9A-F]{6}$/)
      .nullable()
      .optional(),
  }),
);

export const snapshotRowSchema: z.ZodType<SnapshotRow> = z.object({
  cells: z.array(snapshotCellSchema),
});

export const snapshotTableSchema: z.ZodType<SnapshotTable> = z.lazy(() =>
  z.object({
    kind: z.literal("table"),
    tableIndex: z.number().int().min(-1),
    gridColumnCount: z.number().int().nonnegative(),
    rows: z.array(snapshotRowSchema),
    origin: z.literal("textbox").optional(),
  }),
);

export const snapshotParagraphSchema: z.ZodType<SnapshotParagraph> = z.object({
  kind: z.literal("paragraph"),
  paragraphIndex: z.number().int().nonnegative(),
  text: z.string(),
  styleId: z.string().nullable(),
  styleName: z.string().nullable(),
  headingLevel: z.number().int().min(1).max(9).nullable(),
  alignment: z.string().nullable(),
});

export const documentSnapshotSchema: z.ZodType<DocumentSnapshot> = z.object({
  blocks: z.array(z.union([snapshotParagraphSchema, snapshotTableSchema])),
});

/** Validates a snapshot that crossed a boundary (a host, a file, a message). */
export function parseSnapshot(input: unknown): DocumentSnapshot {
  return documentSnapshotSchema.parse(input);
}
