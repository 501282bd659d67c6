/**
 * Finds the cells of a write plan in Word and checks, before anything is written, that each
 * holds the text we checked. Everything is queued in the batch that locates the cells, so the
 * check adds no round trip: tables are reached through body.tables.getFirstOrNullObject() and
 * getNextOrNullObject() (no collection has to be loaded first), and each cell through
 * getCellOrNullObject(r, c) with its value (WordApi 1.3).
 *
 * Word documents getCell's index only as "the index of the cell in the row"; our reader counts
 * vertical-merge continuation cells and drops rows deleted under track changes, which Word may
 * not. Where a table allows more than one numbering (core/marks/addressing.ts), and more than
 * one position in Word's table order (nested tables counted or not), every candidate is read
 * for each whole row we write in, and the candidate under which most cells of the row hold
 * their snapshot text wins; a tie goes to the one that does best over the table. Where the table
 * cannot decide either and the tied candidates put a target in different cells, the target is
 * ambiguous and skipped ("text-differs"), as WPS refuses an ambiguous address. A cell is written
 * only where its own text matches under the chosen numbering.
 *
 * Tables past the last one the read counted are never asked for (tableAt gives null): what Word
 * does with a method called on a null object is not documented (searched the office-js issues and
 * docs: only that isNullObject is known after the sync). Within that count a position can still
 * be past the last table where Word's order leaves nested tables out; if the batch fails there,
 * the host locates once more with each table's ordinal only (ordinalOnly, word-host.ts).
 *
 * Cells of tables nested in a layout table (writes with a nesting path) are never looked for
 * here: nested-locator.ts reaches them step by step, in round trips of their own (follow()).
 */
import {
  ADDRESSINGS,
  addressUnder,
  distinctAddressings,
  type Addressing,
  type CellAddress,
  sameCellText,
  type CellWrite,
  type DocumentSnapshot,
  type SkippedWrite,
  type SnapshotTable,
  anchorKey,
  isNested,
  type CellAnchor,
} from "../../core";
import { NestedLocator } from "./nested-locator";
import type { WordTableLayout } from "./read-state";
import type { WordTable, WordTableCell } from "./word-api";

interface Candidate {
  /** Position in Word's table order. */
  position: number;
  addressing: Addressing;
}

interface Probe {
  cellIndex: number;
  expected: string;
  /** The cell's text with its hidden and placeholder text, where it has any (read-state.ts). */
  withHidden: string | null;
  /** Null when the candidate gives this cell no address. */
  cell: WordTableCell | null;
  /** Which Word cell: position/row/cell, null with cell. */
  key: string | null;
}

interface TableCheck {
  snapshot: SnapshotTable | null;
  /** The snapshot's cells with hidden and placeholder text, where the table holds any. */
  textsWithHidden: string[][] | null;
  deletedRows: number[];
  candidates: Candidate[];
  writes: CellWrite[];
  /** probes[candidate][rowIndex] */
  probes: Map<number, Probe[]>[];
  chosen?: Candidate;
}

export interface VerifiedWrite {
  write: CellWrite;
  cell: WordTableCell;
}

export class CellLocator {
  private readonly checks = new Map<number, TableCheck>();
  private readonly cells = new Map<string, WordTableCell>();
  /** Each queued write's cell under the numbering chosen for its row, once resolved. */
  private readonly targets = new Map<string, WordTableCell | null>();
  private readonly nested: NestedLocator;

  constructor(
    /** The table at a position in Word's order (a proxy; queued, not synced); null past the last. */
    private readonly tableAt: (position: number) => WordTable | null,
    private readonly snapshot: DocumentSnapshot | null,
    private readonly layouts: readonly WordTableLayout[],
    /** Only the table's ordinal among top-level tables as its position (the retry). */
    private readonly ordinalOnly = false,
  ) {
    this.nested = new NestedLocator(
      tableAt,
      snapshot,
      layouts,
      ordinalOnly,
      (table, inner) => new CellLocator((p) => (p === 0 ? table : null), inner, [], true),
    );
  }

