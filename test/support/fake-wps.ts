/**
 * A fake of the WPS 文字 object model (window.Application) over a document in memory, with
 * the VBA-style semantics the adapter relies on: 1-based collections; Document.Tables lists
 * top-level tables; Paragraphs includes the paragraphs inside tables; Range.Text ends with the
 * paragraph mark, and a cell's with the end-of-cell mark; Table.Rows(i) raises on a table with
 * vertically merged cells and Cell(r, c) raises for a covered position; shading is a BGR
 * integer; comments carry a writable Author; custom XML parts are selected by namespace; undo
 * records group changes. Every call into the model is counted (Paragraphs.Item(i) costs i calls,
 * as Word's linked paragraphs do), and every change to the document made outside an undo record
 * is recorded, for the tests to assert on.
 *
 * Where real WPS is unknown the fake can play the other plausible semantics (FakeWpsOptions):
 * Cell(r, c) not counting covered cells, tracked-deleted rows still counted, WordOpenXML as WPS
 * writes it or empty, no UndoRecord, a silent InsertXML, an ignored Author, no CustomXMLParts,
 * TrackRevisions as -1/0, a null paragraph Style, a cell's Tables listing tables nested deeper
 * too, tables without NestingLevel; Document.Tables and Paragraphs listing the text boxes'
 * tables and paragraphs (VBA lists neither: a text box is a story of its own, which
 * Range.StoryType tells), no StoryType; Range.Text with or without hidden text (hideText adds
 * some), a TextRetrievalMode honoured, ignored or absent, no Font.Hidden; and it can fail single
 * calls on demand (FakeWpsFailures). A cell's Range.Text holds the text of the tables nested in
 * it, as VBA's does.
 */
import { COMMENT_AUTHOR, COMMENT_INITIALS, readDocument } from "../../src/core";
import type {
  SnapshotBlock,
  SnapshotCell,
  SnapshotParagraph,
  SnapshotTable,
} from "../../src/core/model/snapshot";
import { MemoryDocument, type Target } from "../../src/hosts/memory/memory-document";
import type { WpsApplication } from "../../src/hosts/wps/wps-api";
import { fromBgr, toBgr } from "../../src/hosts/wps/colors";
import { documentFlatOpc, flatOpcOf } from "./table-ooxml";
import { DELETED_ROW_TEXT, wpsDocumentXml, wpsTableXml } from "./wps-ooxml";

/** The name WPS signs new comments with until the add-in sets Author. */
export const WPS_USER = "张三";
const AUTOMATIC = -16777216;

export interface FakeWpsOptions {
  /** WordOpenXML throws, as it may on some WPS builds: the adapter must walk the cells. */
  noWordOpenXml?: boolean;
  /** Only the whole document's WordOpenXML throws: the adapter must read table by table. */
  noDocumentXml?: boolean;
  /**
   * What WordOpenXML returns: "minimal" (document.xml only, from our snapshot; the default),
   * "wps" (as WPS writes it: styles part, numeric style ids, w14 attributes, a w:sdt, deleted
   * rows as w:del) or "empty" (an empty string).
   */
  wordOpenXml?: "minimal" | "wps" | "empty";
  /** InsertXML throws: the adapter must build the template with Tables.Add and Merge. */
  noInsertXml?: boolean;
  /** InsertXML returns without inserting anything. */
  silentInsertXml?: boolean;
  /**
   * Table.Cell(r, c) skips the cells covered by a vertical merge (c counts only real cells),
   * where our reader's w:tc order counts them. RowIndex and ColumnIndex, which the cell walk
   * reads, keep the w:tc numbering.
   */
  coveredCellsSkipped?: boolean;
  /**
   * Every table with more rows has a tracked-deleted row before this row of ours: Cell(r, c),
   * Rows.Count and Range.Cells count it (as Word keeps a deleted row until it is accepted),
   * WordOpenXML marks it w:del, and our reader drops it.
   */
  deletedRowBefore?: number;
  /** Application.UndoRecord is absent, or StartCustomRecord throws. */
  undoRecord?: "present" | "absent" | "throws";
  /** Setting a comment's Author (or Initial) does nothing: WPS keeps the user's name. */
  authorIgnored?: boolean;
  /** Document.CustomXMLParts is absent, or has Add but no SelectByNamespace. */
  customXmlParts?: "present" | "absent" | "no-select";
  /**
   * TrackRevisions as COM passes VBA's values: -1 for on, 0 for off, and a boolean set on it
   * raises (a type mismatch), so the value read must be the one written back.
   */
  trackRevisionsNumeric?: boolean;
  /** Paragraph.Style returns null, as it may for a paragraph without a usable style. */
  styleNull?: boolean;
  /** Cell.Tables also lists the tables nested deeper than the cell's own. Default false. */
  cellTablesDeep?: boolean;
  /** Table.NestingLevel is undefined, as on a WPS that does not implement it. */
  noNestingLevel?: boolean;
  /** Document.Tables lists the text boxes' tables too, in document order. */
  textBoxTablesListed?: boolean;
  /** Document.Paragraphs lists the paragraphs of the text boxes' tables too, in document order. */
  textBoxParagraphsListed?: boolean;
  /** Range.StoryType is undefined. */
  noStoryType?: boolean;
  /** Range.Text leaves hidden text out (as Word does while the view hides it); else it holds it. */
  hiddenTextExcluded?: boolean;
  /** TextRetrievalMode.IncludeHiddenText = false is honoured (default), ignored, or absent. */
  textRetrievalMode?: "honoured" | "ignored" | "absent";
  /** Range.Font is absent, so no Font.Hidden. */
  noFontHidden?: boolean;
}

