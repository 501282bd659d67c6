/**
 * The nested-tables fixtures: reports whose statutory tables sit in layout tables, as Word
 * writes a web page pasted into it (test/support/nested-docx.ts), each with a known fault.
 * `npx tsx test/support/generate-nested-fixtures.ts` writes the .docx files to
 * test/fixtures/nested-tables/; test/unit/nested-fixtures.test.ts checks that they are up to date
 * and scores them against that folder's expected.json.
 */
import { BALANCED_TABLE3, BALANCED_TABLE4 } from "./docx-builder";
import { nestedReport, reproducibleDocx } from "./nested-docx";

export const NESTED_FIXTURES: Record<string, () => Uint8Array> = {
  // Each table under its caption (表一 …) in a layout table of two rows; 行政复议 总计 off by one.
  "captioned-layout.docx": () =>
    reproducibleDocx(
      nestedReport("captioned", {
        unit: "某某区人民政府办公室",
        year: 2023,
        table4: { ...BALANCED_TABLE4, review: [1, 1, 0, 1, 4] },
      }),
    ),
  // Tables 二 and 三 side by side in one two-cell layout table, 四 two layout tables deep; a
  // table 三 row whose 总计 is not the sum of its six columns.
  "two-cell-layout.docx": () =>
    reproducibleDocx(
      nestedReport("two-cell", {
        unit: "某某县教育局",
        year: 2022,
        table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] },
      }),
    ),
  // Table 三 split over two tables in one layout cell (a page break); no fault.
  "split-in-layout.docx": () =>
    reproducibleDocx(nestedReport("split", { unit: "某某镇人民政府", year: 2024 })),
};

export const NESTED_FIXTURES_DIR = "test/fixtures/nested-tables";
