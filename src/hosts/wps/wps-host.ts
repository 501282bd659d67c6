/**
 * The WPS host: the WPS 文字 JSAPI behind the pane's interface. The document is read as OOXML
 * by the core's reader: the whole body in one call where WPS gives it, else each table in one
 * call (its cells walked when WPS gives no OOXML) and the paragraphs walked between them.
 * Every cell is proved by its text before it is shaded (cell-locator.ts). Marks, comments and
 * the ledger are written inside one undo record where WPS has one, with revision tracking
 * paused and restored whatever happens, so 撤销 takes them back in one step.
 */
import {
  COMMENT_AUTHOR,
  COMMENT_INITIALS,
  findOurComments,
  EMPTY_LEDGER,
  IGNORES_NAMESPACE,
  LEDGER_NAMESPACE,
  ignoresFromXml,
  ignoresToXml,
  ledgerToXml,
  mergeLedgerParts,
  parseSnapshot,
  readDocument,
  settleLedger,
  type Anchor,
  type CellWrite,
  type DocumentSnapshot,
  type Ignore,
  type Ledger,
  type WriteOutcome,
  type WritePlan,
} from "../../core";
import { cellAtAnchor, isNested } from "../../core/recognize/anchor";
import type { SnapshotBlock, SnapshotParagraph, SnapshotTable } from "../../core/model/snapshot";
import { BodyOrder } from "../body-order";
import { HostError, type DocumentHost, type DocumentState, type InsertOutcome } from "../host";
import { insertByBuilding } from "./build-fallback";
import { CellLocator, stripCellMarks } from "./cell-locator";
import {
  WD_COLLAPSE_END,
  WD_COLOR_AUTOMATIC,
  WD_WITHIN_TABLE,
  type WpsApplication,
  type WpsComment,
  type WpsCustomXmlParts,
  type WpsDocument,
  type WpsParagraph,
  type WpsRange,
  type WpsSelection,
  type WpsTable,
} from "./wps-api";

const ALIGNMENT = ["left", "center", "right", "both"];
/** Paragraphs read between yields to the pane's event loop. */
const YIELD_EVERY = 200;

export class WpsHost implements DocumentHost {
  readonly name = "wps";
  /** What the last read saw: writes and selections prove their cells against it. */
  private snapshot: DocumentSnapshot | null = null;
  /** A ledger or ignores the document could not take (or has no parts for): this session's. */
  private sessionLedger: Ledger | null = null;
  private sessionIgnores: Ignore[] | null = null;

  constructor(private readonly app: WpsApplication) {}

  /** Feature-detected on the open document: a build without CustomXMLParts keeps no ledger. */
  get capabilities() {
    let storage = false;
    try {
      const doc = this.app.ActiveDocument;
      storage = doc ? partStore(doc) !== null : true;
    } catch {
      storage = false;
    }
    return { comments: true, documentStorage: storage };
  }

  async read(): Promise<DocumentState> {
    const doc = this.document();
    const store = partStore(doc);
    const ledger = store ? mergeLedgerParts(partsXml(store, LEDGER_NAMESPACE)) : EMPTY_LEDGER;
    const ignores = store ? commonIgnores(partsXml(store, IGNORES_NAMESPACE)) : [];
    const snapshot = parseSnapshot({ blocks: readWhole(doc) ?? (await readByParts(doc)) });
    this.snapshot = snapshot;
    return {
      snapshot,
      ledger: this.sessionLedger ?? ledger,
      ignores: this.sessionIgnores ?? ignores,
    };
  }