/** Calls to fail on demand, set at any time. */
export interface FakeWpsFailures {
  commentsAdd?: boolean;
  customXmlAdd?: boolean;
  /** Setting any cell's shading. */
  shading?: boolean;
  /** Table.Cell at this address (table 0-based as ours, row and column as passed). */
  cell?: { tableIndex: number; row: number; column: number };
  /** Switching TrackRevisions back on. */
  trackRevisionsOn?: boolean;
  /** CustomXMLPart.Delete. */
  customXmlDelete?: boolean;
}

export interface FakeWps {
  application: WpsApplication;
  document: MemoryDocument;
  /** Calls into the object model so far. */
  calls(): number;
  /** Names of the undo records opened, in order. */
  undoRecords: string[];
  /** Changes made to the document while no undo record was open. */
  unrecordedChanges(): number;
  trackRevisions: boolean;
  /** Changes made to the document while revision tracking was on (they became revisions). */
  trackedChanges(): number;
  scrolledTo: string[];
  failures: FakeWpsFailures;
  /** Shadings set on cells of tracked-deleted rows: never ours to touch. */
  deletedRowWrites(): number;
  /** Who WPS signs new comments with. */
  commentAuthor: string;
  /** The initials new comments get; undefined where WPS keeps its own. */
  commentInitials: string | undefined;
  /** Adds hidden text (w:vanish) to a paragraph's or cell's text, before its character `at`. */
  hideText(owner: SnapshotParagraph | SnapshotCell, at: number, text: string): void;
}

interface World {
  doc: MemoryDocument;
  options: FakeWpsOptions;
  failures: FakeWpsFailures;
  deletedRowWrites: number;
  /** The tables the document came with: only they have a deleted row. */
  withDeletedRow: WeakSet<SnapshotTable>;
  calls: number;
  undoDepth: number;
  undoRecords: string[];
  unrecorded: number;
  tracked: number;
  trackRevisions: boolean;
  scrolledTo: string[];
  hidden: Map<SnapshotParagraph | SnapshotCell, { at: number; text: string }>;
}

const count = (world: World) => void world.calls++;

/** The level of a table in the document: 1 for a top-level one, 0 when it is not there. */
function levelOf(doc: MemoryDocument, table: SnapshotTable): number {
  const search = (current: SnapshotTable, level: number): number => {
    if (current === table) return level;
    for (const row of current.rows)
      for (const cell of row.cells)
        for (const nested of cell.nestedTables) {
          const found = search(nested, level + 1);
          if (found) return found;
        }
    return 0;
  };
  for (const top of allTables(doc)) {
    const found = search(top, 1);
    if (found) return found;
  }
  return 0;
}

/** The top-level tables, the text boxes' included, in document order. */
function allTables(doc: MemoryDocument): SnapshotTable[] {
  return doc.blocks.filter((b): b is SnapshotTable => b.kind === "table");
}

