/**
 * Finds, in Word, the cells of tables nested in a layout table (a statutory table pasted from a
 * web page), and proves them by their text as cell-locator.ts proves top-level cells.
 *
 * A nested table is reached from its top-level table, one nesting step at a time:
 * Table.getCellOrNullObject(r, c) (WordApi 1.3), then the cell's TableCell.body (1.3: "Gets the
 * Body object of the cell") and Body.tables (1.3: "Gets the collection of table objects in the
 * body"), loaded with each table's nestingLevel and rowCount (1.3). Whether a cell body's tables
 * include tables nested deeper still is not documented (Table.tables, "the child tables nested one
 * level deeper", says so only of a whole table), so only the tables exactly one level below the
 * cell's table are counted, whichever Word gives. Each step costs a round trip, taken only when a
 * plan names a nested cell.
 *
 * Every top-level position a top-level write may take (cell-locator.ts), and every place the
 * plausible numberings (core/marks/addressing.ts) give each holding cell, is tried as a route; a
 * route survives only where the top-level table has nesting level 1, every step finds its cell
 * and enough tables at the next level, and the innermost table has the rows we read. The innermost
 * table is then handed to a locator of its own, which checks the target rows cell by cell under
 * every numbering. A write is carried out only when exactly one candidate proves it; two
 * candidates that both prove it (an ambiguity no test can settle) leave it alone.
 */
import {
  type CellWrite,
  type DocumentSnapshot,
  type SkippedWrite,
  addressUnder,
  distinctAddressings,
  type CellAddress,
  anchorKey,
  descend,
  nestingOf,
  tableKey,
  topLevelTable,
  type SnapshotTable,
  type CellAnchor,
  type NestingStep,
} from "../../core";
import type { WordTableLayout } from "./read-state";
import type { WordCollection, WordTable, WordTableCell } from "./word-api";

/** What a nested table's own locator does; cell-locator.ts's CellLocator is one. */
export interface InnerLocator {
  queue(writes: readonly CellWrite[]): void;
  resolve(): { verified: { write: CellWrite; cell: WordTableCell }[]; skipped: SkippedWrite[] };
  located(at: CellAnchor): WordTableCell | null;
}

/** A locator over one Word table holding one snapshot table, numbered as table 0. */
export type InnerLocatorFactory = (table: WordTable, snapshot: DocumentSnapshot) => InnerLocator;

interface Route {
  /** The table reached so far (after `depth` steps). */
  table: WordTable;
  depth: number;
  /** The whole path to the nested table. */
  path: readonly NestingStep[];
  /** Queued for the next step: the cell, then its body's tables. */
  pending?: { cell: WordTableCell; tables?: WordCollection<WordTable> };
  inner?: { locator: InnerLocator; writes: Map<CellWrite, CellWrite> };
}

interface Group {
  /** The nested table as read. */
  snapshot: SnapshotTable | null;
  top: SnapshotTable | null;
  layout: WordTableLayout | undefined;
  writes: CellWrite[];
  routes: Route[];
}

export class NestedLocator {
  private readonly groups = new Map<string, Group>();
  private readonly targets = new Map<string, WordTableCell | null>();

  constructor(
    private readonly tableAt: (position: number) => WordTable | null,
    private readonly snapshot: DocumentSnapshot | null,
    private readonly layouts: readonly WordTableLayout[],
    private readonly ordinalOnly: boolean,
    private readonly innerLocator: InnerLocatorFactory,
  ) {}

  get isEmpty(): boolean {
    return this.groups.size === 0;
  }

  /** Queues the first step of every route to these writes' tables (in the caller's batch). */
  queue(writes: readonly CellWrite[]): void {
    for (const write of writes) {
      const key = tableKey(write);
      let group = this.groups.get(key);
      if (!group) {
        const top = this.snapshot ? topLevelTable(this.snapshot, write.tableIndex) : null;
        group = {
          top,
          snapshot: top ? descend(top, nestingOf(write)) : null,
          layout: this.layouts[write.tableIndex],
          writes: [],
          routes: [],
        };
        this.groups.set(key, group);
        const positions = this.ordinalOnly
          ? [write.tableIndex]
          : [...new Set([group.layout?.collectionIndex ?? write.tableIndex, write.tableIndex])];
        for (const position of positions) {
          const table = this.tableAt(position);
          if (!table) continue;
          table.load("nestingLevel");
          group.routes.push({ table, depth: 0, path: nestingOf(write) });
        }
        // Without the tables as read, nothing proves a nested cell: no route is taken.
        if (!group.snapshot) group.routes = [];
        const fresh = group;
        fresh.routes = fresh.routes.flatMap((route) => this.step(fresh, route));
      }
      group.writes.push(write);
    }
  }

