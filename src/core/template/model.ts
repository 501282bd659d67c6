/** The blank statutory template as data, before it is written as WordprocessingML. */
import type { FormatId, SectionId, TableId } from "../formats/types";

export interface TemplateCell {
  text: string;
  columnSpan: number;
  verticalMerge: "restart" | "continue" | null;
  role: "header" | "label" | "data";
  /** Spans many rows (三、本年度办理结果) and may break across pages. */
  tall?: boolean;
}

export interface TemplateRow {
  cells: TemplateCell[];
  /** Repeated at the top of each page when the table breaks. */
  repeatAsHeader: boolean;
}

export interface TemplateTable {
  kind: "table";
  table: TableId;
  /** Width of each grid column, in twentieths of a point. */
  columnWidths: number[];
  /** Font size in half-points. */
  fontSize: number;
  rows: TemplateRow[];
}

export interface TemplateParagraph {
  kind: "paragraph";
  role: "title" | "heading1" | "heading2" | "body" | "placeholder";
  text: string;
}

export type TemplateBlock = TemplateParagraph | TemplateTable;

export interface TemplateOptions {
  format: FormatId;
  year: number;
  /** 〈单位〉 in the title; a placeholder when absent. */
  unit?: string;
  /** Fill data cells with 0 instead of leaving them empty. */
  zeros?: boolean;
}

/** One section (with its table, if it has one) or one table alone. */
export type TemplatePart = { section: SectionId } | { table: TableId };
