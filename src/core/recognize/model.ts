/** What recognition makes of a snapshot: the report as the rules see it. */
import type { CellValue, ValueKind } from "../text/numbers";
import type { CellKey, FormatId, ReportFormat, SectionId, TableId } from "../formats/types";

/**
 * One step from a table down into a table nested in one of its cells: the cell (row index,
 * physical cell index, as in CellAnchor) and which of the tables nested in that cell
 * (SnapshotCell.nestedTables, in document order).
 */
export interface NestingStep {
  rowIndex: number;
  cellIndex: number;
  tableOrdinal: number;
}

/**
 * Where a host finds a cell again: table ordinal, row index, physical cell index. A cell of a
 * nested table (a statutory table pasted inside a layout table) has `nesting`: the path from
 * the top-level table at `tableIndex` down to its table, one step per level; `rowIndex` and
 * `cellIndex` are then within that innermost table. Without `nesting` (or with an empty one)
 * the cell is in the top-level table itself. Compare and key anchors with anchor.ts, which
 * takes the path into account.
 */
export interface CellAnchor {
  tableIndex: number;
  rowIndex: number;
  cellIndex: number;
  nesting?: NestingStep[];
}

/** A physical table: a top-level one (no nesting) or one nested inside it. */
export type TableAddress = Pick<CellAnchor, "tableIndex" | "nesting">;

export interface DataCell {
  key: CellKey;
  text: string;
  kind: ValueKind;
  value: CellValue;
  anchor: CellAnchor;
}

/**
 * Where a table departs from the statutory layout, as data: what kind of departure, the keys
 * and statutory labels involved, and what the document has instead (`written`). Recognition says
 * nothing to the user; the table-structure rule words each kind and decides its severity.
 */
export type StructureIssue = {
  table: TableId;
  /** The cell to mark, when there is one in the document. */
  anchor?: CellAnchor;
} & (
  | /** A statutory row is not there. */ { kind: "row-missing"; row: string; label: string }
  | /** A row that is no statutory row (left out of the arithmetic). */ {
      kind: "row-extra";
      written: string;
    }
  | /** A statutory row under another label. */ {
      kind: "row-renamed";
      row: string;
      label: string;
      written: string;
    }
  | /** A statutory row a second time (only the first counts). */ {
      kind: "row-repeated";
      row: string;
    }
  | /** Figures in a row without a label (left out). */ { kind: "row-unlabelled" }
  | /** Figures beside a group label such as （三）不予公开 (a 小计, left out). */ {
      kind: "group-with-figures";
      written: string;
    }
  | /** A column head other than the statutory one; `group` is table 四's group. */ {
      kind: "head-renamed";
      group?: string;
      column: string;
      label: string;
      written: string;
    }
  | /** A column head that is not there, in table 四's `group`. */ {
      kind: "head-missing";
      group: string;
      column: string;
      label: string;
    }
  | /** Table 四 without the row of figures. */ { kind: "figures-missing" }
);

/** A statutory part of the table is not there: the table is incomplete, not just worded differently. */
export function missesPart(issue: StructureIssue): boolean {
  return issue.kind === "row-missing" || issue.kind === "figures-missing";
}

export interface RecognizedTable {
  id: TableId;
  /** Data cells by `cellId`. A statutory cell that could not be found is absent. */
  cells: Map<string, DataCell>;
  /**
   * Ordinals of the top-level Word tables it was read from (one table may be split in two); a
   * table read from inside a layout table counts as the layout table's ordinal.
   */
  tableIndices: number[];
  /** The physical tables it was read from, nested ones with their path (absent: tableIndices). */
  sources?: TableAddress[];
  issues: StructureIssue[];
}

export interface SectionMatch {
  id: SectionId;
  paragraphIndex: number;
  /** The heading as written. */
  text: string;
  /** The numeral the author wrote (一 → 1), or null when unnumbered. */
  writtenOrdinal: number | null;
  /** exact: the statutory title; variant: a listed variant; loose: recognised by its words. */
  quality: "exact" | "variant" | "loose";
}

export interface BodyParagraph {
  paragraphIndex: number;
  text: string;
  section: SectionId | null;
  isHeading: boolean;
}

export interface TitleInfo {
  text: string;
  paragraphIndex: number;
  year: number | null;
  unit: string | null;
}

export interface PeriodInfo {
  text: string;
  paragraphIndex: number;
  /** The years as far as the period gives them, even when it is written wrongly. */
  startYear: number | null;
  endYear: number | null;
  /** Why the period is not a valid date range (empty when it is), for period-invalid. */
  problems: PeriodProblem[];
}

export interface PeriodProblem {
  kind: "year-mark" | "year-digits" | "month" | "day" | "order";
  /** Chinese, names what is wrong: “20211月1日”缺少“年”字，应为“2021年1月1日”. */
  message: string;
}

export interface ReportModel {
  format: FormatId | "unknown";
  /** The format whose tables and relations were applied (2021 when the format is unknown). */
  spec: ReportFormat;
  /** Which layout the tables themselves use, and why we think so. */
  layoutEvidence: Record<FormatId, string[]>;
  year: number | null;
  title: TitleInfo | null;
  period: PeriodInfo | null;
  sections: SectionMatch[];
  paragraphs: BodyParagraph[];
  tables: Partial<Record<TableId, RecognizedTable>>;
}
