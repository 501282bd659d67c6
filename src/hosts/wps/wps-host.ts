/**
 * The WPS host: the WPS 文字 JSAPI behind the pane's interface. The document is read as OOXML
 * by the core's reader: the whole body in one call where WPS gives it, else each table in one
 * call (its cells walked when WPS gives no OOXML) and the paragraphs walked between them. Marks, comments and the ledger are written inside one undo record with
 * revision tracking paused, so 撤销 takes them back in one step.
 */
import {
  COMMENT_AUTHOR,
  EMPTY_LEDGER,
  IGNORES_NAMESPACE,
  LEDGER_NAMESPACE,
  ignoresFromXml,
  ignoresToXml,
  ledgerFromXml,
  ledgerToXml,
  parseSnapshot,
  readDocument,
  type Anchor,
  type Ignore,
  type WriteOutcome,
  type WritePlan,
  settleLedger,
} from "../../core";
import type { SnapshotBlock, SnapshotParagraph, SnapshotTable } from "../../core/model/snapshot";
import { BodyOrder } from "../body-order";
import { HostError, type DocumentHost, type DocumentState, type InsertOutcome } from "../host";
import { insertByBuilding } from "./build-fallback";
import {
  WD_COLLAPSE_END,
  WD_COLOR_AUTOMATIC,
  WD_WITHIN_TABLE,
  type WpsApplication,
  type WpsDocument,
  type WpsParagraph,
  type WpsTable,
} from "./wps-api";

const ALIGNMENT = ["left", "center", "right", "both"];
/** Paragraphs read between yields to the pane's event loop. */
const YIELD_EVERY = 200;

export class WpsHost implements DocumentHost {
  readonly name = "wps";
  readonly capabilities = { comments: true, documentStorage: true };

  constructor(private readonly app: WpsApplication) {}

  async read(): Promise<DocumentState> {
    const doc = this.document();
    const ledgerXml = partXml(doc, LEDGER_NAMESPACE);
    const ignoresXml = partXml(doc, IGNORES_NAMESPACE);
    return {
      snapshot: parseSnapshot({ blocks: readWhole(doc) ?? (await readByParts(doc)) }),
      ledger: (ledgerXml ? ledgerFromXml(ledgerXml) : null) ?? EMPTY_LEDGER,
      ignores: (ignoresXml ? ignoresFromXml(ignoresXml) : null) ?? [],
    };
  }

  async write(plan: WritePlan): Promise<WriteOutcome> {
    // Interim: every write is taken as done until the verified write lands (issue 12).
    const outcome: WriteOutcome = {
      written: [...plan.cells],
      skipped: [],
      commentsAdded: plan.addComments.map((c) => c.text),
      commentsKept: [],
      ledgerStored: true,
    };
    this.inUndoRecord("年报校核：标记", (doc) => {
      for (const write of plan.cells) {
        const cell = doc.Tables.Item(write.tableIndex + 1).Cell(
          write.rowIndex + 1,
          write.cellIndex + 1,
        );
        cell.Shading.BackgroundPatternColor =
          write.shading === null ? WD_COLOR_AUTOMATIC : toBgr(write.shading);
      }
      if (plan.removeComments.length > 0) {
        const remaining = [...plan.removeComments];
        const comments = doc.Comments;
        for (let i = comments.Count; i >= 1; i--) {
          const comment = comments.Item(i);
          if (comment.Author !== COMMENT_AUTHOR) continue;
          const at = remaining.indexOf(stripMarks(comment.Range.Text));
          if (at < 0) continue;
          remaining.splice(at, 1);
          comment.Delete();
        }
      }
      for (const { anchor, text } of plan.addComments) {
        const range = this.rangeOf(doc, anchor);
        if (!range) continue;
        const comment = doc.Comments.Add(range, text);
        comment.Author = COMMENT_AUTHOR;
        comment.Initial = "NB";
      }
      replacePart(doc, LEDGER_NAMESPACE, ledgerToXml(settleLedger(plan, outcome)));
    });
    return outcome;
  }

