/**
 * What the WPS write suites (hosts/wps-write, hosts/wps-storage) mark and how they read the marks
 * back: one report with a faulty table 三 and section 五 missing, and the cells of a document in
 * one of our colours.
 */
import { MARK_COLORS } from "../../src/core";
import type { MemoryDocument } from "../../src/hosts/memory/memory-document";
import { BALANCED_TABLE3, docx, statutoryReport } from "./docx-builder";

export const faulty = () =>
  docx(
    statutoryReport({
      omitSections: ["五"],
      table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] },
    }),
  );

const MARKS = new Set(Object.values(MARK_COLORS));

/** Cells in one of our colours, by position in our reader's numbering. */
export function markedCells(doc: MemoryDocument): string[] {
  return doc
    .tables()
    .flatMap((t, ti) =>
      t.rows.flatMap((r, ri) =>
        r.cells.flatMap((c, ci) => (MARKS.has(c.shading ?? "") ? [`${ti}/${ri}/${ci}`] : [])),
      ),
    );
}
