/**
 * A fake of the Word JavaScript API over a document in memory, behaving as the documented API
 * does: load() and every write only queue; context.sync() runs the batch in order (and is
 * counted), failing as a whole when one queued action fails; reading a property that was not
 * loaded and synced throws PropertyNotLoaded, and a ClientResult has no value before the next
 * sync. body.tables lists nested tables too (nestingLevel 2), body.paragraphs includes the
 * paragraphs inside tables, shadingColor accepts only #RRGGBB (Word has no value for "none",
 * office-js issue 5460), and WordApi 1.4 members throw when the fake plays an older Word.
 *
 * Where Word's behaviour is not documented, the fake can play each plausible one (FakeWordOptions):
 * getCell counting vertical-merge continuation cells or not; a row deleted under track changes
 * kept in every table (as Word keeps it until the revision is accepted), counted by getCell or
 * not; getOoxml as Word writes it (word-ooxml.ts) or our plain package; getNextOrNullObject
 * walking nested tables or not; body.tables listing nested tables or not (bodyTablesSkipNested);
 * a cell body's tables listing only the tables nested directly in the cell or those nested
 * deeper too (cellTablesDeep); a method called on a null table giving another null object or
 * failing the batch (nullObjectMethodsFail). A cell's value holds the text of the tables nested
 * in it, as Word's cell text does. It offers the Common API's custom XML parts over the same
 * document parts, and can make a chosen call fail at its sync, as Word reports failures.
 *
 * What Word's object model does with text boxes, hidden text and content-control placeholders
 * is played both ways too (body-package.ts says what is documented): body.tables and
 * body.paragraphs leaving text-box tables out or listing them as body tables (textBoxTables);
 * Paragraph.text with hidden text or without it (hiddenText); a placeholder read as text or as
 * empty (placeholder). Paragraph.getText (WordApi 1.7) leaves hidden text out, as documented.
 * Body.getOoxml gives the document's own markup (text boxes in mc:AlternateContent, w:vanish,
 * w:sdt) while the document is as it was opened, a package written from memory after an edit.
 */
import { unzipSync, strFromU8 } from "fflate";
import { readDocument } from "../../src/core";
import type { SnapshotCell, SnapshotParagraph, SnapshotTable } from "../../src/core/model/snapshot";
import { MemoryDocument, type Target } from "../../src/hosts/memory/memory-document";
import { bodyFlatOpc, flatOpcOf } from "./table-ooxml";
import { flatOpc } from "./docx-builder";
import { revealHidden, revealPlaceholders } from "./awkward-prose";
import { plainTablePackage, wordTablePackage, type DeletedRow } from "./word-ooxml";
import type {
  OfficeAsyncResult,
  OfficeCustomXmlPart,
  OfficeCustomXmlParts,
  WordRequestContext,
  WordRun,
} from "../../src/hosts/word/word-api";
import type { SnapshotRow } from "../../src/core/model/snapshot";

/** The name Word signs comments with: the user's, never the add-in's. */
export const WORD_USER = "张三";