  /**
   * Each step runs on its own: a cell WPS refuses is skipped, a failing comment or ledger call
   * is reported, and whatever happens the ledger records the cells actually shaded and the
   * revision tracking is switched back on.
   */
  async write(plan: WritePlan): Promise<WriteOutcome> {
    const doc = this.document();
    const outcome: WriteOutcome = {
      written: [],
      skipped: [],
      commentsAdded: [],
      commentsKept: [],
      ledgerStored: false,
    };
    const failures: { message: string; cause: unknown }[] = [];
    const fail = (message: string) => (cause: unknown) => {
      console.warn(`nianbao: ${message}`, cause);
      failures.push({ message, cause });
    };
    const locator = new CellLocator(doc, this.snapshot);
    const store = partStore(doc);
    const earlierSessionLedger = this.sessionLedger;
    let removed = 0;
    const { restoreError } = this.edit("年报校核：标记", doc, () => {
      for (const write of plan.cells) writeCell(locator, write, outcome);
      const removal = { deleted: 0, kept: [] as string[] };
      attempt(
        () => removeOurComments(doc, plan.removeComments, removal),
        fail("未能删除原有的批注，已保留在文档中。"),
      );
      removed = removal.deleted;
      outcome.commentsKept.push(...removal.kept);
      const anchors = new AnchorFinder(doc, locator, this.snapshot);
      let refused = 0;
      let unplaced = 0;
      let lastError: unknown = null;
      for (const { anchor, text } of plan.addComments) {
        try {
          if (addComment(doc, anchors, anchor, text)) outcome.commentsAdded.push(text);
          else unplaced++;
        } catch (error) {
          refused++;
          lastError = error;
        }
      }
      if (refused > 0) fail(`有 ${refused} 条批注未能添加。`)(lastError);
      if (unplaced > 0) fail(`有 ${unplaced} 条批注所在的单元格或段落已变动，未添加。`)(null);
      const ledger = settleLedger(plan, outcome);
      this.sessionLedger = ledger;
      if (!store) return;
      attempt(() => {
        // Stored the moment the new part is in: a stale part left behind is merged on read.
        const replaced = replacePart(store, LEDGER_NAMESPACE, ledgerToXml(ledger), () => {
          outcome.ledgerStored = true;
          this.sessionLedger = null;
        });
        if (replaced.staleLeft)
          fail("旧的标记记录未能从文档中删除，与新记录并存，不影响“清除标记”。")(
            replaced.staleLeft,
          );
      }, fail(LEDGER_NOT_STORED));
    });
    if (restoreError) fail(TRACKING_NOT_RESTORED)(restoreError);
    if (failures.length === 0) return outcome;
    const nothingWritten =
      outcome.written.length === 0 &&
      outcome.commentsAdded.length === 0 &&
      removed === 0 &&
      !outcome.ledgerStored;
    if (nothingWritten) this.sessionLedger = earlierSessionLedger;
    // Only a write that changed nothing rejects; switching 修订 off and failing to switch it
    // back is itself a change, so that rejection says so instead of "nothing changed".
    if (nothingWritten && restoreError)
      throw new HostError(`WPS 未能写入任何标记；${TRACKING_NOT_RESTORED}`, restoreError);
    if (nothingWritten)
      throw new HostError("WPS 未能写入任何标记，文档没有改动。", failures[0]?.cause);
    outcome.failure = `部分操作未完成：${failures.map((f) => f.message).join("")}`;
    return outcome;
  }

  async select(anchor: Anchor): Promise<boolean> {
    try {
      const doc = this.document();
      if (anchor.kind === "cell" && !this.snapshot) await this.read();
      const anchors = new AnchorFinder(doc, new CellLocator(doc, this.snapshot), this.snapshot);
      // A cell edited since the check cannot prove itself by its text: select its address.
      const range = anchors.range(anchor, { unverifiedCell: true });
      if (!range) return false;
      range.Select();
      this.app.ActiveWindow.ScrollIntoView(range, true);
      return true;
    } catch {
      // The cell or paragraph no longer exists: the document changed since the check.
      return false;
    }
  }

  async insert(flatOpc: string): Promise<InsertOutcome> {
    const doc = this.document();
    const { value: placement, restoreError } = this.edit("年报校核：插入模板", doc, () => {
      const selection = this.app.Selection;
      let range: WpsRange;
      let placement: InsertOutcome["placement"] = "cursor";
      if (selection.Information(WD_WITHIN_TABLE)) {
        // Inside a table, never into a cell: after the outermost table holding the cursor.
        range = topLevelTableAt(selection).Range;
        placement = "after-table";
      } else range = selection.Paragraphs.Item(selection.Paragraphs.Count).Range;
      range.Collapse(WD_COLLAPSE_END);
      if (!insertXml(doc, range, flatOpc))
        insertByBuilding(doc, range, readDocument(flatOpc).blocks);
      return placement;
    });
    if (restoreError) throw new HostError(`模板已插入。${TRACKING_NOT_RESTORED}`, restoreError);
    return { placement };
  }

