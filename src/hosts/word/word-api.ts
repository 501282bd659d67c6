/**
 * The members of the Word JavaScript API (WordApi 1.3) the adapter uses, typed structurally so
 * the adapter compiles and is tested without Office.js; Word's own objects satisfy them.
 * Names and semantics follow the documented API: load() queues, context.sync() runs the batch,
 * reading a property that was not loaded and synced throws.
 */
export interface WordClientResult<T> {
  readonly value: T;
}

export interface WordRange {
  getOoxml(): WordClientResult<string>;
}

export interface WordTable {
  readonly nestingLevel: number;
  readonly isUniform: boolean;
  readonly rowCount: number;
  readonly values: string[][];
  getRange(): WordRange;
}

export interface WordParagraph {
  readonly text: string;
  readonly style: string;
  readonly styleBuiltIn: string;
  readonly outlineLevel: number;
  readonly tableNestingLevel: number;
  readonly alignment: string;
}

export interface WordCollection<T> {
  readonly items: T[];
  load(properties: string): unknown;
}

export interface WordRequestContext {
  readonly document: {
    readonly body: {
      readonly tables: WordCollection<WordTable>;
      readonly paragraphs: WordCollection<WordParagraph>;
    };
  };
  sync(): Promise<unknown>;
}