/** Whether a table is (or is nested in) a text box's table. */
function inTextBox(doc: MemoryDocument, table: SnapshotTable): boolean {
  const holds = (current: SnapshotTable): boolean =>
    current === table || current.rows.some((r) => r.cells.some((c) => c.nestedTables.some(holds)));
  return doc.blocks.some((b) => b.kind === "table" && b.origin === "textbox" && holds(b));
}

/** A paragraph's or cell's own text, each character with whether it is hidden. */
function ownCharacters(world: World, owner: SnapshotParagraph | SnapshotCell) {
  const chars = [...owner.text].map((char) => ({ char, hidden: false }));
  const hidden = world.hidden.get(owner);
  if (hidden)
    chars.splice(hidden.at, 0, ...[...hidden.text].map((char) => ({ char, hidden: true })));
  return chars;
}

function ownText(world: World, owner: SnapshotParagraph | SnapshotCell, withHidden: boolean) {
  return ownCharacters(world, owner)
    .filter((c) => withHidden || !c.hidden)
    .map((c) => c.char)
    .join("");
}

/** A cell's text as VBA's Range.Text gives it: its own, then that of the tables nested in it. */
function hostCellText(world: World, cell: SnapshotCell, withHidden: boolean): string {
  const nested = cell.nestedTables.flatMap((t) =>
    t.rows.flatMap((r) => r.cells.map((c) => `${hostCellText(world, c, withHidden)}\r\x07`)),
  );
  return [ownText(world, cell, withHidden), ...nested].join("\r");
}

/**
 * A collection as a caller holds it: its items as they were when it was obtained. A linked
 * collection's Item(i) walks from the first item, i calls.
 */
function collection<T>(world: World, resolve: () => T[], linked = false) {
  let cached: T[] | null = null;
  const items = () => (cached ??= resolve());
  return {
    get Count() {
      count(world);
      return items().length;
    },
    Item(index: number): T {
      count(world);
      if (linked) world.calls += Math.max(0, index - 1);
      const item = items()[index - 1];
      if (item === undefined) throw new Error("集合所要求的成员不存在。");
      return item;
    },
  };
}

type Place =
  | Target
  | { kind: "table"; table: SnapshotTable }
  /** A collapsed range: the point after a block (null: the start of the document). */
  | { kind: "point"; after: SnapshotBlock | null; covered: SnapshotParagraph[] }
  /** A cell of a tracked-deleted row: not in our document at all. */
  | { kind: "deleted" }
  /** One character of a paragraph or cell (Range.Characters). */
  | { kind: "character"; char: string; hidden: boolean; inTextBox: boolean };

type HostRow = { deleted: false; index: number } | { deleted: true };

/** A table's rows as WPS counts them: ours, and the tracked-deleted row where there is one. */
function hostRows(world: World, table: SnapshotTable): HostRow[] {
  const rows: HostRow[] = table.rows.map((_, index) => ({ deleted: false, index }));
  const before = world.options.deletedRowBefore;
  if (before !== undefined && before < table.rows.length && world.withDeletedRow.has(table))
    rows.splice(before, 0, { deleted: true });
  return rows;
}

function wordOpenXml(world: World, blocks: SnapshotBlock[] | SnapshotTable): string {
  const mode = world.options.wordOpenXml ?? "minimal";
  if (mode === "empty") return "";
  const deleted = world.options.deletedRowBefore ?? null;
  if (Array.isArray(blocks))
    return mode === "wps" ? wpsDocumentXml(blocks, deleted) : documentFlatOpc(blocks);
  return mode === "wps" ? wpsTableXml(blocks, deleted) : flatOpcOf(blocks);
}

class FakeRange {
  /** Set through TextRetrievalMode; null: as the fake's options say. */
  private includeHidden: boolean | null = null;

