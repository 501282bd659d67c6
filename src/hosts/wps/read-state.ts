/**
 * Reads the open WPS document, our ledger and the ignores. The document is read as OOXML by
 * the core's reader: the whole body in one call where WPS gives it, else each table in one call
 * (its cells walked when WPS gives no OOXML) and the paragraphs walked between them.
 *
 * Tables in text boxes are checked, never marked (the snapshot's origin "textbox"). Whether
 * WPS's Document.Tables lists them is not documented (VBA's does not: a text box is a story of
 * its own), so either is accepted; where WPS lists them, Range.StoryType = wdTextFrameStory
 * tells them apart, and each body table's place in Document.Tables is kept for the writes.
 */
import {
  EMPTY_LEDGER,
  parseSnapshot,
  readDocument,
  type DocumentSnapshot,
  type SnapshotBlock,
  type SnapshotParagraph,
  type SnapshotTable,
} from "../../core";
import { BodyOrder } from "../body-order";
import type { DocumentState } from "../host";
import { gridFromCells, type ListedCell } from "./cell-grid";
import { shadingFromWps } from "./colors";
import { partStore, readStored } from "./custom-parts";
import { inTextBox, ParagraphWalk } from "./paragraph-walk";
import { cellText, stripCellMarks, visibleText } from "./visible-text";
import type { WpsDocument, WpsParagraph, WpsRange, WpsTables } from "./wps-api";

const ALIGNMENT = ["left", "center", "right", "both"];
/** Paragraphs read between yields to the pane's event loop. */
const YIELD_EVERY = 200;

export interface WpsRead {
  state: DocumentState;
  /** Each body table's place in Document.Tables (1-based), by tableIndex. */
  tablePositions: number[];
}

interface Blocks {
  blocks: SnapshotBlock[];
  tablePositions: number[];
}

export async function readWpsState(doc: WpsDocument): Promise<WpsRead> {
  const store = partStore(doc);
  const stored = store ? readStored(store) : { ledger: EMPTY_LEDGER, ignores: [] };
  const { blocks, tablePositions } = readWhole(doc) ?? (await readByParts(doc));
  const snapshot: DocumentSnapshot = parseSnapshot({ blocks });
  return { state: { snapshot, ...stored }, tablePositions };
}

/**
 * The whole body in one call, read like a .docx; null when WPS gives no usable OOXML or its
 * tables do not match the document's (the adapter then reads table by table).
 */
function readWhole(doc: WpsDocument): Blocks | null {
  try {
    const blocks = readDocument(doc.Content.WordOpenXML).blocks;
    if (blocks.length === 0) return null;
    const tables = blocks.filter((b): b is SnapshotTable => b.kind === "table");
    const tablePositions = bodyTablePositions(doc, tables);
    return tablePositions ? { blocks, tablePositions } : null;
  } catch (error) {
    console.warn(
      "nianbao: the document's WordOpenXML is unavailable, reading table by table",
      error,
    );
    return null;
  }
}

/**
 * Where the body tables the OOXML gave are in Document.Tables, which may or may not list the
 * text boxes' tables; null when neither way matches.
 */
function bodyTablePositions(doc: WpsDocument, tables: SnapshotTable[]): number[] | null {
  const body = tables.filter((t) => t.origin !== "textbox").length;
  const listed = doc.Tables;
  const count = listed.Count;
  const inOrder = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  if (count === body) return inOrder(count);
  if (count !== tables.length) return null;
  const byStory = storyPositions(listed, count);
  if (byStory) return byStory.length === body ? byStory : null;
  // No StoryType: the tables in the order the OOXML has them.
  return tables.flatMap((t, i) => (t.origin === "textbox" ? [] : [i + 1]));
}

/** The positions of the tables not in a text box; null where WPS gives no StoryType. */
function storyPositions(tables: WpsTables, count: number): number[] | null {
  const positions: number[] = [];
  for (let i = 1; i <= count; i++) {
    const range = tables.Item(i).Range;
    if (range.StoryType === undefined) return null;
    if (!inTextBox(range)) positions.push(i);
  }
  return positions;
}

/** Each table as OOXML (or its cells walked), the paragraphs walked between them. */
async function readByParts(doc: WpsDocument): Promise<Blocks> {
  const body: SnapshotTable[] = [];
  const boxes: SnapshotTable[] = [];
  const tablePositions: number[] = [];
  for (let i = 1; i <= doc.Tables.Count; i++) {
    const table = doc.Tables.Item(i);
    const range = table.Range;
    if (inTextBox(range)) boxes.push({ ...readTable(range, -1), origin: "textbox" });
    else {
      tablePositions.push(i);
      body.push(readTable(range, body.length));
    }
  }
  const order = new BodyOrder(body);
  const walk = new ParagraphWalk(doc);
  let nextBox = 0;
  let inBoxTable = false;
  for (let i = 1, step = walk.step(); step; i++, step = walk.step()) {
    if (i % YIELD_EVERY === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const { paragraph, range } = step;
    // A text box's prose is no body text; its table's first paragraph places that table.
    if (step.inTextBox) {
      const box = step.inTable && !inBoxTable ? boxes[nextBox] : undefined;
      if (box) {
        order.aside(box);
        nextBox++;
      }
      inBoxTable = step.inTable;
      continue;
    }
    inBoxTable = false;
    if (step.inTable) order.tableParagraph();
    else order.paragraph((index) => toParagraph(paragraph, visibleText(range), index));
  }
  // Text boxes whose paragraphs WPS does not list: their tables go last.
  return { blocks: [...order.finish(), ...boxes.slice(nextBox)], tablePositions };
}

function readTable(range: WpsRange, tableIndex: number): SnapshotTable {
  try {
    const xml = range.WordOpenXML;
    const found = xml
      ? readDocument(xml).blocks.find((b): b is SnapshotTable => b.kind === "table")
      : undefined;
    if (found) return { ...found, tableIndex };
  } catch (error) {
    console.warn("nianbao: WordOpenXML unavailable, walking the cells", error);
  }
  return gridFromCells(listCells(range), tableIndex);
}

/** The fallback: every cell with its row, column number, width, visible text and shading. */
function listCells(range: WpsRange): ListedCell[] {
  const cells = range.Cells;
  const found: ListedCell[] = [];
  for (let k = 1; k <= cells.Count; k++) {
    const cell = cells.Item(k);
    const color = cell.Shading.BackgroundPatternColor;
    found.push({
      row: cell.RowIndex - 1,
      column: cell.ColumnIndex - 1,
      width: cell.Width,
      text: cellText(cell.Range),
      shading: shadingFromWps(color),
    });
  }
  return found;
}

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
