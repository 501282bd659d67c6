/**
 * Reads the open Word document into a snapshot in at most two round trips, whatever the number
 * of tables: one for every paragraph and table in bulk (collection load paths, never
 * cellIndex/rowIndex, which fail on vertically merged tables), one for the OOXML of the
 * tables whose merges the bulk values cannot show.
 */
import { parseSnapshot, readDocument, type DocumentSnapshot } from "../../core";
import type { SnapshotBlock, SnapshotParagraph, SnapshotTable } from "../../core/model/snapshot";
import type { WordParagraph, WordRequestContext, WordTable } from "./word-api";

const ALIGNMENT: Record<string, string> = {
  Centered: "center",
  Left: "left",
  Right: "right",
  Justified: "both",
};

export async function readWordSnapshot(context: WordRequestContext): Promise<DocumentSnapshot> {
  const { tables, paragraphs } = context.document.body;
  tables.load("items/nestingLevel,items/isUniform,items/rowCount,items/values");
  paragraphs.load(
    "items/text,items/style,items/styleBuiltIn,items/outlineLevel,items/tableNestingLevel,items/alignment",
  );
  await context.sync();

  const topLevel = tables.items.filter((t) => t.nestingLevel === 1);
  const ooxml = topLevel.map((t) => (t.isUniform ? null : t.getRange().getOoxml()));
  if (ooxml.some((r) => r !== null)) await context.sync();

  const wordTables = topLevel.map((table, i) => {
    const xml = ooxml[i];
    return xml ? tableFromOoxml(xml.value, i) : tableFromValues(table, i);
  });
  return parseSnapshot({ blocks: interleave(paragraphs.items, wordTables) });
}

/** Body paragraphs in order, each run of table paragraphs standing for the next table. */
function interleave(paragraphs: WordParagraph[], tables: SnapshotTable[]): SnapshotBlock[] {
  const blocks: SnapshotBlock[] = [];
  let next = 0;
  let inTable = false;
  let index = 0;
  for (const paragraph of paragraphs) {
    if (paragraph.tableNestingLevel > 0) {
      if (!inTable && tables[next]) blocks.push(tables[next++] as SnapshotTable);
      inTable = true;
      continue;
    }
    inTable = false;
    blocks.push(toParagraph(paragraph, index++));
  }
  while (next < tables.length) blocks.push(tables[next++] as SnapshotTable);
  return blocks;
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

/** A table without merges: its values are its grid. */
function tableFromValues(table: WordTable, tableIndex: number): SnapshotTable {
  const rows = table.values.map((values) => ({
    cells: values.map((text, i) => ({
      text: text.replace(/\r\n?/g, "\n"),
      gridColumn: i,
      columnSpan: 1,
      rowSpan: 1,
      verticalMerge: null,
      physicalIndex: i,
      nestedTables: [],
    })),
  }));
  return {
    kind: "table",
    tableIndex,
    gridColumnCount: Math.max(0, ...rows.map((r) => r.cells.length)),
    rows,
  };
}

/** A table with merges: read from its OOXML with the core's reader. */
function tableFromOoxml(ooxml: string, tableIndex: number): SnapshotTable {
  const table = readDocument(ooxml).blocks.find((b): b is SnapshotTable => b.kind === "table");
  if (!table) return { kind: "table", tableIndex, gridColumnCount: 0, rows: [] };
  return { ...table, tableIndex };
}