  constructor(
    private readonly world: World,
    private place: Place,
  ) {}
  get target(): Place {
    return this.place;
  }
  get Text(): string {
    count(this.world);
    const place = this.place;
    const withHidden = this.includeHidden ?? !this.world.options.hiddenTextExcluded;
    if (place.kind === "paragraph") return `${ownText(this.world, place.paragraph, withHidden)}\r`;
    if (place.kind === "cell") return `${hostCellText(this.world, place.cell, withHidden)}\r\x07`;
    if (place.kind === "deleted") return `${DELETED_ROW_TEXT}\r\x07`;
    if (place.kind === "character") return withHidden || !place.hidden ? place.char : "";
    throw new Error("fake WPS: Text of this range is not modelled");
  }
  get StoryType(): number | undefined {
    count(this.world);
    if (this.world.options.noStoryType) return undefined;
    const place = this.place;
    const boxed =
      place.kind === "character"
        ? place.inTextBox
        : (place.kind === "cell" || place.kind === "table") &&
          inTextBox(this.world.doc, place.table);
    return boxed ? 5 : 1;
  }
  get TextRetrievalMode() {
    count(this.world);
    const mode = this.world.options.textRetrievalMode ?? "honoured";
    if (mode === "absent") return undefined;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the mode object sets this range's switch
    const range = this;
    const world = this.world;
    return {
      get IncludeHiddenText() {
        count(world);
        return range.includeHidden ?? !world.options.hiddenTextExcluded;
      },
      set IncludeHiddenText(on: boolean) {
        count(world);
        if (mode === "honoured") range.includeHidden = on;
      },
    };
  }
  /** Font.Hidden: -1 all hidden, 0 none, 9999999 a mix (a paragraph or cell mark is never hidden). */
  get Font() {
    count(this.world);
    if (this.world.options.noFontHidden) return undefined;
    const world = this.world;
    const place = this.place;
    return {
      get Hidden() {
        count(world);
        if (place.kind === "character") return place.hidden ? -1 : 0;
        const owner =
          place.kind === "paragraph" ? place.paragraph : place.kind === "cell" ? place.cell : null;
        return owner && ownCharacters(world, owner).some((c) => c.hidden) ? 9999999 : 0;
      },
    };
  }
  get Characters() {
    count(this.world);
    const world = this.world;
    const place = this.place;
    if (place.kind !== "paragraph" && place.kind !== "cell")
      throw new Error("fake WPS: Characters of this range is not modelled");
    const owner = place.kind === "paragraph" ? place.paragraph : place.cell;
    const inBox = place.kind === "cell" && inTextBox(world.doc, place.table);
    const marks = place.kind === "cell" ? ["\r", "\x07"] : ["\r"];
    return collection(world, () =>
      [...ownCharacters(world, owner), ...marks.map((char) => ({ char, hidden: false }))].map(
        (c) => new FakeRange(world, { kind: "character", ...c, inTextBox: inBox }),
      ),
    );
  }
  set Text(text: string) {
    count(this.world);
    const place = this.place;
    if (place.kind !== "cell") throw new Error("fake WPS: setting Text outside a cell");
    this.world.doc.setText(place.cell, text);
  }
  get WordOpenXML(): string {
    count(this.world);
    if (this.world.options.noWordOpenXml) throw new Error("WordOpenXML 不可用");
    if (this.place.kind !== "table") throw new Error("fake WPS: WordOpenXML of a table only");
    return wordOpenXml(this.world, this.place.table);
  }
  get Cells() {
    count(this.world);
    const place = this.place;
    if (place.kind !== "table") throw new Error("fake WPS: Cells of a table only");
    const world = this.world;
    return collection(world, () =>
      hostRows(world, place.table).flatMap((row, h): (FakeCell | FakeDeletedCell)[] => {
        if (row.deleted)
          return Array.from(
            { length: place.table.gridColumnCount },
            (_, c) => new FakeDeletedCell(world, h + 1, c + 1),
          );
        const cells = place.table.rows[row.index]?.cells ?? [];
        return cells
          .filter((c) => c.verticalMerge !== "continue")
          .map((cell) => new FakeCell(world, place.table, row.index, cells.indexOf(cell), h + 1));
      }),
    );
  }
  /** The outermost tables the range is in. */
  get TopLevelTables() {
    count(this.world);
    const place = this.place;
    const world = this.world;
    const table = place.kind === "cell" ? world.doc.blockOf(place) : null;
    return collection(world, () => (table?.kind === "table" ? [new FakeTable(world, table)] : []));
  }
  set Style(style: unknown) {
    count(this.world);
    const place = this.place;
    if (place.kind !== "point" || typeof style !== "number" || style > -2)
      throw new Error("fake WPS: only heading styles on inserted paragraphs are modelled");
    for (const p of place.covered) p.headingLevel = -1 - style;
  }
  get Style(): unknown {
    throw new Error("fake WPS: reading Range.Style is not modelled");
  }
  Information(type: number): unknown {
    count(this.world);
    if (type !== 12) throw new Error(`fake WPS: Information(${type})`);
    return this.place.kind === "cell" || this.place.kind === "deleted";
  }
  Select(): void {
    count(this.world);
    const place = this.place;
    if (place.kind === "paragraph" || place.kind === "cell") this.world.doc.select(place);
  }
  InsertXML(xml: string): void {
    count(this.world);
    if (this.world.options.noInsertXml) throw new Error("InsertXML 失败");
    if (this.world.options.silentInsertXml) return;
    const place = this.place;
    if (place.kind !== "point") throw new Error("fake WPS: InsertXML into a non-collapsed range");
    this.world.doc.insertAfter(place.after, readDocument(xml).blocks);
  }
  Collapse(direction: number): void {
    count(this.world);
    if (direction !== 0) throw new Error("fake WPS: only wdCollapseEnd is modelled");
    const place = this.place;
    const doc = this.world.doc;
    const after =
      place.kind === "point"
        ? (place.covered[place.covered.length - 1] ?? place.after)
        : place.kind === "table"
          ? place.table
          : place.kind === "deleted" || place.kind === "character"
            ? null
            : doc.blockOf(place);
    this.place = { kind: "point", after, covered: [] };
  }
  InsertAfter(text: string): void {
    count(this.world);
    const place = this.place;
    if (place.kind !== "point") throw new Error("fake WPS: InsertAfter outside a collapsed range");
    const paragraph: SnapshotParagraph = {
      kind: "paragraph",
      paragraphIndex: 0,
      text,
      styleId: null,
      styleName: null,
      headingLevel: null,
      alignment: null,
    };
    this.world.doc.insertAfter(place.covered[place.covered.length - 1] ?? place.after, [paragraph]);
    place.covered.push(paragraph);
  }
  InsertParagraphAfter(): void {
    count(this.world);
    if (this.place.kind !== "point")
      throw new Error("fake WPS: InsertParagraphAfter outside a collapsed range");
  }
}

