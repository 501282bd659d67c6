/**
 * Decides which rows of which Word tables belong to statutory tables 二, 三 and 四, by their
 * labels rather than their position. One Word table may hold several statutory tables (the
 * author merged them) and one statutory table may be split over several Word tables (a page
 * break); both come out as one run of rows per statutory table.
 *
 * Web pages pasted into Word put their tables inside a layout table of one or two cells, often
 * under a caption row (表一 …). Recognition looks through such a table: a table that holds
 * nested tables and has fewer labelled rows of its own than they have (a caption may name the
 * table, e.g. 政府信息公开行政复议、行政诉讼情况, but it is no row of it) is replaced by its
 * nested tables, in document order and at any depth. A statutory table with a stray table in
 * one of its cells has more labelled rows than that table and is read as it is.
 */
import { normalizeLabel } from "../text/normalize";
import type { TableId } from "../formats/types";
import type { SnapshotTable } from "../model/snapshot";
import { buildGrid, originsIn, type GridRow } from "./grid";
import type { TableAddress } from "./model";

const TABLE4_WORDS = /行政复议|行政诉讼|结果维持|结果纠正|直接起诉|复议后起诉|尚未审结/;
const TABLE2_WORDS =
  /第二十条|信息内容|^规章$|规范性文件$|^行政许可$|^行政处罚$|^行政强制$|^行政事业性收费$|^政府集中采购$|对外管理服务事项|本年制发件数|本年处理决定数量/;
const TABLE3_WORDS =
  /申请人情况|勾稽关系|^自然人$|商业企业|科研机构|社会公益组织|法律服务机构|法人或其他组织|本年新收|上年结转|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|国家秘密|结转下年度|^\(七\)总计$|重复申请|三安全一稳定|过程性信息|执法案卷|查询事项|信访举报/;

export function classifyText(label: string): TableId | null {
  if (TABLE4_WORDS.test(label)) return "table4";
  if (TABLE3_WORDS.test(label)) return "table3";
  if (TABLE2_WORDS.test(label)) return "table2";
  return null;
}

export function classifyRow(row: GridRow): TableId | null {
  const votes = new Map<TableId, number>();
  for (const slot of originsIn(row)) {
    const kind = classifyText(normalizeLabel(slot.cell.text));
    if (kind) votes.set(kind, (votes.get(kind) ?? 0) + 1);
  }
  let best: TableId | null = null;
  let bestVotes = 0;
  for (const [kind, n] of votes) {
    if (n > bestVotes) [best, bestVotes] = [kind, n];
  }
  return best;
}

export type StatutoryRows = Partial<Record<TableId, GridRow[]>>;

/**
 * `sectionHint` gives, for a Word table, the statutory table of the section it stands in; it
 * decides only for a table with no label at all (a table 四 typed without its header rows).
 */
export function segmentTables(
  tables: SnapshotTable[],
  sectionHint: (table: SnapshotTable) => TableId | null = () => null,
): StatutoryRows {
  const runs: { kind: TableId; rows: GridRow[] }[] = [];
  for (const { table, grid, top } of tables.flatMap((t) =>
    readableTables(t).map((unit) => ({ ...unit, top: t })),
  )) {
    const kinds = grid.map(classifyRow);
    // Rows without labels (data-only rows, blank rows) belong with the rows around them.
    let carry: TableId | null =
      kinds.find((k) => k !== null) ?? labelFreeKind(table, sectionHint(top));
    if (carry === null) continue;
    grid.forEach((row, i) => {
      const kind = kinds[i] ?? carry;
      carry = kind;
      if (kind === null) return;
      const last = runs[runs.length - 1];
      if (last && last.kind === kind) last.rows.push(row);
      else runs.push({ kind, rows: [row] });
    });
  }
  const result: StatutoryRows = {};
  for (const run of runs) {
    // The first run of each kind is the statutory table; later ones are left alone.
    if (!result[run.kind]) result[run.kind] = run.rows;
  }
  return result;
}

function labelFreeKind(table: SnapshotTable, hint: TableId | null): TableId | null {
  return hint === "table4" && table.gridColumnCount >= 15 ? "table4" : null;
}

interface ReadableTable {
  table: SnapshotTable;
  grid: GridRow[];
}

/**
 * The tables recognition reads for a top-level (or text-box) table: the table itself, or, for
 * a layout table, the tables nested in it (looked through the same way).
 */
export function readableTables(table: SnapshotTable): ReadableTable[] {
  return lookThrough(table, { tableIndex: table.tableIndex });
}

function lookThrough(table: SnapshotTable, address: TableAddress): ReadableTable[] {
  const grid = buildGrid(table, address);
  const nested: ReadableTable[] = [];
  table.rows.forEach((row, rowIndex) =>
    row.cells.forEach((cell, cellIndex) =>
      cell.nestedTables.forEach((inner, tableOrdinal) =>
        nested.push(
          ...lookThrough(inner, {
            tableIndex: address.tableIndex,
            nesting: [...(address.nesting ?? []), { rowIndex, cellIndex, tableOrdinal }],
          }),
        ),
      ),
    ),
  );
  if (nested.length === 0) return [{ table, grid }];
  const labeled = (rows: GridRow[]) => rows.filter((row) => classifyRow(row) !== null).length;
  const inside = nested.reduce((sum, unit) => sum + labeled(unit.grid), 0);
  return inside > labeled(grid) ? nested : [{ table, grid }];
}
