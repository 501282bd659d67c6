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
export const SKIPPED = [
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
];

const enum Tag {
  Skip = 1,
  P,
  PPr,
  PStyle,
  OutlineLvl,
  Jc,
  T,
  Tab,
  Br,
  NoBreakHyphen,
  Tbl,
  GridCol,
  Tr,
  TrPr,
  GridBefore,
  Tc,
  TcPr,
  GridSpan,
  VMerge,
  HMerge,
  Shd,
}

// One map lookup per element: most elements (run properties, bookmarks…) are not ours.
const TAGS = new Map<string, Tag>([
  ...SKIPPED.map((name): [string, Tag] => [name, Tag.Skip]),
  ["w:p", Tag.P],
  ["w:pPr", Tag.PPr],
  ["w:pStyle", Tag.PStyle],
  ["w:outlineLvl", Tag.OutlineLvl],
  ["w:jc", Tag.Jc],
  ["w:t", Tag.T],
  ["w:tab", Tag.Tab],
  ["w:br", Tag.Br],
  ["w:cr", Tag.Br],
  ["w:noBreakHyphen", Tag.NoBreakHyphen],
  ["w:tbl", Tag.Tbl],
  ["w:gridCol", Tag.GridCol],
  ["w:tr", Tag.Tr],
  ["w:trPr", Tag.TrPr],
  ["w:gridBefore", Tag.GridBefore],
  ["w:tc", Tag.Tc],
  ["w:tcPr", Tag.TcPr],
  ["w:gridSpan", Tag.GridSpan],
  ["w:vMerge", Tag.VMerge],
  ["w:hMerge", Tag.HMerge],
  ["w:shd", Tag.Shd],
]);

interface CellBuilder {
  paragraphs: string[];
  columnSpan: number;
  verticalMerge: "restart" | "continue" | null;
  horizontalMergeContinue: boolean;
  nestedTables: SnapshotTable[];
  shading: string | null;
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
  private skippedName = "";
  private readonly openTags: number[] = [];
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
  private blockCount = 0;
  private charCount = 0;

  constructor(private readonly limits: ReadLimits) {}

  open(name: string, attributes: Attributes): void {
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    const tag = TAGS.get(name);
    if (tag === Tag.Skip) {
      this.skipDepth = 1;
      this.skippedName = name;
      return;
    }
    this.openTags.push(tag ?? 0);
    switch (tag) {
      case undefined:
        return;
      case Tag.P:
        this.paragraphStack.push(this.paragraph);
        this.paragraph = {
          parts: [],
          length: 0,
          styleId: null,
          outlineLevel: null,
          alignment: null,
        };
        return;
      case Tag.PPr:
        this.inPPr++;
        return;
      case Tag.PStyle:
        if (this.inPPr && this.paragraph) this.paragraph.styleId = attributes["w:val"] ?? null;
        return;
      case Tag.OutlineLvl:
        if (this.inPPr && this.paragraph) this.paragraph.outlineLevel = toInt(attributes["w:val"]);
        return;
      case Tag.Jc:
        if (this.inPPr && this.paragraph) this.paragraph.alignment = attributes["w:val"] ?? null;
        return;
      case Tag.T:
        this.inText = true;
        return;
      case Tag.Tab:
        if (!this.inPPr) this.append("\t");
        return;
      case Tag.Br:
        this.append("\n");
        return;
      case Tag.NoBreakHyphen:
        this.append("-");
        return;
      case Tag.Tbl:
        this.tables.push({ gridColumns: 0, rows: [] });
        return;
      case Tag.GridCol:
        if (this.currentTable && this.cells.length < this.tables.length)
          this.currentTable.gridColumns++;
        return;
      case Tag.Tr:
        this.currentTable?.rows.push({ cells: [], gridBefore: 0, deleted: false });
        return;
      case Tag.TrPr:
        this.inTrPr++;
        return;
      case Tag.GridBefore:
        if (this.inTrPr && this.currentRow)
          this.currentRow.gridBefore = toInt(attributes["w:val"]) ?? 0;
        return;
      case Tag.Tc: {
        const cell: CellBuilder = {
          paragraphs: [],
          columnSpan: 1,
          verticalMerge: null,
          horizontalMergeContinue: false,
          nestedTables: [],
          shading: null,
        };
        this.countBlock();
        this.cells.push(cell);
        this.currentRow?.cells.push(cell);
        return;
      }
      case Tag.TcPr:
        this.inTcPr++;
        return;
      case Tag.GridSpan:
        if (this.inTcPr && this.currentCell)
          this.currentCell.columnSpan = Math.max(1, toInt(attributes["w:val"]) ?? 1);
        return;
      case Tag.VMerge:
        if (this.inTcPr && this.currentCell) {
          this.currentCell.verticalMerge =
            attributes["w:val"] === "restart" ? "restart" : "continue";
        }
        return;
      case Tag.Shd:
        if (this.inTcPr && this.currentCell) this.currentCell.shading = fillOf(attributes);
        return;
      case Tag.HMerge:
        if (this.inTcPr && this.currentCell) {
          this.currentCell.horizontalMergeContinue = attributes["w:val"] !== "restart";
        }
        return;
    }
  }

  close(): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      // A deleted row (tracked change) is a w:del inside w:trPr.
      if (
        this.skipDepth === 0 &&
        this.skippedName === "w:del" &&
        this.inTrPr &&
        !this.inTcPr &&
        this.currentRow
      ) {
        this.currentRow.deleted = true;
      }
      return;
    }
    // Without the name: saxes only reports well-formed documents, so the open tags tell.
    const tag = this.openTags.pop();
    switch (tag) {
      case Tag.T:
        this.inText = false;
        return;
      case Tag.PPr:
        this.inPPr--;
        return;
      case Tag.TrPr:
        this.inTrPr--;
        return;
      case Tag.TcPr:
        this.inTcPr--;
        return;
      case Tag.P:
        this.finishParagraph();
        return;
      case Tag.Tc:
        this.cells.pop();
        return;
      case Tag.Tbl:
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
    this.charCount += text.length;
    if (this.charCount > this.limits.maxDocumentChars) {
      throw new DocumentReadError(
        "xml-too-complex",
        `the document holds more than ${this.limits.maxDocumentChars} characters`,
      );
    }
    if (paragraph.length > this.limits.maxTextLength) {
      throw new DocumentReadError(
        "xml-too-complex",
        `a paragraph is longer than ${this.limits.maxTextLength} characters`,
      );
    }
    paragraph.parts.push(text);
  }

  /** What a snapshot keeps grows with its paragraphs and cells, so they are counted. */
  private countBlock(): void {
    if (++this.blockCount > this.limits.maxBlocks) {
      throw new DocumentReadError(
        "xml-too-complex",
        `more than ${this.limits.maxBlocks} paragraphs and cells`,
      );
    }
  }

  private finishParagraph(): void {
    const paragraph = this.paragraph;
    this.paragraph = this.paragraphStack.pop() ?? null;
    if (!paragraph) return;
    this.countBlock();
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
        shading: cell.shading,
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
function computeRowSpans(rows: SnapshotRow[]): void {
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

/** A w:shd fill as #RRGGBB; "auto", absent or malformed fills are no shading. */
function fillOf(attributes: Attributes): string | null {
  const fill = attributes["w:fill"];
  return fill && /^[0-9A-Fa-f]{6}$/.test(fill) ? `#${fill.toUpperCase()}` : null;
}

function toInt(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}