class FakeCell {
  constructor(
    private readonly world: World,
    private readonly table: SnapshotTable,
    private readonly row: number,
    private readonly index: number,
    /** The row's number as WPS counts rows. */
    private readonly hostRow = row + 1,
  ) {}
  private get cell(): SnapshotCell {
    const cell = this.table.rows[this.row]?.cells[this.index];
    if (!cell || cell.verticalMerge === "continue") throw new Error("集合所要求的成员不存在。");
    return cell;
  }
  get RowIndex(): number {
    count(this.world);
    return this.hostRow;
  }
  get ColumnIndex(): number {
    count(this.world);
    return this.index + 1;
  }
  /** Every grid column of the fake is 36 points wide. */
  get Width(): number {
    count(this.world);
    return this.cell.columnSpan * 36;
  }
  get Range(): FakeRange {
    count(this.world);
    return new FakeRange(this.world, { kind: "cell", table: this.table, cell: this.cell });
  }
  get Shading() {
    count(this.world);
    const world = this.world;
    const cell = this.cell;
    return {
      get BackgroundPatternColor() {
        count(world);
        return cell.shading ? toBgr(cell.shading) : AUTOMATIC;
      },
      set BackgroundPatternColor(color: number) {
        count(world);
        if (world.failures.shading) throw new Error("无法设置底纹。");
        world.doc.setShading(cell, color === AUTOMATIC ? null : fromBgr(color));
      },
    };
  }
  /** The tables nested in the cell (and deeper, where the fake plays that). */
  get Tables() {
    count(this.world);
    const world = this.world;
    const cell = this.cell;
    return collection(world, () => {
      const out: FakeTable[] = [];
      const visit = (table: SnapshotTable) => {
        out.push(new FakeTable(world, table));
        if (!world.options.cellTablesDeep) return;
        for (const row of table.rows)
          for (const inner of row.cells) inner.nestedTables.forEach(visit);
      };
      cell.nestedTables.forEach(visit);
      return out;
    });
  }
  /** Merges the rectangle from this cell to `other` into one cell, as Word's Cell.Merge does. */
  Merge(other: FakeCell): void {
    count(this.world);
    const top = this.cell;
    const bottom = other.cell;
    const from = top.gridColumn;
    const to = bottom.gridColumn + bottom.columnSpan - 1;
    for (let r = this.row; r <= other.row; r++) {
      const row = this.table.rows[r];
      if (!row) continue;
      const lead = row.cells.find((c) => c.gridColumn === from);
      if (!lead) throw new Error("fake WPS: merge across a ragged region");
      row.cells = row.cells.filter((c) => c === lead || c.gridColumn < from || c.gridColumn > to);
      lead.columnSpan = to - from + 1;
      lead.verticalMerge =
        other.row > this.row ? (r === this.row ? "restart" : "continue") : lead.verticalMerge;
      lead.rowSpan = r === this.row ? other.row - this.row + 1 : 1;
      row.cells.forEach((c, i) => (c.physicalIndex = i));
    }
    this.world.doc.changed();
  }
}