  /**
   * Into the document where WPS has custom XML parts, else for the session. A stale part a
   * failed delete leaves behind is outvoted on read (commonIgnores); this session keeps the
   * new set meanwhile.
   */
  async saveIgnores(ignores: Ignore[]): Promise<void> {
    const doc = this.document();
    const store = partStore(doc);
    if (!store) {
      this.sessionIgnores = ignores;
      return;
    }
    const { value, restoreError } = this.edit("年报校核：忽略设置", doc, () =>
      replacePart(store, IGNORES_NAMESPACE, ignoresToXml(ignores)),
    );
    if (value.staleLeft) {
      console.warn("nianbao: an earlier ignores part could not be deleted", value.staleLeft);
      this.sessionIgnores = ignores;
    } else this.sessionIgnores = null;
    if (restoreError) throw new HostError(`忽略设置已保存。${TRACKING_NOT_RESTORED}`, restoreError);
  }

  private document(): WpsDocument {
    const doc = this.app.ActiveDocument;
    if (!doc) throw new HostError("没有打开的文档：请先打开要检查的年度报告。");
    return doc;
  }

  /**
   * Runs document changes as one undo step where WPS offers undo records, never as tracked
   * revisions; tracking is switched back on whatever happens, and a failure to do so returned.
   */
  private edit<T>(
    name: string,
    doc: WpsDocument,
    change: () => T,
  ): { value: T; restoreError: unknown } {
    let undo: WpsApplication["UndoRecord"] | null = null;
    // Truthy, not === true: builds passing VBA's values through give -1 for on.
    let tracking: boolean | number = false;
    let restoreError: unknown = null;
    let value: T;
    try {
      undo = startUndoRecord(this.app, name);
      const found = doc.TrackRevisions;
      if (found) {
        doc.TrackRevisions = typeof found === "number" ? 0 : false;
        tracking = found;
      }
      value = change();
    } catch (error) {
      throw error instanceof HostError
        ? error
        : new HostError("WPS 未能完成此操作，可用“撤销”退回已做的改动。", error);
    } finally {
      if (tracking) {
        try {
          doc.TrackRevisions = tracking;
        } catch (error) {
          restoreError = error ?? new Error("TrackRevisions");
        }
      }
      if (undo) {
        try {
          undo.EndCustomRecord();
        } catch (error) {
          console.warn("nianbao: UndoRecord.EndCustomRecord failed", error);
        }
      }
    }
    return { value, restoreError };
  }
}

const TRACKING_NOT_RESTORED = "修订未能恢复为开启，请在“审阅”选项卡中重新打开“修订”。";
const LEDGER_NOT_STORED =
  "未能在文档中保存标记记录：本次打开期间仍可“清除标记”，关闭文档后将无法自动清除。";

function attempt(step: () => void, onError: (error: unknown) => void): void {
  try {
    step();
  } catch (error) {
    onError(error);
  }
}

/** Opens an undo record where WPS has them; null when absent or refused (no grouping then). */
function startUndoRecord(app: WpsApplication, name: string): WpsApplication["UndoRecord"] | null {
  try {
    const undo = app.UndoRecord;
    if (!undo || typeof undo.StartCustomRecord !== "function") return null;
    undo.StartCustomRecord(name);
    return undo;
  } catch (error) {
    console.warn("nianbao: UndoRecord unavailable, changes are not grouped for 撤销", error);
    return null;
  }
}

/** Shades a cell only once it has proved, by its text, to be the cell the plan means. */
function writeCell(locator: CellLocator, write: CellWrite, outcome: WriteOutcome): void {
  let located: ReturnType<CellLocator["locate"]>;
  try {
    located = locator.locate(write, write.expectedText);
  } catch (error) {
    console.warn("nianbao: WPS failed while finding a cell", error);
    outcome.skipped.push({ write, reason: "failed" });
    return;
  }
  if ("skip" in located) {
    outcome.skipped.push({
      write,
      reason: located.skip,
      ...(located.found !== undefined ? { found: located.found } : {}),
    });
    return;
  }
  try {
    located.cell.Shading.BackgroundPatternColor =
      write.shading === null ? WD_COLOR_AUTOMATIC : toBgr(write.shading);
    outcome.written.push(write);
  } catch (error) {
    console.warn("nianbao: WPS refused a cell's shading", error);
    outcome.skipped.push({ write, reason: "failed", found: located.found });
  }
}

/**
 * Deletes our comments: one per text the ledger recorded, whoever WPS says wrote them (Word
 * signs with the user's name, and WPS may ignore the author we set), preferring the one signed
 * 年报校核 where several read the same (findOurComments). A colleague's comment does not carry
 * a text we recorded, so it stays. Counts the deleted ones and lists the texts that may still
 * be in the document (the ledger keeps those).
 */
