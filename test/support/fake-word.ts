/**
 * A fake of the Word JavaScript API over a document in memory, behaving as the documented API
 * does: load() and every write only queue; context.sync() runs the batch in order (and is
 * counted), failing as a whole when one queued action fails; reading a property that was not
 * loaded and synced throws PropertyNotLoaded, and a ClientResult has no value before the next
 * sync. body.tables lists nested tables too (nestingLevel 2), body.paragraphs includes the
 * paragraphs inside tables, shadingColor accepts only #RRGGBB (Word has no value for "none",
 * office-js issue 5460), and WordApi 1.4 members throw when the fake plays an older Word.
 */
import { readDocument } from "../../src/core";
import type { SnapshotCell, SnapshotParagraph, SnapshotTable } from "../../src/core/model/snapshot";
import { MemoryDocument, type Target } from "../../src/hosts/memory/memory-document";
import { flatOpcOf } from "./table-ooxml";
import type { WordRequestContext, WordRun } from "../../src/hosts/word/word-api";

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
      return Promise.reject(error);
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
  protected value<T>(property: string): T {
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

interface World {
  batch: Batch;
  doc: MemoryDocument;
  api14: boolean;
  trackingMode: string;
  /** Every mode Word was set to while writing, in order. */
  trackingHistory: string[];
}

function require14(world: World, member: string): void {
  if (!world.api14)
    throw new Error(`ApiNotFound: ${member} requires WordApi 1.4, which this Word lacks.`);
}

/** Every table in document order, nested ones after the cell that holds them. */
function allTables(doc: MemoryDocument): { table: SnapshotTable; level: number }[] {
  const out: { table: SnapshotTable; level: number }[] = [];
  const visit = (table: SnapshotTable, level: number) => {
    out.push({ table, level });
    for (const row of table.rows)
      for (const cell of row.cells)
        for (const nested of cell.nestedTables) visit(nested, level + 1);
  };
  for (const table of doc.tables()) visit(table, 1);
  return out;
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
      return flatOpcOf(this.target.table);
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

class FakeCell {
  constructor(
    private readonly world: World,
    private readonly table: SnapshotTable,
    private readonly row: number,
    private readonly index: number,
  ) {}
  private resolve(): SnapshotCell {
    const cell = this.table.rows[this.row]?.cells[this.index];
    if (!cell) throw new Error("ItemNotFound: The requested resource doesn't exist.");
    return cell;
  }
  set shadingColor(color: string) {
    this.world.batch.enqueue(() => {
      const cell = this.resolve();
      if (!/^#[0-9A-Fa-f]{6}$/.test(color))
        throw new Error(`InvalidArgument: shadingColor '${color}' is not a colour.`);
      this.world.doc.setShading(cell, color.toUpperCase());
    });
  }
  get body() {
    const range = () =>
      new FakeRange(this.world, () => ({
        kind: "cell" as const,
        table: this.table,
        cell: this.resolve(),
      }));
    return { getRange: range, select: () => range().select() };
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
    return this.value("nestingLevel");
  }
  get rowCount(): number {
    return this.value("rowCount");
  }
  get isNullObject(): boolean {
    return this.value("isNullObject");
  }
  /** Word fills isNullObject at the next sync. */
  nullKnownAtSync(): this {
    this.batch.enqueue(() => this.setLoaded("isNullObject", this.table === null));
    return this;
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
  get parentTableOrNullObject(): FakeTable {
    const all = allTables(this.world.doc);
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
    return this.value("text");
  }
  get style(): string {
    return this.value("style");
  }
  get styleBuiltIn(): string {
    return this.value("styleBuiltIn");
  }
  get outlineLevel(): number {
    return this.value("outlineLevel");
  }
  get tableNestingLevel(): number {
    return this.value("tableNestingLevel");
  }
  get alignment(): string {
    return this.value("alignment");
  }
  getRange() {
    return new FakeRange(this.world, () => this.target);
  }
  select() {
    this.getRange().select();
  }
}

function paragraphsOf(world: World): FakeParagraph[] {
  const out: FakeParagraph[] = [];
  const cellParagraphs = (table: SnapshotTable, level: number) => {
    for (const row of table.rows)
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
  for (const block of world.doc.blocks) {
    if (block.kind === "table") cellParagraphs(block, 1);
    else
      out.push(
        new FakeParagraph(world, paragraphData(block), { kind: "paragraph", paragraph: block }),
      );
  }
  return out;
}

function paragraphData(p: SnapshotParagraph): Record<string, unknown> {
  const builtIn = p.headingLevel !== null ? `Heading${p.headingLevel}` : "Normal";
  return {
    text: p.text,
    style: p.styleName ?? builtIn,
    styleBuiltIn: builtIn,
    outlineLevel: p.headingLevel ?? 10,
    tableNestingLevel: 0,
    alignment: ALIGNMENT[p.alignment ?? ""] ?? "Left",
  };
}

class FakeComment extends Loadable {
  constructor(
    private readonly world: World,
    private readonly id: string,
    private readonly text: string,
  ) {
    super(world.batch);
  }
  protected current(property: string): unknown {
    if (property === "content") return this.text;
    if (property === "id") return this.id;
    throw new Error(`fake Word: Comment.${property}`);
  }
  get content(): string {
    return this.value("content");
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
    return this.value("id");
  }
  getXml() {
    return new ClientResult(this.batch, () => {
      const part = this.world.doc.parts.find((p) => p.id === this.partId);
      if (!part) throw new Error("ItemNotFound: the custom XML part was deleted.");
      return part.xml;
    });
  }
  delete(): void {
    this.batch.enqueue(() => this.world.doc.removePart(this.partId));
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
    return this.value("changeTrackingMode");
  }
  set changeTrackingMode(mode: string) {
    require14(this.world, "Document.changeTrackingMode");
    this.batch.enqueue(() => {
      this.world.trackingMode = mode;
      this.world.trackingHistory.push(mode);
    });
  }
  get body() {
    const world = this.world;
    const paragraphs = new FakeCollection(world.batch, () => paragraphsOf(world));
    return {
      tables: new FakeCollection(world.batch, () =>
        allTables(world.doc).map(({ table, level }) => new FakeTable(world, table, level)),
      ),
      paragraphs,
      getComments: () => {
        require14(world, "Body.getComments");
        return new FakeCollection(world.batch, () =>
          world.doc.comments.map((c) => new FakeComment(world, c.id, c.text)),
        );
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
        world.batch.enqueue(() => world.doc.addPart(xml));
        return {};
      },
    };
  }
  getSelection() {
    const world = this.world;
    const selection = world.doc.selection;
    const outerTable = selection?.kind === "cell" ? selection.table : null;
    const table = new FakeTable(world, outerTable, outerTable ? 1 : 0).nullKnownAtSync();
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
  /** The change-tracking modes Word was set to, in order. */
  trackingHistory: string[];
  setTrackingMode(mode: string): void;
  supports(version: string): boolean;
}

export function fakeWord(
  docx: Uint8Array | string | MemoryDocument,
  options: { api?: "1.3" | "1.4" } = {},
): FakeWord {
  const doc = docx instanceof MemoryDocument ? docx : MemoryDocument.fromDocx(docx);
  const world: World = {
    batch: new Batch(),
    doc,
    api14: (options.api ?? "1.4") === "1.4",
    trackingMode: "Off",
    trackingHistory: [],
  };
  const document = new FakeDocument(world);
  const context = {
    get document() {
      return document;
    },
    sync: () => world.batch.sync(),
  } as unknown as WordRequestContext;
  return {
    context,
    run: (batch) => batch(context),
    document: doc,
    syncs: () => world.batch.syncs,
    trackingHistory: world.trackingHistory,
    setTrackingMode: (mode) => (world.trackingMode = mode),
    supports: (version) => version === "1.3" || world.api14,
  };
}
