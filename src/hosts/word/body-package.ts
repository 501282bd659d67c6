/**
 * What Word's object model does not show, read from the body as one package (Body.getOoxml,
 * WordApi 1.1) by the core's reader, the .docx path's: tables in text boxes, hidden text and
 * content-control placeholder text in paragraphs (core/ooxml/package-overlay.ts).
 *
 * What the object model gives, as far as it is known:
 * - Text boxes are outside the body's range: body.text and body.search leave their content out
 *   (office-js issue 5282, "the only visible content because it's not in a textbox"; issue 4650,
 *   "search can't find text in text boxes"), so body.tables most likely lists no text-box table.
 *   Text boxes are reachable only through Body.shapes (WordApiDesktop 1.2, desktop only). That
 *   body.tables leaves them out is an inference: where it lists them among the body's tables,
 *   the overlay takes them out of the body's numbering again.
 * - Paragraph.text is documented only as "the text of the paragraph". Paragraph.getText()
 *   (WordApi 1.7) is documented to leave hidden text and text marked as deleted out by default
 *   (Word.GetTextOptions, @types/office-js 1.0.612); it is used where it exists.
 * - Placeholder text: ContentControl.placeholderText (1.1) is "dimmed text displayed when the
 *   content control is empty"; whether text and Paragraph.text return it is not documented
 *   (showingPlaceholderText exists only on the typed controls, WordApiDesktop 1.3).
 *
 * So the package is read, once, when the object model leaves a doubt: a statutory table is
 * missing from what it gave (a text box may hold it), a content control may be showing its
 * placeholder, or Word lacks WordApi 1.7 (hidden text cannot be told otherwise). Its size is
 * estimated before it is asked for and measured after: past the budget it is not read, and the
 * pane is told (one huge getOoxml can stall the sync: office-js issue 702).
 */
import {
  readDocument,
  type DocumentSnapshot,
  overlayPackage,
  recognize,
  segmentReports,
} from "../../core";
import type { WordContentControl, WordRequestContext } from "./word-api";

/** The package's estimated and measured size (characters) past which it is not read. */
export const BODY_PACKAGE_BUDGET = 4_000_000;
/**
 * Markup Word writes around a paragraph's text (paragraph and run properties, rsids,
 * w14:paraId): about 300 to 700 characters in the packages Word writes; the estimate takes 600.
 */
export const MARKUP_PER_PARAGRAPH = 600;

export type PackageReason = "tables" | "placeholders" | "hidden-text";

export interface BodyPackageRead {
  snapshot: DocumentSnapshot;
  /** For each body table of the snapshot, its position in the host's reading (tableIndex). */
  hostTables: number[] | null;
  notes: string[];
  /** What the package measured, when it was read. */
  packageLength: number | null;
}

/** Whether any report of the snapshot lacks table 二, 三 or 四. */
export function lacksStatutoryTable(snapshot: DocumentSnapshot): boolean {
  return segmentReports(snapshot).reports.some((segment) => {
    const { tables } = recognize(segment.snapshot);
    return !tables.table2 || !tables.table3 || !tables.table4;
  });
}

/** A control that may be showing its placeholder: empty, or holding just the placeholder. */
export function mayShowPlaceholder(control: WordContentControl): boolean {
  const placeholder = control.placeholderText.trim();
  const text = control.text.trim();
  return placeholder !== "" && (text === "" || text === placeholder);
}

export function estimatedPackageLength(paragraphTexts: readonly string[]): number {
  return paragraphTexts.reduce((sum, text) => sum + text.length + MARKUP_PER_PARAGRAPH, 0);
}

const NOT_READ: Record<PackageReason, string> = {
  tables: "放在文本框中的法定表格可能被报告为缺少",
  placeholders: "内容控件的提示文字可能被当作正文",
  "hidden-text": "隐藏文字可能被当作正文",
};

function notReadNote(cause: string, reasons: PackageReason[]): string {
  return `${cause}，未读取文档的完整内容：${reasons.map((r) => NOT_READ[r]).join("，")}。如有疑问，请用命令行检查该文档。`;
}

/**
 * Reads the body's package in a round trip of its own (a failure there leaves the rest of the
 * read intact) and lays it over the host's reading.
 */
export async function readBodyPackage(
  context: WordRequestContext,
  host: DocumentSnapshot,
  reasons: PackageReason[],
  estimate: number,
  budget = BODY_PACKAGE_BUDGET,
): Promise<BodyPackageRead> {
  const unchanged = (notes: string[], packageLength: number | null = null): BodyPackageRead => ({
    snapshot: host,
    hostTables: null,
    notes,
    packageLength,
  });
  if (estimate > budget) return unchanged([notReadNote("文档较大", reasons)]);
  let xml: string;
  try {
    const result = context.document.body.getOoxml();
    await context.sync();
    xml = result.value;
  } catch {
    return unchanged([notReadNote("Word 未能提供文档的完整内容", reasons)]);
  }
  if (xml.length > budget) return unchanged([notReadNote("文档较大", reasons)], xml.length);
  let read: DocumentSnapshot;
  try {
    read = readDocument(xml);
  } catch {
    return unchanged([notReadNote("Word 提供的文档内容无法读取", reasons)], xml.length);
  }
  const overlay = overlayPackage(host, read);
  if (!overlay.aligned)
    return unchanged([notReadNote("Word 提供的文档内容与段落、表格对不上", reasons)], xml.length);
  const notes =
    overlay.textboxTables > 0
      ? [`文本框中有 ${overlay.textboxTables} 个表格：已检查，但无法在其中标记或批注。`]
      : [];
  return {
    snapshot: overlay.snapshot,
    hostTables: overlay.hostTables,
    notes,
    packageLength: xml.length,
  };
}
