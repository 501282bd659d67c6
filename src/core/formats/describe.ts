/** Chinese names of rows, columns and cells, for messages. */
import type { CellKey, ReportFormat, SectionId, TableId } from "./types";

export const TABLE_NAMES: Record<TableId, string> = {
  table2: "表二（主动公开政府信息情况）",
  table3: "表三（收到和处理政府信息公开申请情况）",
  table4: "表四（政府信息公开行政复议、行政诉讼情况）",
};

export const TABLE_SHORT_NAMES: Record<TableId, string> = {
  table2: "表二",
  table3: "表三",
  table4: "表四",
};

export function rowName(format: ReportFormat, table: TableId, row: string): string {
  if (table === "table3") return format.table3.rows.find((r) => r.key === row)?.shortName ?? row;
  if (table === "table4") return format.table4.groups.find((g) => g.key === row)?.label ?? row;
  for (const block of format.table2.blocks) {
    const found = block.rows.find((r) => r.key === row);
    if (found) return found.label;
  }
  return row;
}

export function columnName(format: ReportFormat, table: TableId, column: string): string {
  if (table === "table3")
    return format.table3.columns.find((c) => c.key === column)?.label ?? column;
  if (table === "table4")
    return format.table4.columns.find((c) => c.key === column)?.label ?? column;
  for (const block of format.table2.blocks) {
    const found = block.columns.find((c) => c.key === column);
    if (found) return found.label.replace(/（单位：万元）$/, "");
  }
  return column;
}

/** 表三“（一）予以公开”行“总计”列 */
export function cellName(format: ReportFormat, key: CellKey): string {
  return `${TABLE_SHORT_NAMES[key.table]}“${rowName(format, key.table, key.row)}”行“${columnName(format, key.table, key.column)}”列`;
}

export function sectionTitle(format: ReportFormat, id: SectionId): string {
  const spec = format.sections.find((s) => s.id === id);
  return `${id}、${spec?.title ?? ""}`;
}

/** The section a finding belongs to: its own, its table's, or its paragraph's; null for the whole document. */
export function sectionOfLocation(
  location: { section?: SectionId; table?: TableId; paragraph?: number },
  paragraphSection: (paragraph: number) => SectionId | null = () => null,
): SectionId | null {
  if (location.section) return location.section;
  if (location.table) return SECTION_OF_TABLE[location.table];
  if (location.paragraph !== undefined) return paragraphSection(location.paragraph);
  return null;
}

const SECTION_OF_TABLE: Record<TableId, SectionId> = { table2: "二", table3: "三", table4: "四" };
