/**
 * Finds, in the text of word/document.xml, where each body paragraph and each table cell the
 * reader reported sits, counting exactly as the reader does (deleted rows dropped, merged-away
 * cells and skipped content left out), so that annotations land on the cells findings name.
 * The document has already been read by the strict parser, so a tag scanner is enough here.
 * Tables nested in a cell are kept with that cell (CellPosition.nested), numbered as the reader
 * numbers SnapshotCell.nestedTables, so a cell anchor's nesting path finds its own w:tc.
 */
import { SKIPPED } from "../ooxml/skipped";
import { nestingOf } from "../recognize/anchor";
import type { CellAnchor } from "../recognize/model";

export interface ParagraphPosition {
  /** Just after the opening <w:p …> tag, or after </w:pPr> when there is one. */
  contentStart: number;
  /** Where </w:p> starts. */
  end: number;
  /**
   * A self-closing <w:p …/> (Word writes them for empty paragraphs and cells): the tag must be
   * opened up before anything goes inside. contentStart and end are then both just after it.
   */
  emptyTag: { start: number; end: number } | null;
  /** Start and end of its <w:pPr> element, when it has one. */
  properties?: { start: number; end: number } | null;
}

export interface CellPosition {
  /** Just after the opening <w:tc …> tag. */
  open: number;
  /** Start and end of its <w:tcPr> element, when it has one. */
  properties: { start: number; end: number } | null;
  /** The cell's first paragraph. */
  firstParagraph: ParagraphPosition | null;
  /** The tables nested in the cell, in document order: [table][rowIndex][cellIndex]. */
  nested: CellPosition[][][];
}

export interface DocumentPositions {
  paragraphs: ParagraphPosition[];
  /** cells[tableIndex][rowIndex][cellIndex] as the reader numbers them. */
  cells: CellPosition[][][];
}

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
/**
 * Text boxes are never annotated, and a table in one is no table of the body (the reader gives
 * it no tableIndex), whatever the reader skips.
 */
const SKIP = new Set([...SKIPPED, "w:txbxContent"]);

interface OpenCell {
  position: CellPosition;
  hMergeContinue: boolean;
}

export function locate(xml: string): DocumentPositions {
  const paragraphs: ParagraphPosition[] = [];
  const tables: { rows: { cells: OpenCell[]; deleted: boolean }[]; holder: OpenCell | null }[] = [];
  const finished: CellPosition[][][] = [];
  const cellStack: OpenCell[] = [];
  const paragraphStack: {
    position: ParagraphPosition;
    inCell: OpenCell | null;
    topLevel: boolean;
  }[] = [];
  let skipDepth = 0;
  let skippedName = "";
  let inTrPr = 0;
  let inTcPr = 0;

  for (const match of xml.matchAll(TOKEN)) {
    const [token, closing, name, attributes = "", selfClosing] = match;
    if (!name) continue;
    const start = match.index;
    const end = start + token.length;
    const opens = !closing;
    const closes = Boolean(closing) || Boolean(selfClosing);
    if (opens) {
      if (skipDepth > 0) skipDepth++;
      else if (SKIP.has(name)) {
        skipDepth = 1;
        skippedName = name;
      } else openTag(name, attributes, start, end);
    }
    if (closes) {
      if (skipDepth > 0) {
        skipDepth--;
        if (skipDepth === 0 && skippedName === "w:del" && inTrPr && !inTcPr) {
          const rows = tables[tables.length - 1]?.rows;
          const row = rows?.[rows.length - 1];
          if (row) row.deleted = true;
        }
      } else closeTag(name, start, end, opens);
    }
  }
  return { paragraphs, cells: finished };

  function openTag(name: string, attributes: string, start: number, end: number): void {
    switch (name) {
      case "w:p": {
        const inCell =
          cellStack.length > 0 && cellStack.length === tables.length
            ? (cellStack[cellStack.length - 1] as OpenCell)
            : null;
        paragraphStack.push({
          position: { contentStart: end, end: -1, emptyTag: null },
          inCell,
          topLevel: tables.length === 0,
        });
        return;
      }
      case "w:tbl": {
        // A nested table belongs to the cell it sits in (directly, not in a deeper table).
        const holder =
          cellStack.length > 0 && cellStack.length === tables.length
            ? (cellStack[cellStack.length - 1] as OpenCell)
            : null;
        tables.push({ rows: [], holder });
        return;
      }
      case "w:tr":
        tables[tables.length - 1]?.rows.push({ cells: [], deleted: false });
        return;
      case "w:trPr":
        inTrPr++;
        return;
      case "w:pPr": {
        // The paragraph's own properties; a w:pPr inside its w:pPrChange is a revision record.
        const paragraph = paragraphStack[paragraphStack.length - 1];
        if (paragraph && !paragraph.position.properties)
          paragraph.position.properties = { start, end };
        return;
      }
      case "w:tc": {
        const cell: OpenCell = {
          position: { open: end, properties: null, firstParagraph: null, nested: [] },
          hMergeContinue: false,
        };
        cellStack.push(cell);
        const rows = tables[tables.length - 1]?.rows;
        rows?.[rows.length - 1]?.cells.push(cell);
        return;
      }
      case "w:tcPr": {
        inTcPr++;
        const cell = cellStack[cellStack.length - 1];
        if (cell && !cell.position.properties) cell.position.properties = { start, end: end };
        return;
      }
      case "w:hMerge":
        if (inTcPr) {
          const cell = cellStack[cellStack.length - 1];
          if (cell) cell.hMergeContinue = !/w:val\s*=\s*["']restart["']/.test(attributes);
        }
        return;
      default:
        return;
    }
  }

  function closeTag(name: string, start: number, end: number, selfClosing: boolean): void {
    switch (name) {
      case "w:pPr": {
        const paragraph = paragraphStack[paragraphStack.length - 1];
        if (paragraph) paragraph.position.contentStart = end;
        // The outer element closes last.
        if (paragraph?.position.properties) paragraph.position.properties.end = end;
        return;
      }
      case "w:p": {
        const paragraph = paragraphStack.pop();
        if (!paragraph) return;
        paragraph.position.end = selfClosing ? end : start;
        if (selfClosing) paragraph.position.emptyTag = { start, end };
        if (paragraph.inCell) paragraph.inCell.position.firstParagraph ??= paragraph.position;
        else if (paragraph.topLevel) paragraphs.push(paragraph.position);
        return;
      }
      case "w:trPr":
        inTrPr--;
        return;
      case "w:tcPr": {
        inTcPr--;
        const properties = cellStack[cellStack.length - 1]?.position.properties;
        if (properties) properties.end = end;
        return;
      }
      case "w:tc":
        cellStack.pop();
        return;
      case "w:tbl": {
        const table = tables.pop();
        if (!table) return;
        const rows = table.rows
          .filter((r) => !r.deleted)
          .map((r) => r.cells.filter((c) => !c.hMergeContinue).map((c) => c.position));
        if (tables.length === 0) finished.push(rows);
        else table.holder?.position.nested.push(rows);
        return;
      }
      default:
        return;
    }
  }
}

/** The position of the cell an anchor names, following its nesting path; null if none. */
export function cellPosition(positions: DocumentPositions, at: CellAnchor): CellPosition | null {
  let rows = positions.cells[at.tableIndex];
  for (const step of nestingOf(at))
    rows = rows?.[step.rowIndex]?.[step.cellIndex]?.nested[step.tableOrdinal];
  return rows?.[at.rowIndex]?.[at.cellIndex] ?? null;
}