/** A cell of a tracked-deleted row: it has text and takes shading, but is not ours. */
class FakeDeletedCell {
  constructor(
    private readonly world: World,
    readonly RowIndex: number,
    readonly ColumnIndex: number,
  ) {}
  get Width(): number {
    count(this.world);
    return 36;
  }
  get Range(): FakeRange {
    count(this.world);
    return new FakeRange(this.world, { kind: "deleted" });
  }
  get Shading() {
    count(this.world);
    const world = this.world;
    return {
      get BackgroundPatternColor() {
        count(world);
        return AUTOMATIC;
      },
      set BackgroundPatternColor(_color: number) {
        count(world);
        world.deletedRowWrites++;
      },
    };
  }
  Merge(): void {
    throw new Error("fake WPS: merging a deleted row is not modelled");
  }
}

class FakeTable {
  constructor(
    private readonly world: World,
    readonly table: SnapshotTable,
  ) {}
  get Range(): FakeRange {
    count(this.world);
    return new FakeRange(this.world, { kind: "table", table: this.table });
  }
  get NestingLevel(): number | undefined {
    count(this.world);
    return this.world.options.noNestingLevel ? undefined : levelOf(this.world.doc, this.table);
  }
  /** By row and column as WPS counts them (FakeWpsOptions). */
  Cell(row: number, column: number): FakeCell | FakeDeletedCell {
    const world = this.world;
    count(world);
    const failing = world.failures.cell;
    if (
      failing &&
      failing.row === row &&
      failing.column === column &&
      world.doc.tables().indexOf(this.table) === failing.tableIndex
    )
      throw new Error("fake WPS: Cell() failed on demand");
    const host = hostRows(world, this.table)[row - 1];
    if (!host) throw new Error("集合所要求的成员不存在。");
    if (host.deleted) {
      if (column < 1 || column > this.table.gridColumnCount)
        throw new Error("集合所要求的成员不存在。");
      return new FakeDeletedCell(world, row, column);
    }
    const cells = this.table.rows[host.index]?.cells ?? [];
    const addressable = world.options.coveredCellsSkipped
      ? cells.filter((c) => c.verticalMerge !== "continue")
      : cells;
    const cell = addressable[column - 1];
    if (!cell || cell.verticalMerge === "continue") throw new Error("集合所要求的成员不存在。");
    return new FakeCell(world, this.table, host.index, cells.indexOf(cell), row);
  }
  /** Rows.Count works on any table; Rows.Item(i) raises where cells are merged vertically. */
  get Rows() {
    count(this.world);
    const world = this.world;
    const table = this.table;
    return {
      get Count() {
        count(world);
        return hostRows(world, table).length;
      },
      Item(index: number) {
        count(world);
        if (table.rows.some((r) => r.cells.some((c) => c.verticalMerge !== null)))
          throw new Error("无法访问此集合中单独的行，因为表格有纵向合并的单元格。");
        const row = table.rows[index - 1];
        if (!row) throw new Error("集合所要求的成员不存在。");
        return {
          Cells: collection(world, () =>
            row.cells.map((_, i) => new FakeCell(world, table, index - 1, i)),
          ),
        };
      },
    };
  }
}

const ALIGNMENT: Record<string, number> = { left: 0, center: 1, right: 2, both: 3 };

