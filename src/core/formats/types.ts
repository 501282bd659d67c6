import type { ValueKind } from "../text/numbers";

export type FormatId = "2021" | "2019";
export type TableId = "table2" | "table3" | "table4";
export type SectionId = "一" | "二" | "三" | "四" | "五" | "六";

export interface CellKey {
  table: TableId;
  row: string;
  column: string;
}

export interface SectionSpec {
  id: SectionId;
  ordinal: number;
  /** The title as the template prints it, without its numbering. */
  title: string;
  /** Titles seen in real reports; accepted, reported as `section-title` (info). */
  variants: string[];
  /** Loose recognition: a title containing every word of one group is taken for this section. */
  keywords: string[][];
  /** The table that fills this section, if any. */
  table?: TableId;
}

export interface LabeledKey {
  key: string;
  label: string;
  /** Other spellings that still identify this row or column (not the statutory label). */
  aliases?: string[];
}

export interface Table2Column extends LabeledKey {
  kind: ValueKind;
}

export interface Table2Block {
  /** 第二十条第（一）项 … */
  clause: string;
  columns: Table2Column[];
  rows: LabeledKey[];
}

export interface Table2Spec {
  blocks: Table2Block[];
}

export interface Table3Group extends LabeledKey {
  /** Result-row group （三）…（六）: a merged row-header cell with no data of its own. */
  ordinal: number;
}

export interface Table3Row extends LabeledKey {
  /** Short name used in messages, e.g. "（三）不予公开 1.属于国家秘密". */
  shortName: string;
  /** Group key for rows under （三）…（六）. */
  group?: string;
  /** Counted in （七）总计. */
  isResult: boolean;
}

export interface Table3Spec {
  cornerNote: string;
  applicantsHeader: string;
  organizationsHeader: string;
  resultsHeader: string;
  /** The six applicant columns, then 总计. */
  columns: LabeledKey[];
  groups: Table3Group[];
  rows: Table3Row[];
}

export interface Table4Spec {
  reviewHeader: string;
  litigationHeader: string;
  groups: LabeledKey[];
  columns: LabeledKey[];
}

export interface ReportFormat {
  id: FormatId;
  name: string;
  basis: string;
  sections: SectionSpec[];
  table2: Table2Spec;
  table3: Table3Spec;
  table4: Table4Spec;
}