  /** After the caller's sync: the remaining steps, a round trip each, then the cells' reads. */
  async follow(sync: () => Promise<unknown>): Promise<void> {
    if (this.isEmpty) return;
    for (;;) {
      let queued = false;
      for (const group of this.groups.values()) {
        group.routes = group.routes.flatMap((route) => {
          if (route.depth === 0 && !route.pending?.tables && !isLevel(route.table, 1)) return [];
          const next = this.advance(route);
          if (!next) return [];
          if (next.depth >= next.path.length) return [next];
          queued = true;
          if (!next.pending) return this.step(group, next);
          next.pending.tables = this.tablesIn(next.pending.cell);
          return [next];
        });
      }
      if (!queued) break;
      await sync();
    }
    for (const group of this.groups.values()) {
      const table = group.snapshot;
      if (!table) continue;
      group.routes = group.routes.filter((route) => isRowCount(route.table, table.rows.length));
      for (const route of group.routes) {
        const locator = this.innerLocator(route.table, {
          blocks: [{ ...table, tableIndex: 0 }],
        });
        const writes = new Map<CellWrite, CellWrite>();
        for (const write of group.writes) {
          const inner: CellWrite = { ...write, tableIndex: 0 };
          delete inner.nesting;
          writes.set(write, inner);
        }
        locator.queue([...writes.values()]);
        route.inner = { locator, writes };
      }
    }
    await sync();
  }

  /** After follow(): the writes proved by exactly one route, and the others. */
  resolve(): { verified: { write: CellWrite; cell: WordTableCell }[]; skipped: SkippedWrite[] } {
    const verified: { write: CellWrite; cell: WordTableCell }[] = [];
    const skipped: SkippedWrite[] = [];
    for (const group of this.groups.values()) {
      const results = group.routes.flatMap((route) =>
        route.inner ? [{ inner: route.inner, outcome: route.inner.locator.resolve() }] : [],
      );
      for (const write of group.writes) {
        const proofs = results.flatMap(({ inner, outcome }) => {
          const mapped = inner.writes.get(write);
          return outcome.verified.filter((v) => v.write === mapped);
        });
        const refusals = results.flatMap(({ inner, outcome }) => {
          const mapped = inner.writes.get(write);
          return outcome.skipped.filter((s) => s.write === mapped);
        });
        const [only] = proofs;
        if (only && proofs.length === 1) {
          verified.push({ write, cell: only.cell });
          this.targets.set(anchorKey(write), only.cell);
        } else {
          this.targets.set(anchorKey(write), null);
          const found = refusals.find((s) => s.found !== undefined)?.found;
          skipped.push({
            write,
            reason: proofs.length > 1 || found !== undefined ? "text-differs" : "not-found",
            ...(found !== undefined && { found }),
          });
        }
      }
    }
    return { verified, skipped };
  }

  /** After resolve(): the proved cell a write names, or null. */
  located(at: CellAnchor): WordTableCell | null {
    return this.targets.get(anchorKey(at)) ?? null;
  }

  /**
   * Queues the cell of the route's next step (its body's tables come in the next round trip),
   * once for each place the plausible numberings put it: a route per place, which the nested
   * table's rows and text then confirm or refute.
   */
  private step(group: Group, route: Route): Route[] {
    const stepAt = route.path[route.depth];
    const holder = group.top ? descend(group.top, route.path.slice(0, route.depth)) : null;
    if (!stepAt || !holder) return [];
    const deletedRows = route.depth === 0 ? (group.layout?.deletedRows ?? []) : [];
    return holderAddresses(holder, deletedRows, stepAt).map((address) => ({
      ...route,
      // The cell first: what a null cell's body gives is not documented, so it is never asked.
      pending: { cell: route.table.getCellOrNullObject(address.rowIndex, address.cellIndex) },
    }));
  }

  private tablesIn(cell: WordTableCell): WordCollection<WordTable> {
    const tables = cell.body.tables;
    tables.load("items/nestingLevel,items/rowCount");
    return tables;
  }

  /**
   * A route after its last round trip: the same route once its cell proved real (its tables
   * are queued next), the next level's route once the tables are loaded, or null where it ends.
   */
  private advance(route: Route): Route | null {
    if (route.depth >= route.path.length) return route;
    const pending = route.pending;
    if (!pending || pending.cell.isNullObject) return null;
    if (!pending.tables) return route;
    const stepAt = route.path[route.depth];
    const level = route.depth + 2;
    const children = pending.tables.items.filter((t) => t.nestingLevel === level);
    const table = stepAt ? children[stepAt.tableOrdinal] : undefined;
    return table ? { table, depth: route.depth + 1, path: route.path } : null;
  }
}

/** Every place the plausible numberings give the cell holding a nested table, each once. */
function holderAddresses(
  table: SnapshotTable,
  deletedRows: readonly number[],
  at: { rowIndex: number; cellIndex: number },
): CellAddress[] {
  const places = new Map<string, CellAddress>();
  for (const addressing of distinctAddressings(table, deletedRows)) {
    const address = addressUnder(table, deletedRows, addressing, at.rowIndex, at.cellIndex);
    if (address) places.set(`${address.rowIndex}/${address.cellIndex}`, address);
  }
  return [...places.values()];
}

function isLevel(table: WordTable, level: number): boolean {
  try {
    return !table.isNullObject && table.nestingLevel === level;
  } catch {
    return false;
  }
}

function isRowCount(table: WordTable, rows: number): boolean {
  try {
    return table.rowCount === rows;
  } catch {
    return false;
  }
}