function paragraphsOf(world: World) {
  const out: { range: Place; outline: number; style: string; alignment: number }[] = [];
  const inTable = (table: SnapshotTable) => {
    for (const row of table.rows)
      for (const cell of row.cells) {
        for (let line = 0; line < cell.text.split("\n").length; line++)
          out.push({
            range: { kind: "cell", table, cell },
            outline: 10,
            style: "正文",
            alignment: 0,
          });
        for (const nested of cell.nestedTables) inTable(nested);
      }
  };
  for (const block of world.doc.blocks) {
    if (block.kind === "table" && block.origin === "textbox") {
      if (world.options.textBoxParagraphsListed) inTable(block);
    } else if (block.kind === "table") inTable(block);
    else
      out.push({
        range: { kind: "paragraph", paragraph: block },
        outline: block.headingLevel ?? 10,
        style: block.headingLevel ? `标题 ${block.headingLevel}` : (block.styleName ?? "正文"),
        alignment: ALIGNMENT[block.alignment ?? ""] ?? 0,
      });
  }
  const paragraphs: FakeParagraph[] = out.map((p, i) => ({
    get Range() {
      count(world);
      return new FakeRange(world, p.range);
    },
    Next() {
      count(world);
      return paragraphs[i + 1] ?? null;
    },
    get OutlineLevel() {
      count(world);
      return p.outline;
    },
    get Style() {
      count(world);
      return world.options.styleNull ? null : { NameLocal: p.style };
    },
    get Alignment() {
      count(world);
      return p.alignment;
    },
  }));
  return paragraphs;
}

interface FakeParagraph {
  readonly Range: FakeRange;
  Next(): FakeParagraph | null;
  readonly OutlineLevel: number;
  readonly Style: { NameLocal: string } | null;
  readonly Alignment: number;
}

