/**
 * Turns the events of word/document.xml into snapshot blocks. Handles what Word, WPS and
 * LibreOffice write: w:gridSpan, w:vMerge restart/continue, legacy w:hMerge, w:gridBefore,
 * runs split inside a number, proofing marks, bookmarks and fields inside cells, line breaks,
 * tracked changes (deleted and moved-away text left out, inserted text kept, deleted rows
 * dropped), content controls (placeholder text left out), hidden text (w:vanish, w:specVanish
 * on a run, or through its character or paragraph style: styles.xml may come after the
 * document, so such text is kept apart, as StyledText, until resolve), markup-compatibility
 * alternate content (resolved as Word does), nested tables (kept inside their cell) and text
 * boxes (their paragraphs left out of the body, their tables kept as blocks of origin
 * "textbox"). Names arrive with our fixed prefixes (see xml.ts), whatever prefix the document
 * binds.
 */
import { DocumentReadError } from "./errors";
import type { ReadLimits } from "./limits";
import { UNDERSTOOD_NAMESPACES } from "./namespaces";
import { SKIPPED } from "./skipped";
import { isOn } from "./on-off";
import type { Attributes, NamespaceScope, XmlHandler } from "./xml";
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

/** Text of runs that set no w:vanish of their own: shown unless their styles hide it. */
export interface StyledText {
  text: string;
  runStyle: string | null;
  paragraphStyle: string | null;
}

/**
 * A paragraph's or cell's text that holds StyledText: its text stays "" until the styles are
 * known and resolveStyledText sets it from the parts.
 */
export interface PendingText {
  target: { text: string };
  parts: (string | StyledText)[];
}

/** The text of parts, leaving out what `hidden` says is hidden. */
export function resolveStyledText(
  parts: readonly (string | StyledText)[],
  hidden: (part: StyledText) => boolean,
): string {
  return parts
    .map((part) => (typeof part === "string" ? part : hidden(part) ? "" : part.text))
    .join("");
}

/** Skipped by the reader, whose content it never reads. */
const READER_SKIPPED = SKIPPED.filter((name) => name !== "mc:Fallback" && name !== "w:txbxContent");

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
  R,
  RPr,
  RStyle,
  Vanish,
  Sdt,
  SdtContent,
  AlternateContent,
  Choice,
  Fallback,
  TextBox,
}

// One map lookup per element: most elements (run properties, bookmarks…) are not ours.
const TAGS = new Map<string, Tag>([
  ...READER_SKIPPED.map((name): [string, Tag] => [name, Tag.Skip]),
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
  ["w:r", Tag.R],
  ["w:rPr", Tag.RPr],
  ["w:rStyle", Tag.RStyle],
  ["w:vanish", Tag.Vanish],
  ["w:specVanish", Tag.Vanish],
  ["w:sdt", Tag.Sdt],
  ["w:sdtContent", Tag.SdtContent],
  ["mc:AlternateContent", Tag.AlternateContent],
  ["mc:Choice", Tag.Choice],
  ["mc:Fallback", Tag.Fallback],
  ["w:txbxContent", Tag.TextBox],
]);

interface CellBuilder {
  /** Each paragraph's text, or its parts when styles may hide some of it. */
  paragraphs: (string | (string | StyledText)[])[];
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

/** Tables and cells open in one story: the body, or one text box. */
interface Story {
  tables: TableBuilder[];
  cells: CellBuilder[];
}

interface ParagraphBuilder {
  parts: (string | StyledText)[];
  /** Whether some parts are StyledText. */
  styled: boolean;
  length: number;
  styleId: string | null;
  outlineLevel: number | null;
  alignment: string | null;
}

/** An open run: its own w:vanish (null when it sets none) and its character style. */
interface RunState {
  vanish: boolean | null;
  style: string | null;
}

export class DocumentReader implements XmlHandler {
  readonly blocks: RawBlock[] = [];
  /** Paragraphs and cells whose text waits for the styles. */
  readonly pending: PendingText[] = [];
  private skipDepth = 0;
  private skippedName = "";
  private readonly openTags: number[] = [];
  private inPPr = 0;
  private inTrPr = 0;
  private inTcPr = 0;
  private inText = false;
  private paragraph: ParagraphBuilder | null = null;
  private readonly paragraphStack: (ParagraphBuilder | null)[] = [];
  private tables: TableBuilder[] = [];
  private cells: CellBuilder[] = [];
  /** The stories a text box interrupted, outermost first. */
  private readonly outerStories: Story[] = [];
  /** Tables read from text boxes, placed after the body block that anchors them. */
  private textboxTables: SnapshotTable[] = [];
  /** Each open run (w:r); a text box pushes one that hides nothing. */
  private readonly runs: RunState[] = [];
  private inRunProperties = 0;
  /** Open content controls: whether each shows its placeholder text. */
  private readonly contentControls: boolean[] = [];
  /** Depth of placeholder content (w:sdtContent of a control showing its placeholder). */
  private inPlaceholder = 0;
  /** Open mc:AlternateContent elements: whether one of their branches has been taken. */
  private readonly alternates: boolean[] = [];
  private bodyParagraphCount = 0;
  private topLevelTableCount = 0;
  private blockCount = 0;
  private charCount = 0;

