/**
 * The members of the WPS 文字 JSAPI (window.Application) the adapter uses. Our own minimal
 * typings: the published ones (wps-jsapi-declare) declare globals that would leak into the Word
 * build, and may not be modified; test/unit/hosts/wps-api-types.ts checks at compile time that
 * Kingsoft's declarations fit these. The object model follows Word's VBA: collections are
 * 1-based with Count and Item(i); every call is synchronous and crosses into WPS, so the adapter
 * keeps them few.
 */
export interface WpsCollection<T> {
  readonly Count: number;
  Item(index: number): T;
}

export interface WpsRange {
  Text: string;
  readonly WordOpenXML: string;
  /** Setting a built-in style: wdStyleHeading1 = -2, wdStyleHeading2 = -3, … */
  Style: unknown;
  readonly Cells: WpsCollection<WpsCell>;
  /** The outermost tables of the range: a cursor in a nested table gives its container. */
  readonly TopLevelTables?: WpsCollection<WpsTable>;
  Information(type: number): unknown;
  Select(): void;
  InsertXML(xml: string): void;
  /** wdCollapseEnd = 0, wdCollapseStart = 1. */
  Collapse(direction: number): void;
  InsertAfter(text: string): void;
  InsertParagraphAfter(): void;
  /** WdStoryType: the body is wdMainTextStory (1), a text box wdTextFrameStory (5). */
  readonly StoryType?: number;
  /** Whether Text includes hidden text (VBA's TextRetrievalMode.IncludeHiddenText). */
  readonly TextRetrievalMode?: { IncludeHiddenText: boolean };
  /** Font.Hidden: true (VBA's -1), false (0), or wdUndefined (9999999) for a mix. */
  readonly Font?: { readonly Hidden: number | boolean };
  /** One range per character. */
  readonly Characters?: WpsCollection<WpsRange>;
}

export interface WpsShading {
  /** A BGR integer; wdColorAutomatic (-16777216) for none. */
  BackgroundPatternColor: number;
}

export interface WpsCell {
  readonly RowIndex: number;
  readonly ColumnIndex: number;
  /** In points. */
  readonly Width: number;
  readonly Range: WpsRange;
  readonly Shading: WpsShading;
  /** The tables nested in the cell (VBA's Cell.Tables); feature-detected. */
  readonly Tables?: WpsCollection<WpsTable>;
  Merge(mergeTo: WpsCell): void;
}

export interface WpsTable {
  readonly Range: WpsRange;
  /** Rows.Count works on any table; Rows.Item(i) raises where cells are merged vertically. */
  readonly Rows: { readonly Count: number };
  /** 1 for a top-level table, one more per level of nesting; feature-detected. */
  readonly NestingLevel?: number;
  Cell(row: number, column: number): WpsCell;
}

export interface WpsTables extends WpsCollection<WpsTable> {
  Add(range: WpsRange, rows: number, columns: number): WpsTable;
}

export interface WpsParagraph {
  readonly Range: WpsRange;
  /** 1–9, or 10 for body text. */
  readonly OutlineLevel: number;
  /** A Style object, its name, or a built-in style's number (Kingsoft's typings allow all three). */
  readonly Style: { readonly NameLocal: string } | string | number | null;
  /** wdAlignParagraphLeft 0, Center 1, Right 2, Justify 3. */
  readonly Alignment: number;
  /** The next paragraph, null (or undefined) after the last. */
  Next(): WpsParagraph | null;
}

export interface WpsParagraphs extends WpsCollection<WpsParagraph> {
  /** Item(i) walks from the start in Word's object model: walk with First and Next() instead. */
  readonly First: WpsParagraph;
}

export interface WpsComment {
  Author: string;
  Initial: string;
  readonly Range: WpsRange;
  Delete(): void;
}

export interface WpsComments extends WpsCollection<WpsComment> {
  Add(range: WpsRange, text: string): WpsComment;
}

export interface WpsCustomXmlPart {
  readonly XML: string;
  Delete(): void;
}

export interface WpsCustomXmlParts {
  Add(xml: string): WpsCustomXmlPart;
  SelectByNamespace(namespace: string): WpsCollection<WpsCustomXmlPart>;
}

export interface WpsDocument {
  /** The whole body as a range. */
  readonly Content: { readonly WordOpenXML: string };
  readonly Tables: WpsTables;
  readonly Paragraphs: WpsParagraphs;
  readonly Comments: WpsComments;
  /** Absent from some builds: without it the ledger and ignores live for the session only. */
  readonly CustomXMLParts?: WpsCustomXmlParts;
  /** A boolean, or COM-style -1/0 on builds that pass VBA's values through. */
  TrackRevisions: boolean | number;
}

export interface WpsSelection {
  readonly Range: WpsRange;
  Information(type: number): unknown;
  readonly Tables: WpsCollection<WpsTable>;
  readonly Paragraphs: WpsCollection<WpsParagraph>;
}

export interface WpsTaskPane {
  Visible: boolean;
  readonly ID: string | number;
}

export interface WpsApplication {
  readonly ActiveDocument: WpsDocument | null;
  readonly Selection: WpsSelection;
  readonly ActiveWindow: { ScrollIntoView(range: WpsRange, start?: boolean): void };
  /** Absent from some builds (and not in every WPS's typings): used only when present. */
  readonly UndoRecord?: { StartCustomRecord(name: string): void; EndCustomRecord(): void };
  readonly PluginStorage?: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
  };
  CreateTaskPane?(url: string, title?: string): WpsTaskPane;
  GetTaskPane?(id: string | number): WpsTaskPane;
}

export const WD_WITHIN_TABLE = 12;
export const WD_COLLAPSE_END = 0;
export const WD_COLOR_AUTOMATIC = -16777216;
/** WdStoryType.wdTextFrameStory: text boxes (lib.wps.d.ts, enum WdStoryType). */
export const WD_TEXT_FRAME_STORY = 5;
/** WdConstants.wdUndefined: a property that differs across the range, such as Font.Hidden. */
export const WD_UNDEFINED = 9999999;