export function fakeWps(
  input: Uint8Array | string | MemoryDocument,
  options: FakeWpsOptions = {},
): FakeWps {
  const doc = input instanceof MemoryDocument ? input : MemoryDocument.fromDocx(input);
  const world: World = {
    doc,
    options,
    calls: 0,
    undoDepth: 0,
    undoRecords: [],
    unrecorded: 0,
    tracked: 0,
    trackRevisions: false,
    scrolledTo: [],
    hidden: new Map(),
    failures: {},
    deletedRowWrites: 0,
    withDeletedRow: new WeakSet(doc.tables()),
  };
  doc.subscribe(() => {
    if (world.undoDepth === 0) world.unrecorded++;
    if (world.trackRevisions) world.tracked++;
  });
  const tables = () =>
    (options.textBoxTablesListed ? allTables(doc) : doc.tables()).map(
      (t) => new FakeTable(world, t),
    );
  const comments = () =>
    doc.comments.map((c) => ({
      get Author() {
        count(world);
        return c.author;
      },
      set Author(name: string) {
        count(world);
        if (!options.authorIgnored) c.author = name;
      },
      get Initial() {
        count(world);
        return c.initials ?? "";
      },
      set Initial(initials: string) {
        count(world);
        if (!options.authorIgnored) c.initials = initials;
      },
      get Range() {
        count(world);
        return {
          get Text() {
            count(world);
            return `${c.text}\r`;
          },
        };
      },
      Delete() {
        count(world);
        doc.removeComment(c.id);
      },
    }));
  const document = {
    get Tables() {
      count(world);
      return {
        ...collection(world, tables),
        Add(range: FakeRange, rows: number, columns: number) {
          count(world);
          const place = range.target;
          if (place.kind !== "point")
            throw new Error("fake WPS: Tables.Add at a collapsed range only");
          const table: SnapshotTable = {
            kind: "table",
            tableIndex: 0,
            gridColumnCount: columns,
            rows: Array.from({ length: rows }, () => ({
              cells: Array.from({ length: columns }, (_, g) => ({
                text: "",
                gridColumn: g,
                columnSpan: 1,
                rowSpan: 1,
                verticalMerge: null,
                physicalIndex: g,
                nestedTables: [],
                shading: null,
              })),
            })),
          };
          doc.insertAfter(place.covered[place.covered.length - 1] ?? place.after, [table]);
          return new FakeTable(world, table);
        },
      };
    },
    get Paragraphs() {
      count(world);
      const paragraphs = collection(world, () => paragraphsOf(world), true);
      return Object.assign(paragraphs, {
        get First() {
          count(world);
          return paragraphs.Count > 0 ? paragraphs.Item(1) : null;
        },
      });
    },
    get Comments() {
      count(world);
      return {
        ...collection(world, comments),
        Add(range: FakeRange, text: string) {
          count(world);
          const place = range.target;
          if (world.failures.commentsAdd) throw new Error("无法插入批注。");
          if (place.kind !== "paragraph" && place.kind !== "cell")
            throw new Error("fake WPS: comment on this range");
          doc.addComment(place, text, WPS_USER);
          return comments()[doc.comments.length - 1];
        },
      };
    },
    get CustomXMLParts() {
      count(world);
      if (options.customXmlParts === "absent") return undefined;
      const store = {
        Add(xml: string) {
          count(world);
          if (world.failures.customXmlAdd) throw new Error("无法添加自定义 XML 部件。");
          doc.addPart(xml);
          return {};
        },
        SelectByNamespace(namespace: string) {
          count(world);
          return collection(world, () =>
            doc.partsIn(namespace).map((p) => ({
              get XML() {
                count(world);
                return p.xml;
              },
              Delete() {
                count(world);
                if (world.failures.customXmlDelete) throw new Error("无法删除自定义 XML 部件。");
                doc.removePart(p.id);
              },
            })),
          );
        },
      };
      if (options.customXmlParts === "no-select")
        return { Add: (xml: string) => store.Add(xml) } as Partial<typeof store>;
      return store;
    },
    get Content() {
      count(world);
      return {
        get WordOpenXML() {
          count(world);
          if (options.noWordOpenXml || options.noDocumentXml) throw new Error("WordOpenXML 不可用");
          return wordOpenXml(world, doc.blocks);
        },
      };
    },
    get TrackRevisions(): boolean | number {
      count(world);
      if (options.trackRevisionsNumeric) return world.trackRevisions ? -1 : 0;
      return world.trackRevisions;
    },
    set TrackRevisions(on: boolean | number) {
      count(world);
      if (Boolean(options.trackRevisionsNumeric) !== (typeof on === "number"))
        throw new Error("类型不匹配。");
      if (on && world.failures.trackRevisionsOn) throw new Error("无法更改修订状态。");
      world.trackRevisions = Boolean(on);
    },
  };
  const storage = new Map<string, string>();
  const selectionPlace = (): Place => doc.selection ?? { kind: "point", after: null, covered: [] };
  const application = {
    get ActiveDocument() {
      count(world);
      return document;
    },
    get Selection() {
      count(world);
      return {
        Information(type: number) {
          count(world);
          if (type !== 12) throw new Error(`fake WPS: Information(${type})`);
          return doc.selection?.kind === "cell";
        },
        /** As in Word, the innermost table: a nested one when the cursor is in one. */
        get Tables() {
          count(world);
          const place = selectionPlace();
          return collection(world, () =>
            place.kind === "cell" ? [new FakeTable(world, place.table)] : [],
          );
        },
        get Range() {
          count(world);
          return new FakeRange(world, selectionPlace());
        },
        get Paragraphs() {
          count(world);
          const place = selectionPlace();
          return collection(world, () => [
            {
              get Range() {
                count(world);
                return new FakeRange(world, place);
              },
            },
          ]);
        },
      };
    },
    get ActiveWindow() {
      count(world);
      return {
        ScrollIntoView(range: FakeRange) {
          count(world);
          world.scrolledTo.push(range.target.kind);
        },
      };
    },
    get PluginStorage() {
      count(world);
      return {
        getItem: (key: string) => storage.get(key) ?? null,
        setItem: (key: string, value: string) => void storage.set(key, value),
      };
    },
    get UndoRecord() {
      count(world);
      if (options.undoRecord === "absent") return undefined;
      return {
        StartCustomRecord(name: string) {
          count(world);
          if (options.undoRecord === "throws") throw new Error("UndoRecord 不可用");
          world.undoDepth++;
          world.undoRecords.push(name);
        },
        EndCustomRecord() {
          count(world);
          world.undoDepth = Math.max(0, world.undoDepth - 1);
        },
      };
    },
  };
  return {
    application: application as unknown as WpsApplication,
    document: doc,
    calls: () => world.calls,
    undoRecords: world.undoRecords,
    unrecordedChanges: () => world.unrecorded,
    get trackRevisions() {
      return world.trackRevisions;
    },
    set trackRevisions(on: boolean) {
      world.trackRevisions = on;
    },
    trackedChanges: () => world.tracked,
    scrolledTo: world.scrolledTo,
    failures: world.failures,
    deletedRowWrites: () => world.deletedRowWrites,
    commentAuthor: options.authorIgnored ? WPS_USER : COMMENT_AUTHOR,
    commentInitials: options.authorIgnored ? undefined : COMMENT_INITIALS,
    hideText(owner, at, text) {
      world.hidden.set(owner, { at, text });
    },
  };
}