  constructor(
    private readonly limits: ReadLimits,
    /** Keep hidden text and placeholder text (readWithHiddenText). */
    private readonly keepHiddenText = false,
  ) {}

  open(name: string, attributes: Attributes, scope?: NamespaceScope): void {
    if (this.skipDepth > 0) {
      if (
        this.skipDepth === 1 &&
        this.skippedName === "w:sdtPr" &&
        name === "w:showingPlcHdr" &&
        this.contentControls.length > 0
      ) {
        this.contentControls[this.contentControls.length - 1] = isOn(attributes["w:val"]);
      }
      this.skipDepth++;
      return;
    }
    const tag = TAGS.get(name);
    if (tag === Tag.Skip || (tag === Tag.Choice && !this.takeChoice(attributes, scope))) {
      this.skip(name);
      return;
    }
    if (tag === Tag.Fallback && !this.takeFallback()) {
      this.skip(name);
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
          styled: false,
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
      case Tag.R:
        this.runs.push({ vanish: null, style: null });
        return;
      case Tag.RPr:
        // Only a run's own properties: the paragraph mark's (w:pPr/w:rPr) hide no text.
        if (this.parentTag === Tag.R) this.inRunProperties++;
        else this.openTags[this.openTags.length - 1] = 0;
        return;
      case Tag.Vanish: {
        const run = this.runs[this.runs.length - 1];
        if (this.inRunProperties && this.parentTag === Tag.RPr && run)
          run.vanish = run.vanish === true || isOn(attributes["w:val"]);
        return;
      }
      case Tag.RStyle: {
        const run = this.runs[this.runs.length - 1];
        if (this.inRunProperties && this.parentTag === Tag.RPr && run)
          run.style = attributes["w:val"] ?? null;
        return;
      }
      case Tag.Sdt:
        this.contentControls.push(false);
        return;
      case Tag.SdtContent:
        if (this.contentControls[this.contentControls.length - 1]) this.inPlaceholder++;
        else this.openTags[this.openTags.length - 1] = 0;
        return;
      case Tag.AlternateContent:
        this.alternates.push(false);
        return;
      case Tag.TextBox:
        this.outerStories.push({ tables: this.tables, cells: this.cells });
        this.tables = [];
        this.cells = [];
        this.runs.push({ vanish: false, style: null });
        return;
      case Tag.Tab:
        if (!this.inPPr) this.appendRunText("\t");
        return;
      case Tag.Br:
        this.appendRunText("\n");
        return;
      case Tag.NoBreakHyphen:
        this.appendRunText("-");
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
      case Tag.R:
        this.runs.pop();
        return;
      case Tag.RPr:
        this.inRunProperties--;
        return;
      case Tag.Sdt:
        this.contentControls.pop();
        return;
      case Tag.SdtContent:
        this.inPlaceholder--;
        return;
      case Tag.AlternateContent:
        this.alternates.pop();
        return;
      case Tag.TextBox:
        this.finishTextBox();
        return;
      default:
        return;
    }
  }

  text(text: string): void {
    if (this.inText && this.skipDepth === 0) this.appendRunText(text);
  }

  private get parentTag(): number | undefined {
    return this.openTags[this.openTags.length - 2];
  }

  private skip(name: string): void {
    this.skipDepth = 1;
    this.skippedName = name;
  }

  /**
   * Word takes the first mc:Choice whose Requires prefixes all name namespaces it understands;
   * never a second branch.
   */
  private takeChoice(attributes: Attributes, scope: NamespaceScope | undefined): boolean {
    const at = this.alternates.length - 1;
    if (at < 0 || this.alternates[at]) return false;
    const prefixes = (attributes.Requires ?? "").split(/\s+/).filter(Boolean);
    const understood =
      prefixes.length > 0 &&
      prefixes.every((prefix) => {
        const uri = scope?.uriOf(prefix);
        return uri !== undefined && UNDERSTOOD_NAMESPACES.has(uri);
      });
    if (understood) this.alternates[at] = true;
    return understood;
  }

