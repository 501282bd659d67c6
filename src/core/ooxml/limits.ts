/** Resource limits for reading untrusted documents. */
export interface ReadLimits {
  /** Size of the .docx file itself. */
  maxFileBytes: number;
  /** Entries in the zip's central directory. */
  maxEntries: number;
  /** Inflated size of any one part we read. */
  maxPartBytes: number;
  /** Inflated over compressed size, checked once a part passes `ratioCheckAfterBytes`. */
  maxCompressionRatio: number;
  ratioCheckAfterBytes: number;
  /** Element nesting depth in any XML part. */
  maxXmlDepth: number;
  /** Elements in any XML part. */
  maxXmlElements: number;
  /** Characters of text in one table cell or paragraph. */
  maxTextLength: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxEntries: 5_000,
  maxPartBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 500,
  ratioCheckAfterBytes: 8 * 1024 * 1024,
  maxXmlDepth: 256,
  maxXmlElements: 20_000_000,
  maxTextLength: 1_000_000,
};
