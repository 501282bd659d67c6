/**
 * Turns the events of word/document.xml into snapshot blocks. Handles what Word, WPS and
 * LibreOffice write: w:gridSpan, w:vMerge restart/continue, legacy w:hMerge, w:gridBefore,
 * runs split inside a number, proofing marks, bookmarks and fields inside cells, line breaks,
 * tracked changes (deleted and moved-away text left out, inserted text kept, deleted rows
 * dropped), content controls, alternate content, and nested tables (kept inside their cell).
 */
import { DocumentReadError } from "./errors";
import type { ReadLimits } from "./limits";
import type { Attributes, XmlHandler } from "./xml";
import type { SnapshotCell, SnapshotRow, SnapshotTable } from "../model/snapshot";

/** A paragraph as read, before its style is resolved against styles.xml. */
export interface RawParagraph {
  kind: "paragraph";
  paragraphIndex: number;
  text: string;
  styleId: string | null;
  outlineLevel: number | null;
  alignment: string | null;
}

export type RawBlock = RawParagraph | SnapshotTable;

/** Elements whose whole content is not document text. */
const SKIPPED = new Set([
  "w:del",
  "w:moveFrom",
  "w:delText",
  "w:instrText",
  "w:delInstrText",
  "mc:Fallback",
  "w:txbxContent",
  "w:sdtPr",
  "w:sdtEndPr",
  "w:pPrChange",
  "w:rPrChange",
  "w:tblPrChange",
  "w:trPrChange",
  "w:tcPrChange",
  "w:sectPrChange",
  "w:footnoteReference",
  "w:endnoteReference",
  "w:fldData",
]);

interface CellBuilder {
  paragraphs: string[];
  columnSpan: number;
  verticalMerge: "restart" | "continue" | null;
  horizontalMergeContinue: boolean;
  nestedTables: SnapshotTable[];
}

interface RowBuilder {
  cells: CellBuilder[];
  gridBefore: number;
  deleted: boolean;
}

interface TableBuilder {
  gridColumns: number;
  rows: RowBuilder[];
}

interface ParagraphBuilder {
  parts: string[];
  length: number;
  styleId: string | null;
  outlineLevel: number | null;
  alignment: string | null;
}

export class DocumentReader implements XmlHandler {
  readonly blocks: RawBlock[] = [];
  private skipDepth = 0;
  private inPPr = 0;
  private inTrPr = 0;
  private inTcPr = 0;
  private inText = false;
  private paragraph: ParagraphBuilder | null = null;
  private readonly paragraphStack: (ParagraphBuilder | null)[] = [];
  private readonly tables: TableBuilder[] = [];
  private readonly cells: CellBuilder[] = [];
  private bodyParagraphCount = 0;
  private topLevelTableCount = 0;

  constructor(private readonly limits: ReadLimits) {}

  open(name: string, attributes: Attributes): void {
    if (this.skipDepth > 0 || SKIPPED.has(name)) {
      this.skipDepth++;
      return;
    }
    switch (name) {
      case "w:p":
        this.paragraphStack.push(this.paragraph);
        this.paragraph = {
          parts: [],
          length: 0,
          styleId: null,
          outlineLevel: null,
          alignment: null,
        };
        return;
      case "w:pPr":
        this.inPPr++;
        return;
      case "w:pStyle":
        if (this.inPPr && this.paragraph) this.paragraph.styleId = attributes["w:val"] ?? null;
        return;
      case "w:outlineLvl":
        if (this.inPPr && this.paragraph) this.paragraph.outlineLevel = toInt(attributes["w:val"]);
        return;
      case "w:jc":
        if (this.inPPr && this.paragraph) this.paragraph.alignment = attributes["w:val"] ?? null;
        return;
      case "w:t":
        this.inText = true;
        return;
      case "w:tab":
        if (!this.inPPr) this.append("\t");
        return;
      case "w:br":
      case "w:cr":
        this.append("\n");
        return;
      case "w:noBreakHyphen":
        this.append("-");
        return;
      case "w:tbl":
        this.tables.push({ gridColumns: 0, rows: [] });
        return;
      case "w:gridCol":
        if (this.currentTable && this.cells.length < this.tables.length)
          this.currentTable.gridColumns++;
        return;
      case "w:tr":
        this.currentTable?.rows.push({ cells: [], gridBefore: 0, deleted: false });
        return;
      case "w:trPr":
        this.inTrPr++;
        return;
      case "w:gridBefore":
        if (this.inTrPr && this.currentRow)
          this.currentRow.gridBefore = toInt(attributes["w:val"]) ?? 0;
        return;
      case "w:tc": {
        const cell: CellBuilder = {
          paragraphs: [],
          columnSpan: 1,
          verticalMerge: null,
          horizontalMergeContinue: false,
          nestedTables: [],
        };
        this.cells.push(cell);
        this.currentRow?.cells.push(cell);
        return;
      }
      case "w:tcPr":
        this.inTcPr++;
        return;
      case "w:gridSpan":
        if (this.inTcPr && this.currentCell)
          this.currentCell.columnSpan = Math.max(1, toInt(attributes["w:val"]) ?? 1);
        return;
      case "w:vMerge":
        if (this.inTcPr && this.currentCell) {
          this.currentCell.verticalMerge =
            attributes["w:val"] === "restart" ? "restart" : "continue";
        }
        return;
      case "w:hMerge":
        if (this.inTcPr && this.currentCell) {
          this.currentCell.horizontalMergeContinue = attributes["w:val"] !== "restart";
        }
        return;
      default:
        // A deleted row (tracked change) is w:del inside w:trPr; w:del is skipped as content,
        // so it is detected in close() below through `markRowDeleted`.
        return;
    }
  }