  /** Queues the reads that locate and check these writes' cells. */
  queue(writes: readonly CellWrite[]): void {
    this.nested.queue(writes.filter(isNested));
    const byTable = new Map<number, CellWrite[]>();
    for (const write of writes) {
      if (isNested(write)) continue;
      const list = byTable.get(write.tableIndex) ?? [];
      list.push(write);
      byTable.set(write.tableIndex, list);
    }
    for (const [tableIndex, tableWrites] of byTable) {
      const check = this.checkFor(tableIndex, tableWrites);
      this.checks.set(tableIndex, check);
      const rows = [...new Set(tableWrites.map((w) => w.rowIndex))];
      const wholeRows = check.snapshot !== null && check.candidates.length > 1;
      check.probes = check.candidates.map((candidate) => {
        const byRow = new Map<number, Probe[]>();
        for (const rowIndex of rows) {
          const inRow = tableWrites.filter((w) => w.rowIndex === rowIndex);
          const indices = wholeRows
            ? (check.snapshot?.rows[rowIndex]?.cells.map((_, i) => i) ?? [])
            : inRow.map((w) => w.cellIndex);
          byRow.set(
            rowIndex,
            indices.map((cellIndex) => {
              const target = inRow.find((w) => w.cellIndex === cellIndex);
              const expected =
                target?.expectedText ??
                check.snapshot?.rows[rowIndex]?.cells[cellIndex]?.text ??
                "";
              const address = this.addressOf(check, candidate.addressing, rowIndex, cellIndex);
              const cell = address ? this.cellAt(candidate.position, address) : null;
              return {
                cellIndex,
                expected,
                withHidden: check.textsWithHidden?.[rowIndex]?.[cellIndex] ?? null,
                cell,
                key:
                  cell && address
                    ? `${candidate.position}/${address.rowIndex}/${address.cellIndex}`
                    : null,
              };
            }),
          );
        }
        return byRow;
      });
    }
  }

  /**
   * After the sync of queue()'s batch: the further round trips nested cells need (none when the
   * writes name no nested cell).
   */
  async followNesting(sync: () => Promise<unknown>): Promise<void> {
    await this.nested.follow(sync);
  }

  /** After the sync (and followNesting): the writes whose cell holds the expected text, and the others. */
  resolve(): { verified: VerifiedWrite[]; skipped: SkippedWrite[] } {
    const nested = this.nested.isEmpty ? null : this.nested.resolve();
    const verified: VerifiedWrite[] = [...(nested?.verified ?? [])];
    const skipped: SkippedWrite[] = [...(nested?.skipped ?? [])];
    for (const check of this.checks.values()) {
      const rows = [...new Set(check.writes.map((w) => w.rowIndex))];
      // How many of a row's cells hold their snapshot text under a candidate: the right
      // numbering matches them all, unless the user edited a cell since the read.
      const matches = (c: number, row: number) =>
        (check.probes[c]?.get(row) ?? []).filter((p) => holds(p.cell, p)).length;
      const score = (c: number) => rows.reduce((sum, row) => sum + matches(c, row), 0);
      const best = argMax(check.candidates.length, score, 0);
      check.chosen = check.candidates[best];
      for (const row of rows) {
        const top = Math.max(...check.candidates.map((_, c) => matches(c, row)));
        const rowTied = check.candidates.flatMap((_, c) => (matches(c, row) === top ? [c] : []));
        // The row cannot tell them apart: the table as a whole may. Where it cannot either, a
        // target these candidates put in different cells is ambiguous and left alone.
        const topTable = Math.max(...rowTied.map(score));
        const finalists = rowTied.filter((c) => score(c) === topTable);
        const winner = finalists.includes(best) ? best : (finalists[0] ?? best);
        const probes = check.probes[winner]?.get(row) ?? [];
        for (const write of check.writes.filter((w) => w.rowIndex === row)) {
          const probeOf = (c: number) =>
            check.probes[c]?.get(row)?.find((p) => p.cellIndex === write.cellIndex);
          const probe = probes.find((p) => p.cellIndex === write.cellIndex);
          const cell = probe?.cell ?? null;
          const ambiguous = new Set(finalists.map((c) => probeOf(c)?.key ?? null)).size > 1;
          const usable = cell && !cell.isNullObject && !ambiguous ? cell : null;
          this.targets.set(keyOf(write), usable);
          if (!cell || cell.isNullObject) skipped.push({ write, reason: "not-found" });
          else if (
            ambiguous ||
            !(
              sameCellText(cell.value, write.expectedText) ||
              (probe?.withHidden != null && sameCellText(cell.value, probe.withHidden))
            )
          )
            skipped.push({ write, reason: "text-differs", found: cell.value });
          else verified.push({ write, cell });
        }
      }
    }
    return { verified, skipped };
  }