function removeOurComments(
  doc: WpsDocument,
  texts: string[],
  result: { deleted: number; kept: string[] },
): void {
  if (texts.length === 0) return;
  let existing: { comment: WpsComment; text: string; author: string | null }[];
  try {
    const comments = doc.Comments;
    existing = [];
    for (let i = 1; i <= comments.Count; i++) {
      const comment = comments.Item(i);
      existing.push({ comment, text: comment.Range.Text, author: authorOf(comment) });
    }
  } catch (error) {
    // Not read, so not deleted: the ledger keeps them, to be removed next time.
    result.kept.push(...texts);
    throw error;
  }
  const { found } = findOurComments(existing, texts);
  // From the last: a deletion never moves a comment still to be deleted.
  for (const { index, text } of found.sort((a, b) => b.index - a.index)) {
    try {
      existing[index]?.comment.Delete();
      result.deleted++;
    } catch (error) {
      console.warn("nianbao: WPS refused to delete a comment", error);
      result.kept.push(text);
    }
  }
}

function authorOf(comment: WpsComment): string | null {
  try {
    return comment.Author;
  } catch {
    return null;
  }
}

/** Adds one comment; false when its cell or paragraph is not there (nothing is written). */
function addComment(doc: WpsDocument, anchors: AnchorFinder, anchor: Anchor, text: string) {
  const range = anchors.range(anchor, { unverifiedCell: false });
  if (!range) return false;
  const comment = doc.Comments.Add(range, text);
  try {
    comment.Author = COMMENT_AUTHOR;
    comment.Initial = COMMENT_INITIALS;
  } catch (error) {
    // Signing is a courtesy: the comment is ours by its text.
    console.warn("nianbao: WPS would not sign the comment", error);
  }
  return true;
}

/** Ranges for anchors: cells proved by their text, body paragraphs walked once with Next(). */
class AnchorFinder {
  private readonly bodyParagraphs: WpsRange[] = [];
  private next: WpsParagraph | null | undefined;
  private left = 0;

  constructor(
    private readonly doc: WpsDocument,
    private readonly locator: CellLocator,
    private readonly snapshot: DocumentSnapshot | null,
  ) {}

  range(anchor: Anchor, options: { unverifiedCell: boolean }): WpsRange | null {
    if (anchor.kind === "paragraph") return this.paragraph(anchor.paragraphIndex);
    const expected = this.snapshot ? cellAtAnchor(this.snapshot, anchor) : null;
    const located = expected ? this.locator.locate(anchor, expected.text) : null;
    if (located && "cell" in located) return located.cell.Range;
    // A nested cell's address alone would name a cell of its layout table: never taken.
    if (!options.unverifiedCell || isNested(anchor)) return null;
    return this.doc.Tables.Item(anchor.tableIndex + 1).Cell(
      anchor.rowIndex + 1,
      anchor.cellIndex + 1,
    ).Range;
  }

  private paragraph(index: number): WpsRange | null {
    if (this.next === undefined) {
      const paragraphs = this.doc.Paragraphs;
      this.left = paragraphs.Count;
      this.next = this.left > 0 ? paragraphs.First : null;
    }
    while (this.bodyParagraphs.length <= index && this.next && this.left-- > 0) {
      const range = this.next.Range;
      if (!range.Information(WD_WITHIN_TABLE)) this.bodyParagraphs.push(range);
      this.next = this.next.Next() ?? null;
    }
    return this.bodyParagraphs[index] ?? null;
  }
}

/** The outermost table at the cursor; Selection.Tables may give a nested one. */
function topLevelTableAt(selection: WpsSelection): WpsTable {
  try {
    const tables = selection.Range.TopLevelTables;
    if (tables && tables.Count > 0) return tables.Item(1);
  } catch (error) {
    console.warn("nianbao: TopLevelTables unavailable, using Selection.Tables", error);
  }
  return selection.Tables.Item(1);
}

/**
 * InsertXML, checked: nothing documents that WPS raises when it cannot use the package, so the
 * tables and paragraphs are counted before and after. False when nothing went in.
 */
function insertXml(doc: WpsDocument, range: WpsRange, flatOpc: string): boolean {
  const count = () => `${doc.Tables.Count}/${doc.Paragraphs.Count}`;
  try {
    const before = count();
    range.InsertXML(flatOpc);
    if (count() !== before) return true;
    console.warn("nianbao: InsertXML inserted nothing, building the template with Tables.Add");
  } catch (error) {
    console.warn("nianbao: InsertXML failed, building the template with Tables.Add", error);
  }
  return false;
}

