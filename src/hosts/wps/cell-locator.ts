/**
 * Finds the WPS cell a snapshot address means, and proves it by its text before anyone writes
 * to it. The reader's numbering is tried first; when the cell there holds other text, or does
 * not exist, the other plausible numberings (addressing.ts) are tried, each accepted only when
 * the whole row reads back as we read it. Nothing ambiguous is ever returned.
 */
import { sameCellText, type SkipReason } from "../../core";
import type { DocumentSnapshot, SnapshotTable } from "../../core/model/snapshot";
import {
  addressUnambiguous,
  addressings,
  hostAddress,
  READER_ADDRESSING,
  rowSignature,
  type Addressing,
  type HostAddress,
} from "./addressing";
import type { WpsCell, WpsDocument, WpsTable } from "./wps-api";

export interface CellPosition {
  tableIndex: number;
  rowIndex: number;
  cellIndex: number;
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
        read = { cell, text: stripCellMarks(cell.Range.Text) };
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
  private readonly probes = new Map<number, TableProbe | null>();

  constructor(
    private readonly doc: WpsDocument,
    private readonly snapshot: DocumentSnapshot | null,
  ) {}

  locate(at: CellPosition, expected: string): Located {
    const probe = this.probe(at.tableIndex);
    if (!probe) return { skip: "not-found" };
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

  private probe(tableIndex: number): TableProbe | null {
    if (!this.probes.has(tableIndex)) {
      let probe: TableProbe | null = null;
      try {
        const snapshot = this.snapshot?.blocks.find(
          (b): b is SnapshotTable => b.kind === "table" && b.tableIndex === tableIndex,
        );
        probe = new TableProbe(this.doc.Tables.Item(tableIndex + 1), snapshot);
      } catch {
        probe = null;
      }
      this.probes.set(tableIndex, probe);
    }
    return this.probes.get(tableIndex) ?? null;
  }
}

/** A cell's text without the paragraph and end-of-cell marks WPS ends it with. */
export function stripCellMarks(text: string): string {
  // eslint-disable-next-line no-control-regex -- \x07 is WPS's end-of-cell mark, which we strip
  return text.replace(/[\r\x07]+$/, "").replace(/\r/g, "\n");
}