  /** After resolve(): the cell a queued write names, whatever its text now; null if none. */
  located(at: CellAnchor): WordTableCell | null {
    if (isNested(at)) return this.nested.located(at);
    return this.targets.get(keyOf(at)) ?? null;
  }

  private checkFor(tableIndex: number, writes: CellWrite[]): TableCheck {
    const layout = this.layouts[tableIndex];
    const table =
      this.snapshot?.blocks.find(
        (b): b is SnapshotTable => b.kind === "table" && b.tableIndex === tableIndex,
      ) ?? null;
    // A snapshot that does not hold the texts the plan expects is not the one the plan came
    // from: check the targets only, under the reader's numbering.
    const current =
      table &&
      writes.every((w) => {
        const cell = table.rows[w.rowIndex]?.cells[w.cellIndex];
        return cell !== undefined && sameCellText(cell.text, w.expectedText);
      })
        ? table
        : null;
    const deletedRows = current ? (layout?.deletedRows ?? []) : [];
    const positions = this.ordinalOnly
      ? [tableIndex]
      : [...new Set([layout?.collectionIndex ?? tableIndex, tableIndex])];
    const addressings = current
      ? distinctAddressings(current, deletedRows)
      : ADDRESSINGS.slice(0, 1);
    return {
      snapshot: current,
      textsWithHidden: current ? (layout?.textsWithHidden ?? null) : null,
      deletedRows,
      candidates: positions.flatMap((position) =>
        addressings.map((addressing) => ({ position, addressing })),
      ),
      writes,
      probes: [],
    };
  }

  private addressOf(
    check: TableCheck,
    addressing: Addressing,
    rowIndex: number,
    cellIndex: number,
  ): CellAddress | null {
    if (!check.snapshot) return { rowIndex, cellIndex };
    return addressUnder(check.snapshot, check.deletedRows, addressing, rowIndex, cellIndex);
  }

  private cellAt(position: number, address: CellAddress): WordTableCell | null {
    const key = `${position}/${address.rowIndex}/${address.cellIndex}`;
    let cell = this.cells.get(key);
    if (!cell) {
      const table = this.tableAt(position);
      if (!table) return null;
      cell = table.getCellOrNullObject(address.rowIndex, address.cellIndex);
      cell.load("value");
      this.cells.set(key, cell);
    }
    return cell;
  }
}

/** The index in [0, count) with the highest score; ties go to preferred, then the first. */
function argMax(count: number, score: (i: number) => number, preferred: number): number {
  let chosen = preferred;
  let top = score(preferred);
  for (let i = 0; i < count; i++) {
    const value = score(i);
    if (value > top) [chosen, top] = [i, value];
  }
  return chosen;
}

const keyOf = anchorKey;

/** The cell holds the text we checked, or that text with its hidden and placeholder text. */
function holds(cell: WordTableCell | null, probe: Probe): boolean {
  if (cell === null || cell.isNullObject) return false;
  return (
    sameCellText(cell.value, probe.expected) ||
    (probe.withHidden !== null && sameCellText(cell.value, probe.withHidden))
  );
}
