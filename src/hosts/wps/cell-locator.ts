/**
 * Finds the WPS cell a snapshot address means, and proves it by its text before anyone writes
 * to it. The reader's numbering is tried first; when the cell there holds other text, or does
 * not exist, the other plausible numberings (addressing.ts) are tried, each accepted only when
 * the whole row reads back as we read it. Nothing ambiguous is ever returned.
 *
 * A cell of a table nested in a layout table (an anchor with a nesting path) is reached from
 * its top-level table one step at a time: Table.Cell(r, c) of the cell holding the nested
 * table, then that cell's Tables (VBA's Cell.Tables, "all the nested tables inside the
 * specified table cell"; Kingsoft's typings declare Cell.Tables and Table.NestingLevel). Whether
 * that collection also lists tables nested deeper is not documented, so only those whose
 * NestingLevel is exactly one below the cell's table are counted; a WPS that gives no
 * NestingLevel leaves the nested cell unreached ("not-found"), never guessed. Where the
 * numberings put the holding cell in different places, each place is a route; the nested table
 * is proved row by row as a top-level one is, and a cell is taken only when exactly one route
 * proves it.
 */
import {
  sameCellText,
  type SkipReason,
  type DocumentSnapshot,
  type SnapshotTable,
  descend,
  nestingOf,
  tableKey,
  topLevelTable,
  type NestingStep,
} from "../../core";
import {
  addressUnambiguous,
  addressings,
  hostAddress,
  READER_ADDRESSING,
  rowSignature,
  type Addressing,
  type HostAddress,
} from "./addressing";
import { cellText } from "./visible-text";
import type { WpsCell, WpsDocument, WpsTable } from "./wps-api";

export interface CellPosition {
  tableIndex: number;
  rowIndex: number;
  cellIndex: number;
  nesting?: NestingStep[];
}

export type Located =
  { cell: WpsCell; found: string } | { skip: Exclude<SkipReason, "failed">; found?: string };

/** When WPS cannot say how many rows a table has, deleted rows up to this many are tried. */
const UNKNOWN_EXTRA_ROWS = 2;

interface Read {
  cell: WpsCell;
  text: string;
}

class TableProbe {
  private readonly reads = new Map<string, Read | null>();
  private readonly rows = new Map<string, boolean>();
  /** More rows than the snapshot holds (tracked deletions WPS counts); null when unknown. */
  readonly extraRows: number | null;
  /**
   * The numbering a whole row proved, where rows cannot shift (no extra rows): how WPS counts
   * covered cells holds for the table, so its other cells need only their own text.
   */
  proven: Addressing | null = null;

  constructor(
    readonly table: WpsTable,
    readonly snapshot: SnapshotTable | undefined,
  ) {
    let extra: number | null = null;
    if (snapshot) {
      try {
        extra = Math.max(0, table.Rows.Count - snapshot.rows.length);
      } catch {
        extra = null;
      }
    }
    this.extraRows = extra;
  }

  /** The cell at a WPS address with its text; null when WPS has no cell there. */
  read(address: HostAddress): Read | null {
    const key = `${address.row}/${address.column}`;
    if (!this.reads.has(key)) {
      let read: Read | null = null;
      try {
        const cell = this.table.Cell(address.row, address.column);
        read = { cell, text: cellText(cell.Range) };
      } catch {
        read = null;
      }
      this.reads.set(key, read);
    }
    return this.reads.get(key) ?? null;
  }

  /** Whether every addressable cell of the snapshot row reads back with its text. */
  rowMatches(rowIndex: number, addressing: Addressing): boolean {
    const key = `${rowIndex}/${addressing.coveredCellsCounted}/${addressing.deletedRowsAbove}`;
    let matches = this.rows.get(key);
    if (matches === undefined) {
      const snapshot = this.snapshot;
      matches =
        snapshot !== undefined &&
        rowSignature(snapshot, rowIndex, addressing).every((expected) => {
          const read = this.read(expected);
          return read !== null && sameCellText(read.text, expected.text);
        });
      this.rows.set(key, matches);
      if (matches && this.extraRows === 0 && snapshot && discriminates(snapshot, rowIndex))
        this.proven ??= addressing;
    }
    return matches;
  }
}

/** Whether the two ways of counting covered cells place a row's cells differently. */
function discriminates(table: SnapshotTable, rowIndex: number): boolean {
  const place = (coveredCellsCounted: boolean) =>
    rowSignature(table, rowIndex, { coveredCellsCounted, deletedRowsAbove: 0 })
      .map((a) => a.column)
      .join();
  return place(true) !== place(false);
}

export class CellLocator {
  private readonly probes = new Map<string, TableProbe[]>();

  constructor(
    private readonly doc: WpsDocument,
    private readonly snapshot: DocumentSnapshot | null,
    /** Each body table's place in Document.Tables, as the read found it (text boxes' left out). */
    private readonly tablePositions: readonly number[] = [],
  ) {}

  /** A body table by its ordinal: Document.Tables may list text boxes' tables too. */
  table(tableIndex: number): WpsTable {
    return this.doc.Tables.Item(this.tablePositions[tableIndex] ?? tableIndex + 1);
  }

