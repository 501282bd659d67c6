/**
 * Resource limits for reading untrusted documents: the one place that sets them, for reading a
 * document and for annotating it alike. Figures measured with `npm run bench:memory`.
 */
import { DocumentReadError } from "./errors";

export interface ReadLimits {
  /** Size of the .docx file itself. */
  maxFileBytes: number;
  /** Entries in the zip's central directory. */
  maxEntries: number;
  /**
   * The memory budget of one file: inflated bytes of all the parts we read, counted together
   * while inflating; reading stops at the first byte past it.
   */
  maxInflatedBytes: number;
  /** Inflated over compressed size, checked once a part passes `ratioCheckAfterBytes`. */
  maxCompressionRatio: number;
  ratioCheckAfterBytes: number;
  /** Element nesting depth in any XML part. */
  maxXmlDepth: number;
  /** Elements in any XML part. */
  maxXmlElements: number;
  /** Characters of text in one table cell or paragraph, or between two tags. */
  maxTextLength: number;
  /** Paragraphs and table cells a document may hold (what a snapshot keeps). */
  maxBlocks: number;
  /** Characters of text a document may hold in all. */
  maxDocumentChars: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxEntries: 5_000,
  maxInflatedBytes: 64 * 1024 * 1024,
  maxCompressionRatio: 500,
  ratioCheckAfterBytes: 8 * 1024 * 1024,
  maxXmlDepth: 256,
  maxXmlElements: 4_000_000,
  maxTextLength: 1_000_000,
  maxBlocks: 200_000,
  maxDocumentChars: 16_000_000,
};

/** Inflated bytes still allowed for one file; every part read from it draws on the same budget. */
export class InflateBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  get remaining(): number {
    return this.limit - this.used;
  }

  spend(bytes: number, partName: string): void {
    this.used += bytes;
    if (this.used > this.limit) {
      throw new DocumentReadError(
        "zip-bomb",
        `${partName} takes the file past ${this.limit} inflated bytes`,
      );
    }
  }
}
