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
 * their snapshot text wins (ties: the one that does best over the table, then the reader's
 * own). A cell is written only where its own text matches under the chosen numbering.
 */
import {
  ADDRESSINGS,
  addressUnder,
  distinctAddressings,
  type Addressing,
  type CellAddress,
} from "../../core/marks/addressing";
import { sameCellText, type CellWrite, type DocumentSnapshot, type SkippedWrite } from "../../core";
import type { SnapshotTable } from "../../core/model/snapshot";
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
  /** Null when the candidate gives this cell no address. */
  cell: WordTableCell | null;
}

interface TableCheck {
  snapshot: SnapshotTable | null;
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

  constructor(
    /** The table at a position in Word's order (a proxy; queued, not synced). */
    private readonly tableAt: (position: number) => WordTable,
    private readonly snapshot: DocumentSnapshot | null,
    private readonly layouts: readonly WordTableLayout[],
  ) {}

  /** Queues the reads that locate and check these writes' cells. */
  queue(writes: readonly CellWrite[]): void {
    const byTable = new Map<number, CellWrite[]>();
    for (const write of writes) {
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
              return {
                cellIndex,
                expected,
                cell: address ? this.cellAt(candidate.position, address) : null,
              };
            }),
          );
        }
        return byRow;
      });
    }
  }

  /** After the sync: the writes whose cell holds the expected text, and the others. */
  resolve(): { verified: VerifiedWrite[]; skipped: SkippedWrite[] } {
    const verified: VerifiedWrite[] = [];
    const skipped: SkippedWrite[] = [];
    for (const check of this.checks.values()) {
      const rows = [...new Set(check.writes.map((w) => w.rowIndex))];
      // How many of a row's cells hold their snapshot text under a candidate: the right
      // numbering matches them all, unless the user edited a cell since the read.
      const matches = (c: number, row: number) =>
        (check.probes[c]?.get(row) ?? []).filter((p) => holds(p.cell, p.expected)).length;
      const score = (c: number) => rows.reduce((sum, row) => sum + matches(c, row), 0);
      const best = argMax(check.candidates.length, score, 0);
      check.chosen = check.candidates[best];
      for (const row of rows) {
        const probes =
          check.probes[argMax(check.candidates.length, (c) => matches(c, row), best)]?.get(row) ??
          [];
        for (const write of check.writes.filter((w) => w.rowIndex === row)) {
          const cell = probes.find((p) => p.cellIndex === write.cellIndex)?.cell ?? null;
          this.targets.set(keyOf(write), cell && !cell.isNullObject ? cell : null);
          if (!cell || cell.isNullObject) skipped.push({ write, reason: "not-found" });
          else if (!sameCellText(cell.value, write.expectedText))
            skipped.push({ write, reason: "text-differs", found: cell.value });
          else verified.push({ write, cell });
        }
      }
    }
    return { verified, skipped };
  }

  /** After resolve(): the cell a queued write names, whatever its text now; null if none. */
  located(at: { tableIndex: number; rowIndex: number; cellIndex: number }): WordTableCell | null {
    return this.targets.get(keyOf(at)) ?? null;
  }

  /**
   * A cell for a comment anchor, under the numbering chosen for its table when one was (the
   * table had writes), else the reader's own. Comments are not checked: they name their finding.
   */
  cellForComment(tableIndex: number, rowIndex: number, cellIndex: number): WordTableCell | null {
    const check = this.checks.get(tableIndex) ?? this.checkFor(tableIndex, []);
    const candidate = check.chosen ?? check.candidates[0];
    if (!candidate) return null;
    const address = this.addressOf(check, candidate.addressing, rowIndex, cellIndex);
    return address
      ? this.tableAt(candidate.position).getCell(address.rowIndex, address.cellIndex)
      : null;
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
    const positions = [...new Set([layout?.collectionIndex ?? tableIndex, tableIndex])];
    const addressings = current
      ? distinctAddressings(current, deletedRows)
      : ADDRESSINGS.slice(0, 1);
    return {
      snapshot: current,
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

  private cellAt(position: number, address: CellAddress): WordTableCell {
    const key = `${position}/${address.rowIndex}/${address.cellIndex}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = this.tableAt(position).getCellOrNullObject(address.rowIndex, address.cellIndex);
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

const keyOf = (at: { tableIndex: number; rowIndex: number; cellIndex: number }) =>
  `${at.tableIndex}/${at.rowIndex}/${at.cellIndex}`;

function holds(cell: WordTableCell | null, expected: string): boolean {
  return cell !== null && !cell.isNullObject && sameCellText(cell.value, expected);
}