class Batch {
  syncs = 0;
  private queue: (() => void)[] = [];
  enqueue(action: () => void): void {
    this.queue.push(action);
  }
  sync(): Promise<void> {
    this.syncs++;
    const actions = this.queue;
    this.queue = [];
    try {
      for (const action of actions) action();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return Promise.resolve();
  }
}

const notLoaded = (property: string) =>
  new Error(
    `PropertyNotLoaded: The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

abstract class Loadable {
  private readonly values = new Map<string, unknown>();
  constructor(protected readonly batch: Batch) {}
  protected abstract current(property: string): unknown;
  capture(properties: string[]): void {
    for (const p of properties) this.values.set(p, this.current(p));
  }
  load(spec: string): this {
    const properties = spec.split(",").map((s) => s.trim());
    this.batch.enqueue(() => this.capture(properties));
    return this;
  }
  protected setLoaded(property: string, value: unknown): void {
    this.values.set(property, value);
  }
  protected loaded<T>(property: string): T {
    if (!this.values.has(property)) throw notLoaded(property);
    return this.values.get(property) as T;
  }
}

class FakeCollection<T extends Loadable> {
  private list: T[] | null = null;
  constructor(
    private readonly batch: Batch,
    private readonly resolve: () => T[],
  ) {}
  get items(): T[] {
    if (!this.list) throw notLoaded("items");
    return this.list;
  }
  load(spec: string): this {
    const properties = spec.split(",").map((s) => s.trim().replace(/^items\//, ""));
    this.batch.enqueue(() => {
      this.list = this.resolve();
      for (const item of this.list) item.capture(properties);
    });
    return this;
  }
}

class ClientResult<T> {
  private result: { value: T } | null = null;
  constructor(batch: Batch, compute: () => T) {
    batch.enqueue(() => (this.result = { value: compute() }));
  }
  get value(): T {
    if (!this.result)
      throw new Error(
        "PropertyNotLoaded: the ClientResult value is not available before context.sync().",
      );
    return this.result.value;
  }
}

/** Calls the fake can make fail, at the sync that runs them (or in the callback). */
export type FailPoint =
  | "insertComment"
  | "getCell"
  | "shading"
  | "customXmlParts.add"
  | "customXmlParts.delete"
  | "changeTrackingMode"
  | "getComments"
  | "body.getOoxml";

export interface FakeWordOptions {
  /**
   * The WordApi requirement set the fake plays: "1.3" (Word 2019/2021), "1.4" (comments, custom
   * XML parts; no Paragraph.getText), "1.7" (Microsoft 365, Word 2024). Default "1.7".
   */
  api?: "1.3" | "1.4" | "1.7";
  /** body.tables and body.paragraphs leave text-box tables out (default) or list them as body tables. */
  textBoxTables?: "excluded" | "listed";
  /** Paragraph.text includes hidden text (default) or leaves it out. */
  hiddenText?: "included" | "excluded";
  /** A control showing its placeholder: its text and Paragraph.text give the placeholder (default) or "". */
  placeholder?: "text" | "empty";
  /** WordApiDesktop 1.4 (TableCell.shading.backgroundPatternColorIndex). Default false. */
  desktop14?: boolean;
  /** The Common API's customXmlParts (requirement set CustomXmlParts). Default true. */
  commonParts?: boolean;
  /** getCell(r, c) counts vertical-merge continuation cells. Default true. */
  continuationsCounted?: boolean;
  /** A row deleted under track changes in every table, at position 1: none, or kept and skipped by getCell, or counted. */
  deletedRow?: "none" | "skipped" | "counted";
  /** What getOoxml of a table returns: our plain package or one as Word writes it. Default plain. */
  ooxml?: "plain" | "word";
  /** getNextOrNullObject skips nested tables. Default false. */
  nextSkipsNested?: boolean;
  /** body.tables (the collection and getFirst/getNext) lists top-level tables only. Default false. */
  bodyTablesSkipNested?: boolean;
  /** A cell body's tables include tables nested deeper than the cell's own. Default false. */
  cellTablesDeep?: boolean;
  /**
   * A method called on a table that is a null object (past the last table) fails the sync, as
   * an InvalidObjectPath would; by default it gives another null object. Word documents
   * neither.
   */
  nullObjectMethodsFail?: boolean;
}

/** The document as opened, where the fake was given its bytes. */
interface Source {
  /** The package Body.getOoxml gives while the document is unchanged. */
  bodyPackage: string;
  /** doc.version when opened. */
  version: number;
  /** Each body paragraph's text as Paragraph.text and getText give it, by paragraph. */
  texts: Map<SnapshotParagraph, { shown: string; withHidden: string; withoutHidden: string }>;
  /** The content controls in the body: their text as Word gives it and their placeholder. */
  controls: { text: string; placeholderText: string }[];
  /** Each cell's text as its markup holds it: hidden and placeholder text included. */
  cellMarkup: Map<SnapshotCell, { shown: string; text: string }>;
  /** Each cell's text as TableCell.value gives it, under the semantics played. */
  cellValues: Map<SnapshotCell, { shown: string; text: string }>;
}

/** A cell's text as the document was opened, while the cell still reads as it did then. */
function sourceText(
  map: Map<SnapshotCell, { shown: string; text: string }> | undefined,
  cell: SnapshotCell,
): string {
  const found = map?.get(cell);
  return found && found.shown === cell.text ? found.text : cell.text;
}

interface World {
  batch: Batch;
  doc: MemoryDocument;
  api: number;
  api14: boolean;
  desktop14: boolean;
  trackingMode: string;
  /** Every mode Word was set to while writing, in order. */
  trackingHistory: string[];
  options: FakeWordOptions;
  /** Rows deleted under track changes, by table: in the document, not in the snapshot. */
  deleted: Map<SnapshotTable, DeletedRow[]>;
  failing: Set<FailPoint>;
  source: Source | null;
  /** The length of every package Body.getOoxml gave. */
  bodyPackages: number[];
}

function failIf(world: World, point: FailPoint): void {
  if (world.failing.has(point))
    throw new Error(`GeneralException: ${point} failed (made to fail by the test).`);
}

/** A table's rows as Word has them: deleted rows included. */
function wordRows(world: World, table: SnapshotTable): { row: SnapshotRow; deleted: boolean }[] {
  const rows = table.rows.map((row) => ({ row, deleted: false }));
  for (const { position, row } of world.deleted.get(table) ?? [])
    rows.splice(position, 0, { row, deleted: true });
  return rows;
}

/** The cell getCell(r, c) names under the semantics the fake plays, or null. */
function cellAt(world: World, table: SnapshotTable, r: number, c: number): SnapshotCell | null {
  const counted = world.options.deletedRow === "counted";
  const row = counted ? wordRows(world, table)[r]?.row : table.rows[r];
  if (!row) return null;
  const cells =
    world.options.continuationsCounted === false
      ? row.cells.filter((cell) => cell.verticalMerge !== "continue")
      : row.cells;
  return cells[c] ?? null;
}

function require14(world: World, member: string): void {
  if (!world.api14)
    throw new Error(`ApiNotFound: ${member} requires WordApi 1.4, which this Word lacks.`);
}

/**
 * Every table in document order, nested ones after the cell that holds them; text-box tables
 * where the fake lists them as body tables.
 */
function allTables(world: World): { table: SnapshotTable; level: number }[] {
  const out: { table: SnapshotTable; level: number }[] = [];
  const visit = (table: SnapshotTable, level: number) => {
    out.push({ table, level });
    for (const row of table.rows)
      for (const cell of row.cells)
        for (const nested of cell.nestedTables) visit(nested, level + 1);
  };
  for (const table of bodyTablesOf(world)) visit(table, 1);
  return out;
}

/** The top-level tables Word lists in the body. */
function bodyTablesOf(world: World): SnapshotTable[] {
  const listed = world.options.textBoxTables === "listed";
  return world.doc.blocks.filter(
    (b): b is SnapshotTable => b.kind === "table" && (!b.origin || listed),
  );
}

/** The order getFirstOrNullObject/getNextOrNullObject walk. */
function tableOrder(world: World): { table: SnapshotTable; level: number }[] {
  const all = allTables(world);
  return world.options.nextSkipsNested || world.options.bodyTablesSkipNested
    ? all.filter((t) => t.level === 1)
    : all;
}

/** The level a table is at in the document (1 for a top-level table), 0 when not found. */
function levelOf(world: World, table: SnapshotTable): number {
  return allTables(world).find((t) => t.table === table)?.level ?? 0;
}

/** The tables a cell's body lists: those nested in the cell, and deeper ones where played. */
function cellTables(
  world: World,
  cell: SnapshotCell,
  level: number,
): { table: SnapshotTable; level: number }[] {
  const out: { table: SnapshotTable; level: number }[] = [];
  const visit = (table: SnapshotTable, at: number) => {
    out.push({ table, level: at });
    if (!world.options.cellTablesDeep) return;
    for (const row of table.rows)
      for (const inner of row.cells) for (const nested of inner.nestedTables) visit(nested, at + 1);
  };
  for (const nested of cell.nestedTables) visit(nested, level + 1);
  return out;
}

/** A cell's text as Word gives it: its paragraphs, then those of the tables nested in it. */
function wordCellText(world: World, cell: SnapshotCell): string {
  const nested = cell.nestedTables.flatMap((t) =>
    t.rows.flatMap((r) => r.cells.map((c) => wordCellText(world, c))),
  );
  return [sourceText(world.source?.cellValues, cell), ...nested].join("\n");
}

type RangeTarget = Target | { kind: "table"; table: SnapshotTable };

class FakeRange extends Loadable {
  constructor(
    private readonly world: World,
    /** Looked up when the batch runs, as Word does. */
    private readonly resolve: () => RangeTarget,
  ) {
    super(world.batch);
  }
  private get target(): RangeTarget {
    return this.resolve();
  }
  protected current(property: string): unknown {
    throw new Error(`fake Word: Range.${property} is not modelled`);
  }
  getOoxml() {
    return new ClientResult(this.batch, () => {
      if (this.target.kind !== "table") throw new Error("fake Word: getOoxml of a table only");
      const { table } = this.target;
      const deleted = this.world.deleted.get(table) ?? [];
      if (this.world.options.ooxml === "word") return wordTablePackage(table, deleted);
      return deleted.length > 0
        ? plainTablePackage(table, deleted)
        : flatOpcOf(table, (cell) => sourceText(this.world.source?.cellMarkup, cell));
    });
  }
  insertOoxml(ooxml: string, location: string) {
    this.batch.enqueue(() => {
      if (location !== "After") throw new Error(`fake Word: insertOoxml "${location}"`);
      const { doc } = this.world;
      const target = this.target;
      if (target.kind === "cell") throw new Error("fake Word: inserting into a cell");
      const block = target.kind === "table" ? target.table : doc.blockOf(target);
      doc.insertAfter(block, readDocument(ooxml).blocks);
    });
    return this;
  }
  insertComment(text: string) {
    require14(this.world, "Range.insertComment");
    this.batch.enqueue(() => {
      failIf(this.world, "insertComment");
      const target = this.target;
      if (target.kind === "table") throw new Error("fake Word: comment on a table range");
      this.world.doc.addComment(target, text, WORD_USER);
    });
    return {};
  }
  select() {
    this.batch.enqueue(() => {
      const target = this.target;
      if (target.kind !== "table") this.world.doc.select(target);
    });
  }
}

class FakeCell extends Loadable {
  constructor(
    private readonly world: World,
    private readonly table: SnapshotTable,
    private readonly row: number,
    private readonly index: number,
    private readonly orNull = false,
  ) {
    super(world.batch);
    if (orNull) this.batch.enqueue(() => this.setLoaded("isNullObject", this.find() === null));
  }
  private find(): SnapshotCell | null {
    return cellAt(this.world, this.table, this.row, this.index);
  }
  private resolve(): SnapshotCell {
    failIf(this.world, "getCell");
    const cell = this.find();
    if (!cell) throw new Error("ItemNotFound: The requested resource doesn't exist.");
    return cell;
  }
  protected current(property: string): unknown {
    if (property !== "value") throw new Error(`fake Word: TableCell.${property}`);
    if (this.orNull) failIf(this.world, "getCell");
    const cell = this.orNull ? this.find() : this.resolve();
    // Word separates a cell's paragraphs with "\r".
    return cell ? wordCellText(this.world, cell).split("\n").join("\r") : undefined;
  }
  get value(): string {
    return this.loaded("value");
  }
  get isNullObject(): boolean {
    return this.loaded("isNullObject");
  }
  set shadingColor(color: string) {
    this.world.batch.enqueue(() => {
      failIf(this.world, "shading");
      const cell = this.resolve();
      if (!/^#[0-9A-Fa-f]{6}$/.test(color))
        throw new Error(`InvalidArgument: shadingColor '${color}' is not a colour.`);
      this.world.doc.setShading(cell, color.toUpperCase());
    });
  }
  get shading() {
    const world = this.world;
    if (!world.desktop14)
      throw new Error("ApiNotFound: TableCell.shading requires WordApiDesktop 1.4.");
    const resolve = () => this.resolve();
    return {
      set backgroundPatternColorIndex(index: string) {
        world.batch.enqueue(() => {
          failIf(world, "shading");
          const cell = resolve();
          if (index !== "Auto") throw new Error(`fake Word: colour index ${index}`);
          world.doc.setShading(cell, null);
        });
      },
    };
  }
  get body() {
    const range = () =>
      new FakeRange(this.world, () => ({
        kind: "cell" as const,
        table: this.table,
        cell: this.resolve(),
      }));
    const world = this.world;
    const tables = new FakeCollection(world.batch, () => {
      const cell = this.resolve();
      return cellTables(world, cell, levelOf(world, this.table)).map(
        ({ table, level }) => new FakeTable(world, table, level),
      );
    });
    return { getRange: range, select: () => range().select(), tables };
  }
}

class FakeTable extends Loadable {
  constructor(
    private readonly world: World,
    private readonly table: SnapshotTable | null,
    private readonly level: number,
  ) {
    super(world.batch);
  }
  protected current(property: string): unknown {
    if (property === "nestingLevel") return this.level;
    if (property === "rowCount") return this.table?.rows.length ?? 0;
    throw new Error(`fake Word: Table.${property} is not modelled`);
  }
  get nestingLevel(): number {
    return this.loaded("nestingLevel");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get isNullObject(): boolean {
    return this.loaded("isNullObject");
  }
  /** Word fills isNullObject at the next sync. */
  nullKnownAtSync(): this {
    this.batch.enqueue(() => this.setLoaded("isNullObject", this.table === null));
    return this;
  }
  /** A method called on a null table: fails at the sync where the fake plays that. */
  private calledOnNull(method: string): void {
    if (this.table || !this.world.options.nullObjectMethodsFail) return;
    this.batch.enqueue(() => {
      throw new Error(`InvalidObjectPath: Table.${method} was called on a null object.`);
    });
  }
  getRange() {
    if (!this.table) throw new Error("fake Word: range of a null table");
    const table = this.table;
    return new FakeRange(this.world, () => ({ kind: "table", table }));
  }
  getCell(row: number, index: number) {
    if (!this.table) throw new Error("fake Word: cell of a null table");
    return new FakeCell(this.world, this.table, row, index);
  }
  /** On a null table (past the last one), a null cell, as *OrNullObject chains give. */
  getCellOrNullObject(row: number, index: number) {
    this.calledOnNull("getCellOrNullObject");
    const none: SnapshotTable = { kind: "table", tableIndex: -1, gridColumnCount: 0, rows: [] };
    return new FakeCell(this.world, this.table ?? none, row, index, true);
  }
  getNextOrNullObject(): FakeTable {
    this.calledOnNull("getNextOrNullObject");
    if (!this.table) return new FakeTable(this.world, null, 0).nullKnownAtSync();
    const order = tableOrder(this.world);
    const at = order.findIndex(({ table }) => table === this.table);
    const next = at >= 0 ? order[at + 1] : undefined;
    return new FakeTable(this.world, next?.table ?? null, next?.level ?? 0).nullKnownAtSync();
  }
  get parentTableOrNullObject(): FakeTable {
    const all = allTables(this.world);
    const parent = all.find(({ table }) =>
      table.rows.some((r) => r.cells.some((c) => c.nestedTables.includes(this.table as never))),
    );
    return new FakeTable(this.world, parent?.table ?? null, parent?.level ?? 0).nullKnownAtSync();
  }
}

const ALIGNMENT: Record<string, string> = {
  center: "Centered",
  left: "Left",
  right: "Right",
  both: "Justified",
};

class FakeParagraph extends Loadable {
  constructor(
    private readonly world: World,
    private readonly data: Record<string, unknown>,
    readonly target: Target,
  ) {
    super(world.batch);
  }
  protected current(property: string): unknown {
    if (!(property in this.data)) throw new Error(`fake Word: Paragraph.${property}`);
    return this.data[property];
  }
  get text(): string {
    return this.loaded("text");
  }
  get style(): string {
    return this.loaded("style");
  }
  get styleBuiltIn(): string {
    return this.loaded("styleBuiltIn");
  }
  get outlineLevel(): number {
    return this.loaded("outlineLevel");
  }
  get tableNestingLevel(): number {
    return this.loaded("tableNestingLevel");
  }
  get alignment(): string {
    return this.loaded("alignment");
  }
  getRange() {
    return new FakeRange(this.world, () => this.target);
  }
  /** WordApi 1.7: without hidden text, as documented; placeholder text as Paragraph.text has it. */
  getText() {
    if (this.world.api < 1.7)
      throw new Error(
        "ApiNotFound: Paragraph.getText requires WordApi 1.7, which this Word lacks.",
      );
    return new ClientResult(this.batch, () => {
      const shown = this.data.shownText;
      return typeof shown === "string" ? shown : (this.data.text as string);
    });
  }
  select() {
    this.getRange().select();
  }
}

function paragraphsOf(world: World): FakeParagraph[] {
  const out: FakeParagraph[] = [];
  const cellParagraphs = (table: SnapshotTable, level: number) => {
    for (const { row } of wordRows(world, table))
      for (const cell of row.cells) {
        for (const text of cell.text.split("\n"))
          out.push(
            new FakeParagraph(
              world,
              {
                text,
                style: "Normal",
                styleBuiltIn: "Normal",
                outlineLevel: 10,
                tableNestingLevel: level,
                alignment: "Left",
              },
              { kind: "cell", table, cell },
            ),
          );
        for (const nested of cell.nestedTables) cellParagraphs(nested, level + 1);
      }
  };
  const listed = new Set(bodyTablesOf(world));
  for (const block of world.doc.blocks) {
    if (block.kind === "table") {
      if (listed.has(block)) cellParagraphs(block, 1);
    } else
      out.push(
        new FakeParagraph(world, paragraphData(world, block), {
          kind: "paragraph",
          paragraph: block,
        }),
      );
  }
  return out;
}

function paragraphData(world: World, p: SnapshotParagraph): Record<string, unknown> {
  const builtIn = p.headingLevel !== null ? `Heading${p.headingLevel}` : "Normal";
  const found = world.source?.texts.get(p);
  // The texts as opened, while the paragraph still reads as it did.
  const raw = found && found.shown === p.text ? found : undefined;
  return {
    text:
      raw && world.options.hiddenText !== "excluded"
        ? raw.withHidden
        : (raw?.withoutHidden ?? p.text),
    shownText: raw?.withoutHidden ?? p.text,
    style: p.styleName ?? builtIn,
    styleBuiltIn: builtIn,
    outlineLevel: p.headingLevel ?? 10,
    tableNestingLevel: 0,
    alignment: ALIGNMENT[p.alignment ?? ""] ?? "Left",
  };
}

class FakeContentControl extends Loadable {
  constructor(
    world: World,
    private readonly control: { text: string; placeholderText: string },
  ) {
    super(world.batch);
  }
  protected current(property: string): unknown {
    if (property === "text") return this.control.text;
    if (property === "placeholderText") return this.control.placeholderText;
    throw new Error(`fake Word: ContentControl.${property}`);
  }
  get text(): string {
    return this.loaded("text");
  }
  get placeholderText(): string {
    return this.loaded("placeholderText");
  }
}

class FakeComment extends Loadable {
  constructor(
    private readonly world: World,
    private readonly id: string,
    private readonly text: string,
    private readonly author: string,
  ) {
    super(world.batch);
  }
  protected current(property: string): unknown {
    if (property === "content") return this.text;
    if (property === "authorName") return this.author;
    if (property === "id") return this.id;
    throw new Error(`fake Word: Comment.${property}`);
  }
  get content(): string {
    return this.loaded("content");
  }
  get authorName(): string {
    return this.loaded("authorName");
  }
  delete(): void {
    this.batch.enqueue(() => this.world.doc.removeComment(this.id));
  }
}

class FakePart extends Loadable {
  constructor(
    private readonly world: World,
    private readonly partId: string,
  ) {
    super(world.batch);
  }
  protected current(property: string): unknown {
    if (property === "id") return this.partId;
    throw new Error(`fake Word: CustomXmlPart.${property}`);
  }
  get id(): string {
    return this.loaded("id");
  }
  getXml() {
    return new ClientResult(this.batch, () => {
      const part = this.world.doc.parts.find((p) => p.id === this.partId);
      if (!part) throw new Error("ItemNotFound: the custom XML part was deleted.");
      return part.xml;
    });
  }
  delete(): void {
    this.batch.enqueue(() => {
      failIf(this.world, "customXmlParts.delete");
      this.world.doc.removePart(this.partId);
    });
  }
}

class FakeDocument extends Loadable {
  constructor(private readonly world: World) {
    super(world.batch);
  }
  protected current(property: string): unknown {
    if (property === "changeTrackingMode") {
      require14(this.world, "Document.changeTrackingMode");
      return this.world.trackingMode;
    }
    throw new Error(`fake Word: Document.${property}`);
  }
  get changeTrackingMode(): string {
    return this.loaded("changeTrackingMode");
  }
  set changeTrackingMode(mode: string) {
    require14(this.world, "Document.changeTrackingMode");
    this.batch.enqueue(() => {
      failIf(this.world, "changeTrackingMode");
      this.world.trackingMode = mode;
      this.world.trackingHistory.push(mode);
    });
  }
  get body() {
    const world = this.world;
    const paragraphs = new FakeCollection(world.batch, () => paragraphsOf(world));
    return {
      tables: Object.assign(
        new FakeCollection(world.batch, () =>
          allTables(world)
            .filter(({ level }) => level === 1 || !world.options.bodyTablesSkipNested)
            .map(({ table, level }) => new FakeTable(world, table, level)),
        ),
        {
          getFirstOrNullObject: () => {
            const first = tableOrder(world)[0];
            return new FakeTable(world, first?.table ?? null, first?.level ?? 0).nullKnownAtSync();
          },
        },
      ),
      paragraphs,
      contentControls: new FakeCollection(world.batch, () =>
        (world.source?.controls ?? []).map((c) => new FakeContentControl(world, c)),
      ),
      getOoxml: () =>
        new ClientResult(world.batch, () => {
          failIf(world, "body.getOoxml");
          const { source, doc } = world;
          const xml =
            source && source.version === doc.version ? source.bodyPackage : bodyFlatOpc(doc.blocks);
          world.bodyPackages.push(xml.length);
          return xml;
        }),
      getComments: () => {
        require14(world, "Body.getComments");
        return new FakeCollection(world.batch, () => {
          failIf(world, "getComments");
          return world.doc.comments.map((c) => new FakeComment(world, c.id, c.text, c.author));
        });
      },
    };
  }
  get customXmlParts() {
    const world = this.world;
    require14(world, "Document.customXmlParts");
    return {
      getByNamespace: (namespace: string) =>
        new FakeCollection(world.batch, () =>
          world.doc.partsIn(namespace).map((p) => new FakePart(world, p.id)),
        ),
      add: (xml: string) => {
        world.batch.enqueue(() => {
          failIf(world, "customXmlParts.add");
          world.doc.addPart(xml);
        });
        return {};
      },
    };
  }
  getSelection() {
    const world = this.world;
    const selection = world.doc.selection;
    // The table holding the cursor: a nested one where the cursor is in a nested table.
    const cursorTable = selection?.kind === "cell" ? selection.table : null;
    const table = new FakeTable(
      world,
      cursorTable,
      cursorTable ? levelOf(world, cursorTable) : 0,
    ).nullKnownAtSync();
    const last = () => {
      if (!selection) throw new Error("fake Word: no selection");
      return new FakeParagraph(world, {}, selection);
    };
    return {
      parentTableOrNullObject: table,
      paragraphs: { getLast: last },
    };
  }
}

export interface FakeWord {
  context: WordRequestContext;
  run: WordRun;
  document: MemoryDocument;
  /** Round trips so far. */
  syncs(): number;
  /** Common API calls so far (each a round trip of its own). */
  commonCalls(): number;
  /** The change-tracking modes Word was set to, in order. */
  trackingHistory: string[];
  setTrackingMode(mode: string): void;
  /** Office.context.requirements.isSetSupported. */
  supports: (set: string, version: string) => boolean;
  /** Office.context.document.customXmlParts, or null where the fake plays a Word without it. */
  commonParts: OfficeCustomXmlParts | null;
  /** Calls that fail until removed. */
  failing: Set<FailPoint>;
  /** The rows deleted under track changes the fake keeps, by table. */
  deletedRows: Map<SnapshotTable, DeletedRow[]>;
  /** The length (characters) of every package Body.getOoxml gave, in order. */
  bodyPackages: number[];
}

function ghostRow(row: SnapshotRow): SnapshotRow {
  return {
    cells: row.cells.map((cell) => ({
      ...cell,
      text: `${cell.text}（已删除）`,
      nestedTables: [],
      shading: null,
    })),
  };
}

export function fakeWord(
  docx: Uint8Array | string | MemoryDocument,
  options: FakeWordOptions = {},
): FakeWord {
  const doc = docx instanceof MemoryDocument ? docx : MemoryDocument.fromDocx(docx);
  const api = Number(options.api ?? "1.7");
  const world: World = {
    batch: new Batch(),
    doc,
    api,
    api14: api >= 1.4,
    desktop14: options.desktop14 ?? false,
    trackingMode: "Off",
    trackingHistory: [],
    options,
    deleted: new Map(),
    failing: new Set(),
    source: docx instanceof MemoryDocument ? null : sourceOf(docx, doc, options),
    bodyPackages: [],
  };
  if ((options.deletedRow ?? "none") !== "none")
    for (const table of doc.tables()) {
      const below = table.rows[1];
      if (below) world.deleted.set(table, [{ position: 1, row: ghostRow(below) }]);
    }
  const document = new FakeDocument(world);
  const context = {
    get document() {
      return document;
    },
    sync: () => world.batch.sync(),
  } as unknown as WordRequestContext;
  const common = commonPartsOf(world);
  return {
    context,
    run: (batch) => batch(context),
    document: doc,
    syncs: () => world.batch.syncs,
    commonCalls: () => common.calls,
    trackingHistory: world.trackingHistory,
    setTrackingMode: (mode) => (world.trackingMode = mode),
    supports: (set, version) =>
      (set === "WordApi" && Number(version) <= world.api) ||
      (set === "WordApiDesktop" && version <= "1.4" && world.desktop14) ||
      (set === "CustomXmlParts" && options.commonParts !== false),
    commonParts: options.commonParts === false ? null : common.parts,
    failing: world.failing,
    deletedRows: world.deleted,
    bodyPackages: world.bodyPackages,
  };
}

/**
 * The document as opened: its body as Body.getOoxml gives it (the document's own markup and
 * styles), and each body paragraph's text with and without hidden text, with placeholders as
 * the fake plays them (read by the core's reader from the markup with w:vanish, or
 * w:showingPlcHdr, taken out).
 */
function sourceOf(
  input: Uint8Array | string,
  doc: MemoryDocument,
  options: FakeWordOptions,
): Source | null {
  const parts =
    typeof input === "string"
      ? null
      : unzipSync(input, { filter: (f) => f.name.startsWith("word/") });
  const documentXml =
    typeof input === "string"
      ? input
      : parts?.["word/document.xml"] && strFromU8(parts["word/document.xml"]);
  if (!documentXml || !documentXml.includes("<w:document")) return null;
  const styles = parts?.["word/styles.xml"] ? strFromU8(parts["word/styles.xml"]) : undefined;
  const placeholders = options.placeholder !== "empty";
  const shown = placeholders ? revealPlaceholders(documentXml) : documentXml;
  const bodyTexts = (xml: string) =>
    readDocument(xml).blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
  const withHidden = bodyTexts(revealHidden(shown));
  const withoutHidden = bodyTexts(shown);
  const texts = new Map<
    SnapshotParagraph,
    { shown: string; withHidden: string; withoutHidden: string }
  >();
  doc.paragraphs().forEach((p, i) =>
    texts.set(p, {
      shown: p.text,
      withHidden: withHidden[i] ?? p.text,
      withoutHidden: withoutHidden[i] ?? p.text,
    }),
  );
  const controls = [...documentXml.matchAll(/<w:sdt>([\s\S]*?)<\/w:sdt>/g)].map(([, inner]) => {
    const content = [...(inner ?? "").matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join("");
    const showing = /<w:showingPlcHdr/.test(inner ?? "");
    return {
      text: showing && !placeholders ? "" : content,
      placeholderText: showing ? content : "",
    };
  });
  const cellTexts = (xml: string) => {
    const map = new Map<SnapshotCell, { shown: string; text: string }>();
    const pair = (mine: SnapshotTable, read: SnapshotTable | undefined) =>
      mine.rows.forEach((row, r) =>
        row.cells.forEach((cell, c) => {
          const other = read?.rows[r]?.cells[c];
          if (!other) return;
          map.set(cell, { shown: cell.text, text: other.text });
          cell.nestedTables.forEach((t, i) => pair(t, other.nestedTables[i]));
        }),
      );
    const read = readDocument(xml).blocks.filter((b) => b.kind === "table");
    doc.blocks.filter((b) => b.kind === "table").forEach((t, i) => pair(t, read[i]));
    return map;
  };
  const hidden = options.hiddenText !== "excluded";
  return {
    bodyPackage: flatOpc(documentXml, styles),
    version: doc.version,
    texts,
    controls,
    cellMarkup: cellTexts(revealHidden(revealPlaceholders(documentXml))),
    cellValues: cellTexts(hidden ? revealHidden(shown) : shown),
  };
}

/** The Common API's custom XML parts over the document's parts; callbacks come later, as Office's do. */
function commonPartsOf(world: World): { parts: OfficeCustomXmlParts; calls: number } {
  const state = { calls: 0 };
  const answer = <T>(callback: (result: OfficeAsyncResult<T>) => void, compute: () => T) => {
    state.calls++;
    setTimeout(() => {
      try {
        callback({ status: "succeeded", value: compute() });
      } catch (error) {
        callback({
          status: "failed",
          value: undefined as T,
          error: { message: (error as Error).message },
        });
      }
    }, 0);
  };
  const part = (id: string): OfficeCustomXmlPart => ({
    id,
    getXmlAsync: (callback) =>
      answer(callback, () => {
        const found = world.doc.parts.find((p) => p.id === id);
        if (!found) throw new Error("the custom XML part was deleted");
        return found.xml;
      }),
    deleteAsync: (callback) =>
      answer(callback, () => {
        failIf(world, "customXmlParts.delete");
        world.doc.removePart(id);
      }),
  });
  const parts: OfficeCustomXmlParts = {
    getByNamespaceAsync: (namespace, callback) =>
      answer(callback, () => world.doc.partsIn(namespace).map((p) => part(p.id))),
    addAsync: (xml, callback) =>
      answer(callback, () => {
        failIf(world, "customXmlParts.add");
        return part(world.doc.addPart(xml).id);
      }),
  };
  return {
    parts,
    get calls() {
      return state.calls;
    },
  };
}
