/**
 * Reads the open Word document, our ledger and the ignores: one round trip for every
 * paragraph, the tables' nesting and the custom XML parts (collection load paths; never
 * cellIndex/rowIndex, which fail on vertically merged tables), then one for the top-level
 * tables' OOXML and the parts' XML, ten tables at a time (two round trips up to ten tables).
 * The OOXML, read by the core's reader, gives merges and each cell's own shading, which the
 * bulk values cannot show and shadingColor reports unreliably (office-js issues 3479 and 4632).
 */
import {
  IGNORES_NAMESPACE,
  LEDGER_NAMESPACE,
  parseSnapshot,
  readDocument,
  type DocumentSnapshot,
  deletedRowsIn,
  readWithHiddenText,
  type SnapshotBlock,
  type SnapshotParagraph,
  type SnapshotTable,
} from "../../core";
import { BodyOrder } from "../body-order";
import type { DocumentState } from "../host";
import {
  estimatedPackageLength,
  lacksStatutoryTable,
  mayShowPlaceholder,
  readBodyPackage,
  type PackageReason,
} from "./body-package";
import { storedState } from "../stored-parts";
import type { WordClientResult, WordParagraph, WordRequestContext } from "./word-api";

const ALIGNMENT: Record<string, string> = {
  Centered: "center",
  Left: "left",
  Right: "right",
  Justified: "both",
};

/** Tables whose OOXML one round trip fetches. */
export const OOXML_TABLES_PER_SYNC = 10;

export const PARAGRAPH_FIELDS =
  "items/text,items/style,items/styleBuiltIn,items/outlineLevel,items/tableNestingLevel,items/alignment";

/** Where a top-level table is in Word, for finding its cells again when writing. */
export interface WordTableLayout {
  /** Its position in body.tables, nested tables included. */
  collectionIndex: number;
  /** Its rows deleted under track changes, by position in the OOXML (deletedRowsIn). */
  deletedRows: number[];
  /**
   * Where the table holds hidden or placeholder text: each cell's text with it, by row and
   * cell as in the snapshot. TableCell.value may give it (undocumented), so a cell holding it is
   * still recognized as the cell we checked.
   */
  textsWithHidden?: string[][];
}

export interface WordRead {
  state: DocumentState;
  /** By top-level table ordinal (tableIndex). */
  tables: WordTableLayout[];
  /** How many tables body.tables holds, nested ones included. */
  tableCount: number;
  /**
   * Paragraph.text of each body paragraph as Word gave it (hidden and placeholder text perhaps
   * included, unlike the snapshot's text): what a later write finds the paragraph by.
   */
  paragraphTexts: string[];
  /** The body's package, when it was read: its length in characters. */
  packageLength: number | null;
}

export interface WordReadFeatures {
  /** The ledger and ignores parts (WordApi 1.4). */
  documentStorage: boolean;
  /** Paragraph.getText (WordApi 1.7): text without hidden text, as documented. */
  paragraphGetText: boolean;
  /** The body package's budget in characters (body-package.ts); for tests. */
  packageBudget?: number;
}

