/**
 * The members of the Word JavaScript API the adapter uses, typed structurally so the adapter
 * compiles and is tested without Office.js; Word's own objects satisfy them. Names and
 * semantics follow the documented API: load() queues, context.sync() runs the batch, reading a
 * property that was not loaded and synced throws. WordApi 1.3 unless marked otherwise.
 * test/types/word-api.typecheck.ts checks at compile time that Office.js's own types
 * (@types/office-js) satisfy every interface here.
 */
export interface WordClientResult<T> {
  readonly value: T;
}

export type WordInsertLocation = "Replace" | "Start" | "End" | "Before" | "After";

export interface WordRange {
  getOoxml(): WordClientResult<string>;
  insertOoxml(ooxml: string, location: WordInsertLocation): WordRange;
  /** WordApi 1.4. */
  insertComment(text: string): unknown;
  select(): void;
}

export interface WordBody {
  getRange(location?: "Whole" | "Start" | "End"): WordRange;
  select(): void;
  /** The tables in the body (a cell's body: the tables nested in the cell). */
  readonly tables: WordCollection<WordTable>;
}

export interface WordTableCell {
  /** "#RRGGBB"; Word offers no value that removes shading (office-js issue 5460). */
  shadingColor: string;
  /** The cell's text (load "value" first). */
  readonly value: string;
  /** For getCellOrNullObject: true when no cell has that address. */
  readonly isNullObject: boolean;
  /** WordApiDesktop 1.4: backgroundPatternColorIndex "Auto" asks for no shading. */
  readonly shading: { backgroundPatternColorIndex: string };
  readonly body: WordBody;
  load(properties: string): unknown;
}

export interface WordTable {
  readonly nestingLevel: number;
  readonly rowCount: number;
  readonly isNullObject: boolean;
  getRange(location?: "Whole" | "Start" | "End" | "After"): WordRange;
  getCell(rowIndex: number, cellIndex: number): WordTableCell;
  getCellOrNullObject(rowIndex: number, cellIndex: number): WordTableCell;
  /** The next table in the body, nested or not, as Word orders them; null object after the last. */
  getNextOrNullObject(): WordTable;
  readonly parentTableOrNullObject: WordTable;
  load(properties: string): unknown;
}

export interface WordParagraph {
  readonly text: string;
  readonly style: string;
  readonly styleBuiltIn: string;
  readonly outlineLevel: number;
  readonly tableNestingLevel: number;
  readonly alignment: string;
  getRange(location?: "Whole" | "Start" | "End"): WordRange;
  /**
   * WordApi 1.7: the paragraph's text, by default without hidden text and text marked as
   * deleted (documented in Word.GetTextOptions). Placeholder text is not documented either way.
   */
  getText(): WordClientResult<string>;
  select(): void;
}

/** WordApi 1.1. */
export interface WordContentControl {
  /** The control's text; while it shows its placeholder, the placeholder or "" (undocumented). */
  readonly text: string;
  /** "Dimmed text will be displayed when the content control is empty" (the documented text). */
  readonly placeholderText: string;
}

export interface WordCollection<T> {
  readonly items: T[];
  load(properties: string): unknown;
}

export interface WordTableCollection extends WordCollection<WordTable> {
  getFirstOrNullObject(): WordTable;
}

export interface WordParagraphCollection extends WordCollection<WordParagraph> {
  getLast(): WordParagraph;
}

export interface WordComment {
  readonly content: string;
  /** WordApi 1.4: the user's name; Office.js cannot sign a comment with another. */
  readonly authorName: string;
  delete(): void;
}

export interface WordCustomXmlPart {
  readonly id: string;
  getXml(): WordClientResult<string>;
  delete(): void;
}

export interface WordCustomXmlParts {
  getByNamespace(namespace: string): WordCollection<WordCustomXmlPart>;
  add(xml: string): WordCustomXmlPart;
}

export interface WordSelection extends WordRange {
  readonly parentTableOrNullObject: WordTable;
  readonly paragraphs: WordParagraphCollection;
}

export interface WordDocument {
  readonly body: {
    readonly tables: WordTableCollection;
    readonly paragraphs: WordParagraphCollection;
    /** WordApi 1.1: the content controls in the body, those in tables included. */
    readonly contentControls: WordCollection<WordContentControl>;
    /** WordApi 1.1: the whole body as one flat-OPC package (pkg:package), text boxes included. */
    getOoxml(): WordClientResult<string>;
    /** WordApi 1.4. */
    getComments(): WordCollection<WordComment>;
  };
  /** WordApi 1.4. */
  readonly customXmlParts: WordCustomXmlParts;
  /** WordApi 1.4: "Off", "TrackAll" or "TrackMineOnly". */
  changeTrackingMode: string;
  getSelection(): WordSelection;
  load(properties: string): unknown;
}

export interface WordRequestContext {
  readonly document: WordDocument;
  sync(): Promise<unknown>;
}

/**
 * The Common API's custom XML parts (Office.context.document.customXmlParts, requirement set
 * CustomXmlParts: Word 2016 and later), for storing the ledger where WordApi 1.4 is missing.
 * Callback style; status is "succeeded" or "failed" at run time.
 */
export interface OfficeAsyncResult<T> {
  readonly status: unknown;
  readonly value: T;
  readonly error?: { readonly message: string } | null;
}

export interface OfficeCustomXmlPart {
  readonly id: string;
  getXmlAsync(callback: (result: OfficeAsyncResult<string>) => void): void;
  deleteAsync(callback: (result: OfficeAsyncResult<void>) => void): void;
}

export interface OfficeCustomXmlParts {
  getByNamespaceAsync(
    namespace: string,
    callback: (result: OfficeAsyncResult<OfficeCustomXmlPart[]>) => void,
  ): void;
  addAsync(xml: string, callback: (result: OfficeAsyncResult<OfficeCustomXmlPart>) => void): void;
}

/** Word.run, or a test's stand-in. */
export type WordRun = <T>(batch: (context: WordRequestContext) => Promise<T>) => Promise<T>;