  private takeFallback(): boolean {
    const at = this.alternates.length - 1;
    if (at < 0 || this.alternates[at]) return false;
    this.alternates[at] = true;
    return true;
  }

  /**
   * Text of a run, unless the run is hidden or the text is a content control's placeholder.
   * A run that neither hides nor shows itself leaves the question to its styles.
   */
  private appendRunText(text: string): void {
    if (this.keepHiddenText) {
      this.append(text);
      return;
    }
    const run = this.runs[this.runs.length - 1];
    if (this.inPlaceholder > 0 || run?.vanish === true) return;
    if (!run || run.vanish === false || !this.paragraph) {
      this.append(text);
      return;
    }
    this.append(text, run.style, this.paragraph.styleId);
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

  private append(text: string, runStyle?: string | null, paragraphStyle?: string | null): void {
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
    if (runStyle === undefined || paragraphStyle === undefined) {
      paragraph.parts.push(text);
      return;
    }
    paragraph.styled = true;
    const last = paragraph.parts[paragraph.parts.length - 1];
    if (
      typeof last === "object" &&
      last.runStyle === runStyle &&
      last.paragraphStyle === paragraphStyle
    ) {
      last.text += text;
    } else {
      paragraph.parts.push({ text, runStyle, paragraphStyle });
    }
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
    const parts = paragraph.parts;
    const text = paragraph.styled ? "" : resolveStyledText(parts, SHOW_ALL);
    const cell = this.currentCell;
    if (cell && this.cells.length === this.tables.length) {
      cell.paragraphs.push(paragraph.styled ? parts : text);
      return;
    }
    // Paragraphs of a text box are not body paragraphs: hosts do not count them.
    if (this.tables.length > 0 || this.outerStories.length > 0) return;
    const block: RawParagraph = {
      kind: "paragraph",
      paragraphIndex: this.bodyParagraphCount++,
      text,
      styleId: paragraph.styleId,
      outlineLevel: paragraph.outlineLevel,
      alignment: paragraph.alignment,
    };
    if (paragraph.styled) this.pending.push({ target: block, parts });
    this.blocks.push(block);
    this.placeTextboxTables();
  }

  private finishTable(): void {
    const builder = this.tables.pop();
    if (!builder) return;
    const nested = this.tables.length > 0;
    const table = buildTable(builder, nested ? -1 : this.topLevelTableCount, this.pending);
    if (nested) {
      this.currentCell?.nestedTables.push(table);
      return;
    }
    if (this.outerStories.length > 0) {
      // Word's body.tables does not list it, so no host can address it: checked, never marked.
      this.textboxTables.push({ ...table, tableIndex: -1, origin: "textbox" });
      return;
    }
    this.topLevelTableCount++;
    this.blocks.push(table);
    this.placeTextboxTables();
  }

  private finishTextBox(): void {
    this.runs.pop();
    const outer = this.outerStories.pop();
    if (!outer) return;
    this.tables = outer.tables;
    this.cells = outer.cells;
  }

  /**
   * Text-box tables follow the body block their text box is anchored in: the paragraph, or the
   * top-level table when the anchor is a paragraph in one of its cells.
   */
  private placeTextboxTables(): void {
    if (this.textboxTables.length === 0) return;
    this.blocks.push(...this.textboxTables);
    this.textboxTables = [];
  }
}

function buildTable(
  builder: TableBuilder,
  tableIndex: number,
  pending: PendingText[],
): SnapshotTable {
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
      const styled = cell.paragraphs.some((paragraph) => typeof paragraph !== "string");
      const snapshotCell: SnapshotCell = {
        text: styled ? "" : resolveStyledText(cellParts(cell.paragraphs), SHOW_ALL),
        gridColumn: column,
        columnSpan: cell.columnSpan,
        rowSpan: 1,
        verticalMerge: cell.verticalMerge,
        physicalIndex: cells.length,
        nestedTables: cell.nestedTables,
        shading: cell.shading,
      };
      if (styled) pending.push({ target: snapshotCell, parts: cellParts(cell.paragraphs) });
      cells.push(snapshotCell);
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

/** For text that no style can hide: every part is shown. */
const SHOW_ALL = (): boolean => false;

/** A cell's paragraphs as one run of parts, joined by line breaks as cell text is. */
function cellParts(paragraphs: CellBuilder["paragraphs"]): (string | StyledText)[] {
  return paragraphs.flatMap((paragraph, i) => {
    const parts = typeof paragraph === "string" ? [paragraph] : paragraph;
    return i === 0 ? parts : ["\n", ...parts];
  });
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