/**
 * The whole body in one call, read like a .docx; null when WPS gives no usable OOXML or its
 * tables do not match the document's (the adapter then reads table by table).
 */
function readWhole(doc: WpsDocument): SnapshotBlock[] | null {
  try {
    const blocks = readDocument(doc.Content.WordOpenXML).blocks;
    const tables = blocks.filter((b) => b.kind === "table");
    // Whether Tables.Count includes tables in text boxes is not documented: accept either.
    const body = tables.filter((t) => t.origin !== "textbox").length;
    const count = doc.Tables.Count;
    return blocks.length > 0 && (body === count || tables.length === count) ? blocks : null;
  } catch (error) {
    console.warn(
      "nianbao: the document's WordOpenXML is unavailable, reading table by table",
      error,
    );
    return null;
  }
}

/** Each table as OOXML (or its cells walked), the paragraphs walked between them. */
async function readByParts(doc: WpsDocument): Promise<SnapshotBlock[]> {
  const tables: SnapshotTable[] = [];
  for (let i = 1; i <= doc.Tables.Count; i++) tables.push(readTable(doc.Tables.Item(i), i - 1));
  const order = new BodyOrder(tables);
  // Paragraphs.Item(i) walks from the start in Word's object model: O(n²). Next() is O(1).
  const paragraphs = doc.Paragraphs;
  let left = paragraphs.Count;
  let paragraph: WpsParagraph | null = left > 0 ? paragraphs.First : null;
  for (let i = 1; paragraph && left-- > 0; i++) {
    if (i % YIELD_EVERY === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const range = paragraph.Range;
    if (range.Information(WD_WITHIN_TABLE)) order.tableParagraph();
    else {
      const current = paragraph;
      order.paragraph((index) => toParagraph(current, range.Text, index));
    }
    paragraph = paragraph.Next() ?? null;
  }
  return order.finish();
}

function readTable(table: WpsTable, tableIndex: number): SnapshotTable {
  try {
    const xml = table.Range.WordOpenXML;
    const found = xml
      ? readDocument(xml).blocks.find((b): b is SnapshotTable => b.kind === "table")
      : undefined;
    if (found) return { ...found, tableIndex };
  } catch (error) {
    console.warn("nianbao: WordOpenXML unavailable, walking the cells", error);
  }
  return walkCells(table, tableIndex);
}

/**
 * The fallback: every cell with its row, column number and width. A column number skipped in a
 * row is a cell covered by a vertical merge, as wide as the cell above it; the cells' edges
 * across all rows give the grid, and so each cell's grid column and span.
 */
function walkCells(table: WpsTable, tableIndex: number): SnapshotTable {
  const cells = table.Range.Cells;
  const found: {
    row: number;
    column: number;
    width: number;
    text: string;
    shading: string | null;
  }[] = [];
  for (let k = 1; k <= cells.Count; k++) {
    const cell = cells.Item(k);
    const color = cell.Shading.BackgroundPatternColor;
    found.push({
      row: cell.RowIndex - 1,
      column: cell.ColumnIndex - 1,
      width: cell.Width,
      text: stripCellMarks(cell.Range.Text),
      shading: color === WD_COLOR_AUTOMATIC ? null : fromBgr(color),
    });
  }
  const rowCount = Math.max(0, ...found.map((c) => c.row + 1));
  const laid: { left: number; right: number; cell: (typeof found)[number] | null }[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const inRow = found.filter((c) => c.row === r);
    const width = Math.max(0, ...inRow.map((c) => c.column + 1));
    let x = 0;
    laid[r] = Array.from({ length: width }, (_, i) => {
      const cell = inRow.find((c) => c.column === i) ?? null;
      const above = laid[r - 1]?.find((e) => near(e.left, x));
      const left = x;
      x += cell ? cell.width : above ? above.right - above.left : 0;
      return { left, right: x, cell };
    });
  }
  const edges = [...new Set(laid.flat().flatMap((e) => [e.left, e.right]))]
    .sort((a, b) => a - b)
    .filter((edge, i, all) => i === 0 || !near(edge, all[i - 1] as number));
  const column = (x: number) =>
    Math.max(
      0,
      edges.findIndex((edge) => near(edge, x)),
    );
  const rows = laid.map((row) => ({
    cells: row.map((e, i) => ({
      text: e.cell?.text ?? "",
      gridColumn: column(e.left),
      columnSpan: Math.max(1, column(e.right) - column(e.left)),
      rowSpan: 1,
      verticalMerge: (e.cell ? null : "continue") as "restart" | "continue" | null,
      physicalIndex: i,
      nestedTables: [],
      shading: e.cell?.shading ?? null,
    })),
  }));
  rows.forEach((row, r) =>
    row.cells.forEach((cell) => {
      if (cell.verticalMerge !== "continue") return;
      for (let above = r - 1; above >= 0; above--) {
        const over = rows[above]?.cells.find((c) => c.gridColumn === cell.gridColumn);
        if (!over || over.verticalMerge === "continue") continue;
        over.verticalMerge ??= "restart";
        over.rowSpan++;
        break;
      }
    }),
  );
  return { kind: "table", tableIndex, gridColumnCount: Math.max(0, edges.length - 1), rows };
}

/** Widths come in points with rounding: edges within half a point are one edge. */
const near = (a: number, b: number) => Math.abs(a - b) < 0.5;

function toParagraph(
  paragraph: WpsParagraph,
  text: string,
  paragraphIndex: number,
): SnapshotParagraph {
  let style: string | null = null;
  try {
    const declared = paragraph.Style;
    if (typeof declared === "string") style = declared;
    else if (declared && typeof declared === "object") style = declared.NameLocal;
  } catch (error) {
    // The outline level still tells a heading; the style name is only a hint.
    console.warn("nianbao: WPS gave no paragraph style", error);
  }
  const byStyle = /^(?:标题|Heading)\s*([1-9])$/i.exec(style ?? "");
  const outline = paragraph.OutlineLevel;
  return {
    kind: "paragraph",
    paragraphIndex,
    text: stripCellMarks(text),
    styleId: null,
    styleName: style || null,
    headingLevel: byStyle ? Number(byStyle[1]) : outline >= 1 && outline <= 9 ? outline : null,
    alignment: ALIGNMENT[paragraph.Alignment] ?? null,
  };
}

/** The document's custom XML parts, when this build has them with both calls we use. */
function partStore(doc: WpsDocument): WpsCustomXmlParts | null {
  try {
    const store = doc.CustomXMLParts;
    return store && typeof store.SelectByNamespace === "function" && typeof store.Add === "function"
      ? store
      : null;
  } catch (error) {
    console.warn("nianbao: CustomXMLParts unavailable, keeping the ledger for the session", error);
    return null;
  }
}

/** Every part in a namespace: a failed clean-up may leave several, and no order is documented. */
function partsXml(store: WpsCustomXmlParts, namespace: string): string[] {
  const parts = store.SelectByNamespace(namespace);
  return Array.from({ length: parts.Count }, (_, i) => parts.Item(i + 1).XML);
}

/**
 * The ignores every part agrees on. Two parts mean a save whose delete failed, and which is
 * the newer is unknown; holding only what both say can make a dismissed finding show again,
 * never hide one the user brought back.
 */
function commonIgnores(xmls: string[]): Ignore[] {
  const sets = xmls.map(ignoresFromXml).filter((s): s is Ignore[] => s !== null);
  const [first, ...rest] = sets;
  if (!first) return [];
  const keys = rest.map((set) => new Set(set.map((i) => JSON.stringify(i))));
  return first.filter((i) => keys.every((k) => k.has(JSON.stringify(i))));
}

/**
 * Adds the new part before deleting the old: a failure never leaves the document without one.
 * Throws only when the new part is not in; a delete that fails after is returned (the part is
 * stored by then, and `added` has been told).
 */
function replacePart(
  store: WpsCustomXmlParts,
  namespace: string,
  xml: string,
  added: () => void = () => undefined,
): { staleLeft: unknown } {
  const found = store.SelectByNamespace(namespace);
  const old = Array.from({ length: found.Count }, (_, i) => found.Item(i + 1));
  store.Add(xml);
  added();
  let staleLeft: unknown = null;
  for (const part of old) {
    try {
      part.Delete();
    } catch (error) {
      staleLeft ??= error ?? new Error("CustomXMLPart.Delete");
    }
  }
  return { staleLeft };
}

export function toBgr(hex: string): number {
  const rgb = parseInt(hex.slice(1), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

export function fromBgr(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, "0").toUpperCase()}`;
}