  locate(at: CellPosition, expected: string): Located {
    const probes = this.probesOf(at);
    if (probes.length === 0) return { skip: "not-found" };
    if (probes.length === 1) return locateIn(probes[0] as TableProbe, at, expected);
    // Nested tables reached along several routes: only a cell exactly one route proves.
    const results = probes.map((probe) => locateIn(probe, at, expected));
    const proved = results.filter((r): r is { cell: WpsCell; found: string } => "cell" in r);
    const [only] = proved;
    if (only && proved.length === 1) return only;
    const found = results.find((r) => r.found !== undefined)?.found;
    return proved.length > 1 || found !== undefined
      ? { skip: "text-differs", ...(found !== undefined && { found }) }
      : { skip: "not-found" };
  }

  /** The probes of the table an address names: one, or one per route to a nested table. */
  private probesOf(at: CellPosition): TableProbe[] {
    const key = tableKey(at);
    if (!this.probes.has(key)) {
      let probes: TableProbe[] = [];
      try {
        const top = this.snapshot ? topLevelTable(this.snapshot, at.tableIndex) : null;
        const path = nestingOf(at);
        const outer = this.table(at.tableIndex);
        if (path.length === 0) probes = [new TableProbe(outer, top ?? undefined)];
        else {
          const table = top ? descend(top, path) : null;
          if (top && table)
            probes = nestedTables(outer, top, path).map((inner) => new TableProbe(inner, table));
        }
      } catch {
        probes = [];
      }
      this.probes.set(key, probes);
    }
    return this.probes.get(key) ?? [];
  }
}

/** Finds the cell in one table, proving it by its text (and its row's, where needed). */
function locateIn(probe: TableProbe, at: CellPosition, expected: string): Located {
  const direct = probe.read({ row: at.rowIndex + 1, column: at.cellIndex + 1 });
  const table = probe.snapshot;
  if (!table?.rows[at.rowIndex]) {
    // Nothing read to compare the row with: the cell's own text is all there is.
    if (!direct) return { skip: "not-found" };
    return sameCellText(direct.text, expected)
      ? { cell: direct.cell, found: direct.text }
      : { skip: "text-differs", found: direct.text };
  }
  if (probe.proven) {
    const address = hostAddress(table, at.rowIndex, at.cellIndex, probe.proven);
    const read = address && probe.read(address);
    if (read && sameCellText(read.text, expected)) return { cell: read.cell, found: read.text };
  }
  const extraRows = probe.extraRows ?? UNKNOWN_EXTRA_ROWS;
  const trusted =
    probe.extraRows !== null &&
    addressUnambiguous(table, at.rowIndex, at.cellIndex, probe.extraRows);
  if (
    direct &&
    sameCellText(direct.text, expected) &&
    (trusted || probe.rowMatches(at.rowIndex, READER_ADDRESSING))
  )
    return { cell: direct.cell, found: direct.text };

  const matches: Read[] = [];
  const seen = new Set([`${at.rowIndex + 1}/${at.cellIndex + 1}`]);
  for (const addressing of addressings(extraRows)) {
    const address = hostAddress(table, at.rowIndex, at.cellIndex, addressing);
    if (!address || seen.has(`${address.row}/${address.column}`)) continue;
    seen.add(`${address.row}/${address.column}`);
    const read = probe.read(address);
    if (read && sameCellText(read.text, expected) && probe.rowMatches(at.rowIndex, addressing))
      matches.push(read);
  }
  const [only] = matches;
  if (only && matches.length === 1) return { cell: only.cell, found: only.text };
  return direct ? { skip: "text-differs", found: direct.text } : { skip: "not-found" };
}

/**
 * The WPS tables a nesting path may lead to from a top-level table: one route per place the
 * plausible numberings give each holding cell (the nested table's text then decides), none
 * where WPS does not say the nested tables' levels or a step finds too few of them.
 */
function nestedTables(
  top: WpsTable,
  topAsRead: SnapshotTable,
  path: readonly NestingStep[],
): WpsTable[] {
  let routes: { table: WpsTable; asRead: SnapshotTable }[] = [{ table: top, asRead: topAsRead }];
  for (const [depth, step] of path.entries()) {
    const level = depth + 2;
    routes = routes.flatMap(({ table, asRead }) => {
      const nextAsRead = descend(asRead, [step]);
      if (!nextAsRead) return [];
      return holders(table, asRead, step).flatMap((holder) => {
        const nested = holder.Tables;
        if (!nested) return [];
        const children: WpsTable[] = [];
        for (let i = 1; i <= nested.Count; i++) {
          const candidate = nested.Item(i);
          if (candidate.NestingLevel === undefined) return [];
          if (candidate.NestingLevel === level) children.push(candidate);
        }
        const next = children[step.tableOrdinal];
        return next ? [{ table: next, asRead: nextAsRead }] : [];
      });
    });
  }
  return routes.map((r) => r.table);
}

/** The cells that may hold a nested table, one per place the numberings give it. */
function holders(table: WpsTable, asRead: SnapshotTable, step: NestingStep): WpsCell[] {
  const extraRows = Math.max(0, table.Rows.Count - asRead.rows.length);
  const seen = new Set<string>();
  const cells: WpsCell[] = [];
  for (const addressing of addressings(extraRows)) {
    const address = hostAddress(asRead, step.rowIndex, step.cellIndex, addressing);
    if (!address || seen.has(`${address.row}/${address.column}`)) continue;
    seen.add(`${address.row}/${address.column}`);
    try {
      cells.push(table.Cell(address.row, address.column));
    } catch {
      // No cell there under this numbering.
    }
  }
  return cells;
}
