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
} from "../../core";
import { deletedRowsIn } from "../../core/marks/addressing";
import type { SnapshotBlock, SnapshotParagraph, SnapshotTable } from "../../core/model/snapshot";
import { BodyOrder } from "../body-order";
import type { DocumentState } from "../host";
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
}

export interface WordRead {
  state: DocumentState;
  /** By top-level table ordinal (tableIndex). */
  tables: WordTableLayout[];
  /** How many tables body.tables holds, nested ones included. */
  tableCount: number;
}

export async function readWordState(
  context: WordRequestContext,
  documentStorage: boolean,
): Promise<WordRead> {
  const { tables, paragraphs } = context.document.body;
  tables.load("items/nestingLevel");
  paragraphs.load(PARAGRAPH_FIELDS);
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
  // Each table's OOXML is a whole package (styles included), so a long document is fetched
  // a few tables per round trip: one huge getOoxml batch can stall (office-js issue 702).
  const ooxml: WordClientResult<string>[] = [];
  for (let from = 0; from === 0 || from < topLevel.length; from += OOXML_TABLES_PER_SYNC) {
    const chunk = topLevel.slice(from, from + OOXML_TABLES_PER_SYNC);
    ooxml.push(...chunk.map(({ table }) => table.getRange("Whole").getOoxml()));
    if (chunk.length > 0 || ledgerXml.length + ignoresXml.length > 0) await context.sync();
  }

  const snapshot: DocumentSnapshot = parseSnapshot({
    blocks: interleave(
      paragraphs.items,
      ooxml.map((xml, i) => tableFromOoxml(xml.value, i)),
    ),
  });
  return {
    state: {
      snapshot,
      // Word lists parts in the order they were added: the last ignores part is the newest.
      ...storedState(
        { ledger: ledgerXml.map((x) => x.value), ignores: ignoresXml.map((x) => x.value) },
        "added",
      ),
    },
    tableCount: tables.items.length,
    tables: ooxml.map((xml, i) => ({
      collectionIndex: topLevel[i]?.position ?? i,
      deletedRows: safeDeletedRows(xml.value),
    })),
  };
}

function interleave(paragraphs: WordParagraph[], tables: SnapshotTable[]): SnapshotBlock[] {
  const order = new BodyOrder(tables);
  for (const paragraph of paragraphs) {
    if (paragraph.tableNestingLevel > 0) order.tableParagraph();
    else order.paragraph((index) => toParagraph(paragraph, index));
  }
  return order.finish();
}

function toParagraph(paragraph: WordParagraph, paragraphIndex: number): SnapshotParagraph {
  const builtIn = /^Heading([1-9])$/.exec(paragraph.styleBuiltIn);
  const outline =
    paragraph.outlineLevel >= 1 && paragraph.outlineLevel <= 9 ? paragraph.outlineLevel : null;
  return {
    kind: "paragraph",
    paragraphIndex,
    text: paragraph.text,
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

function safeDeletedRows(ooxml: string): number[] {
  try {
    return deletedRowsIn(ooxml);
  } catch {
    // The reader accepted this OOXML; if the row scan cannot, keep the reader's numbering.
    return [];
  }
}