  async select(anchor: Anchor): Promise<boolean> {
    try {
      const range = this.rangeOf(this.document(), anchor);
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
    let placement: InsertOutcome["placement"] = "cursor";
    this.inUndoRecord("年报校核：插入模板", (doc) => {
      const selection = this.app.Selection;
      let range;
      if (selection.Information(WD_WITHIN_TABLE)) {
        // Inside a table, never into a cell: after the table holding the cursor.
        range = selection.Tables.Item(1).Range;
        placement = "after-table";
      } else range = selection.Paragraphs.Item(selection.Paragraphs.Count).Range;
      range.Collapse(WD_COLLAPSE_END);
      try {
        range.InsertXML(flatOpc);
      } catch (error) {
        console.warn("nianbao: InsertXML failed, building the template with Tables.Add", error);
        insertByBuilding(doc, range, readDocument(flatOpc).blocks);
      }
    });
    return { placement };
  }

  async saveIgnores(ignores: Ignore[]): Promise<void> {
    this.inUndoRecord("年报校核：忽略设置", (doc) =>
      replacePart(doc, IGNORES_NAMESPACE, ignoresToXml(ignores)),
    );
  }

  private document(): WpsDocument {
    const doc = this.app.ActiveDocument;
    if (!doc) throw new HostError("没有打开的文档：请先打开要检查的年度报告。");
    return doc;
  }

  /** Runs document changes as one undo step, never as tracked revisions. */
  private inUndoRecord(name: string, change: (doc: WpsDocument) => void): void {
    const doc = this.document();
    const tracking = doc.TrackRevisions;
    this.app.UndoRecord.StartCustomRecord(name);
    try {
      if (tracking) doc.TrackRevisions = false;
      change(doc);
    } catch (error) {
      throw error instanceof HostError
        ? error
        : new HostError("WPS 未能完成此操作，可用“撤销”退回已做的改动。", error);
    } finally {
      if (tracking) doc.TrackRevisions = true;
      this.app.UndoRecord.EndCustomRecord();
    }
  }

  private rangeOf(doc: WpsDocument, anchor: Anchor) {
    if (anchor.kind === "cell")
      return doc.Tables.Item(anchor.tableIndex + 1).Cell(anchor.rowIndex + 1, anchor.cellIndex + 1)
        .Range;
    let seen = 0;
    const paragraphs = doc.Paragraphs;
    const count = paragraphs.Count;
    for (let i = 1; i <= count; i++) {
      const range = paragraphs.Item(i).Range;
      if (range.Information(WD_WITHIN_TABLE)) continue;
      if (seen++ === anchor.paragraphIndex) return range;
    }
    return null;
  }
}

/**
 * The whole body in one call, read like a .docx; null when WPS gives no usable OOXML or its
 * tables do not match the document's (the adapter then reads table by table).
 */
function readWhole(doc: WpsDocument): SnapshotBlock[] | null {
  try {
    const blocks = readDocument(doc.Content.WordOpenXML).blocks;
    const tables = blocks.filter((b) => b.kind === "table").length;
    return blocks.length > 0 && tables === doc.Tables.Count ? blocks : null;
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
  const paragraphs = doc.Paragraphs;
  const count = paragraphs.Count;
  for (let i = 1; i <= count; i++) {
    if (i % YIELD_EVERY === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const paragraph = paragraphs.Item(i);
    const range = paragraph.Range;
    if (range.Information(WD_WITHIN_TABLE)) order.tableParagraph();
    else order.paragraph((index) => toParagraph(paragraph, range.Text, index));
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
      text: stripMarks(cell.Range.Text),
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
  const style = typeof paragraph.Style === "string" ? paragraph.Style : paragraph.Style.NameLocal;
  const byStyle = /^(?:标题|Heading)\s*([1-9])$/i.exec(style ?? "");
  const outline = paragraph.OutlineLevel;
  return {
    kind: "paragraph",
    paragraphIndex,
    text: stripMarks(text),
    styleId: null,
    styleName: style || null,
    headingLevel: byStyle ? Number(byStyle[1]) : outline >= 1 && outline <= 9 ? outline : null,
    alignment: ALIGNMENT[paragraph.Alignment] ?? null,
  };
}

/** Text without the paragraph mark and end-of-cell mark WPS ends it with. */
function stripMarks(text: string): string {
  // eslint-disable-next-line no-control-regex -- \x07 is WPS's end-of-cell mark, which we strip
  return text.replace(/[\r\x07]+$/, "").replace(/\r/g, "\n");
}

function partXml(doc: WpsDocument, namespace: string): string | null {
  const parts = doc.CustomXMLParts.SelectByNamespace(namespace);
  return parts.Count > 0 ? parts.Item(1).XML : null;
}

function replacePart(doc: WpsDocument, namespace: string, xml: string): void {
  const parts = doc.CustomXMLParts.SelectByNamespace(namespace);
  for (let i = parts.Count; i >= 1; i--) parts.Item(i).Delete();
  doc.CustomXMLParts.Add(xml);
}

export function toBgr(hex: string): number {
  const rgb = parseInt(hex.slice(1), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

export function fromBgr(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, "0").toUpperCase()}`;
}