  close(name: string): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      if (
        this.skipDepth === 0 &&
        name === "w:del" &&
        this.inTrPr &&
        !this.inTcPr &&
        this.currentRow
      ) {
        this.currentRow.deleted = true;
      }
      return;
    }
    switch (name) {
      case "w:t":
        this.inText = false;
        return;
      case "w:pPr":
        this.inPPr--;
        return;
      case "w:trPr":
        this.inTrPr--;
        return;
      case "w:tcPr":
        this.inTcPr--;
        return;
      case "w:p":
        this.finishParagraph();
        return;
      case "w:tc":
        this.cells.pop();
        return;
      case "w:tbl":
        this.finishTable();
        return;
      default:
        return;
    }
  }

  text(text: string): void {
    if (this.inText && this.skipDepth === 0) this.append(text);
  }

  private get currentTable(): TableBuilder | undefined {
    return this.tables[this.tables.length - 1];
  }

  private get currentRow(): RowBuilder | undefined {
    const rows = this.currentTable?.rows;
    return rows?.[rows.length - 1];
  }

  private get currentCell(): CellBuilder | undefined {
    return this.cells[this.cells.length - 1];
  }

  private append(text: string): void {
    const paragraph = this.paragraph;
    if (!paragraph) return;
    paragraph.length += text.length;
    if (paragraph.length > this.limits.maxTextLength) {
      throw new DocumentReadError(
        "xml-too-complex",
        `a paragraph is longer than ${this.limits.maxTextLength} characters`,
      );
    }
    paragraph.parts.push(text);
  }

  private finishParagraph(): void {
    const paragraph = this.paragraph;
    this.paragraph = this.paragraphStack.pop() ?? null;
    if (!paragraph) return;
    const text = paragraph.parts.join("");
    const cell = this.currentCell;
    if (cell && this.cells.length === this.tables.length) {
      cell.paragraphs.push(text);
      return;
    }
    if (this.tables.length > 0) return;
    this.blocks.push({
      kind: "paragraph",
      paragraphIndex: this.bodyParagraphCount++,
      text,
      styleId: paragraph.styleId,
      outlineLevel: paragraph.outlineLevel,
      alignment: paragraph.alignment,
    });
  }

  private finishTable(): void {
    const builder = this.tables.pop();
    if (!builder) return;
    const nested = this.tables.length > 0;
    const table = buildTable(builder, nested ? -1 : this.topLevelTableCount);
    if (nested) {
      this.currentCell?.nestedTables.push(table);
      return;
    }
    this.topLevelTableCount++;
    this.blocks.push(table);
  }
}

function buildTable(builder: TableBuilder, tableIndex: number): SnapshotTable {
  const rows: SnapshotRow[] = [];
  let widest = 0;
  for (const row of builder.rows) {
    if (row.deleted) continue;
    const cells: SnapshotCell[] = [];
    let column = row.gridBefore;
    for (const cell of row.cells) {
      const previous = cells[cells.length - 1];
      if (cell.horizontalMergeContinue && previous) {
        previous.columnSpan += cell.columnSpan;
        column += cell.columnSpan;
        continue;
      }
      cells.push({
        text: cell.paragraphs.join("\n"),
        gridColumn: column,
        columnSpan: cell.columnSpan,
        rowSpan: 1,
        verticalMerge: cell.verticalMerge,
        physicalIndex: cells.length,
        nestedTables: cell.nestedTables,
      });
      column += cell.columnSpan;
    }
    widest = Math.max(widest, column);
    rows.push({ cells });
  }
  computeRowSpans(rows);
  return {
    kind: "table",
    tableIndex,
    gridColumnCount: Math.max(builder.gridColumns, widest),
    rows,
  };
}

/** Sets rowSpan on every cell that starts a vertical merge. */
export function computeRowSpans(rows: SnapshotRow[]): void {
  rows.forEach((row, r) => {
    for (const cell of row.cells) {
      if (cell.verticalMerge !== "restart") continue;
      let span = 1;
      for (let below = r + 1; below < rows.length; below++) {
        const next = rows[below]?.cells.find((c) => c.gridColumn === cell.gridColumn);
        if (next?.verticalMerge !== "continue") break;
        span++;
      }
      cell.rowSpan = span;
    }
  });
}

function toInt(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}