export async function readWordState(
  context: WordRequestContext,
  features: WordReadFeatures,
): Promise<WordRead> {
  const { documentStorage } = features;
  const { tables, paragraphs, contentControls } = context.document.body;
  tables.load("items/nestingLevel");
  paragraphs.load(PARAGRAPH_FIELDS);
  contentControls.load("items/text,items/placeholderText");
  const parts = documentStorage
    ? [LEDGER_NAMESPACE, IGNORES_NAMESPACE].map((ns) => {
        const found = context.document.customXmlParts.getByNamespace(ns);
        found.load("items/id");
        return found;
      })
    : [];
  await context.sync();

  const topLevel = tables.items.flatMap((table, position) =>
    table.nestingLevel === 1 ? [{ table, position }] : [],
  );
  // Every part: a replace that could not delete the earlier part leaves two.
  const [ledgerXml = [], ignoresXml = []] = parts.map((p) => p.items.map((part) => part.getXml()));
  const bodyParagraphs = paragraphs.items.filter((p) => p.tableNestingLevel === 0);
  // Queued with the first tables: no round trip of its own.
  const shownTexts = features.paragraphGetText ? bodyParagraphs.map((p) => p.getText()) : [];
  // Each table's OOXML is a whole package (styles included), so a long document is fetched
  // a few tables per round trip: one huge getOoxml batch can stall (office-js issue 702).
  const ooxml: WordClientResult<string>[] = [];
  for (let from = 0; from === 0 || from < topLevel.length; from += OOXML_TABLES_PER_SYNC) {
    const chunk = topLevel.slice(from, from + OOXML_TABLES_PER_SYNC);
    ooxml.push(...chunk.map(({ table }) => table.getRange("Whole").getOoxml()));
    if (chunk.length > 0 || ledgerXml.length + ignoresXml.length + shownTexts.length > 0)
      await context.sync();
  }

  const texts = bodyParagraphs.map((p, i) => shownTexts[i]?.value ?? p.text);
  const layouts = ooxml.map((xml, i): WordTableLayout => ({
    collectionIndex: topLevel[i]?.position ?? i,
    deletedRows: safeDeletedRows(xml.value),
    ...textsWithHiddenOf(xml.value),
  }));
  let snapshot: DocumentSnapshot = parseSnapshot({
    blocks: interleave(
      paragraphs.items,
      texts,
      ooxml.map((xml, i) => tableFromOoxml(xml.value, i)),
    ),
  });
  let tableLayouts: WordTableLayout[] = layouts;
  const reasons: PackageReason[] = [];
  if (lacksStatutoryTable(snapshot)) reasons.push("tables");
  if (contentControls.items.some(mayShowPlaceholder)) reasons.push("placeholders");
  if (!features.paragraphGetText) reasons.push("hidden-text");
  let notes: string[] = [];
  let packageLength: number | null = null;
  if (reasons.length > 0) {
    const read = await readBodyPackage(
      context,
      snapshot,
      reasons,
      estimatedPackageLength(paragraphs.items.map((p) => p.text)),
      features.packageBudget,
    );
    snapshot = parseSnapshot(read.snapshot);
    if (read.hostTables) tableLayouts = read.hostTables.map((i) => layouts[i] as WordTableLayout);
    notes = read.notes;
    packageLength = read.packageLength;
  }
  return {
    state: {
      snapshot,
      // Word lists parts in the order they were added: the last ignores part is the newest.
      ...storedState(
        { ledger: ledgerXml.map((x) => x.value), ignores: ignoresXml.map((x) => x.value) },
        "added",
      ),
      ...(notes.length > 0 && { notes }),
    },
    tableCount: tables.items.length,
    tables: tableLayouts,
    paragraphTexts: bodyParagraphs.map((p) => p.text),
    packageLength,
  };
}

/** Paragraphs and tables in document order; texts: each body paragraph's, in order. */
function interleave(
  paragraphs: WordParagraph[],
  texts: string[],
  tables: SnapshotTable[],
): SnapshotBlock[] {
  const order = new BodyOrder(tables);
  for (const paragraph of paragraphs) {
    if (paragraph.tableNestingLevel > 0) order.tableParagraph();
    else order.paragraph((index) => toParagraph(paragraph, texts[index] ?? paragraph.text, index));
  }
  return order.finish();
}

function toParagraph(
  paragraph: WordParagraph,
  text: string,
  paragraphIndex: number,
): SnapshotParagraph {
  const builtIn = /^Heading([1-9])$/.exec(paragraph.styleBuiltIn);
  const outline =
    paragraph.outlineLevel >= 1 && paragraph.outlineLevel <= 9 ? paragraph.outlineLevel : null;
  return {
    kind: "paragraph",
    paragraphIndex,
    text,
    styleId: null,
    styleName: paragraph.style || null,
    headingLevel: builtIn ? Number(builtIn[1]) : outline,
    alignment: ALIGNMENT[paragraph.alignment] ?? null,
  };
}

function tableFromOoxml(ooxml: string, tableIndex: number): SnapshotTable {
  const table = readDocument(ooxml).blocks.find((b): b is SnapshotTable => b.kind === "table");
  if (!table) return { kind: "table", tableIndex, gridColumnCount: 0, rows: [] };
  return { ...table, tableIndex };
}

/** The cells' texts with hidden and placeholder text, where the table's OOXML holds any. */
function textsWithHiddenOf(ooxml: string): { textsWithHidden?: string[][] } {
  if (!/vanish|showingPlcHdr/i.test(ooxml)) return {};
  try {
    const table = readWithHiddenText(ooxml).blocks.find(
      (b): b is SnapshotTable => b.kind === "table",
    );
    return table ? { textsWithHidden: table.rows.map((r) => r.cells.map((c) => c.text)) } : {};
  } catch {
    return {};
  }
}

function safeDeletedRows(ooxml: string): number[] {
  try {
    return deletedRowsIn(ooxml);
  } catch {
    // The reader accepted this OOXML; if the row scan cannot, keep the reader's numbering.
    return [];
  }
}
