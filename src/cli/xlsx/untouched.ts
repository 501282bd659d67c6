/**
 * Whether a file is a 整改台账 we wrote that no spreadsheet has saved since: only such a file
 * may be replaced by a new run. Excel, WPS 表格 and LibreOffice all rewrite docProps when they
 * save (their own Application, a lastModifiedBy) and add parts of their own (theme, calcChain,
 * settings), so a workbook someone filled in never passes.
 */
import { readFileSync, statSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { WORKBOOK_APPLICATION, WORKBOOK_CREATOR, workbookPartNames } from "./workbook";

/** Far above any 台账 we write; a larger file is not ours. */
const MAX_BYTES = 64 << 20;
/** docProps parts of ours are a few hundred bytes. */
const MAX_PROPERTIES_BYTES = 64 << 10;

export function isUntouchedWorkbook(path: string): boolean {
  try {
    if (statSync(path).size > MAX_BYTES) return false;
    const names: string[] = [];
    const parts = unzipSync(new Uint8Array(readFileSync(path)), {
      filter: (file) => {
        names.push(file.name);
        return (
          (file.name === "docProps/core.xml" || file.name === "docProps/app.xml") &&
          file.originalSize <= MAX_PROPERTIES_BYTES
        );
      },
    });
    const sheets = names.filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).length;
    if (names.sort().join("\n") !== workbookPartNames(sheets).join("\n")) return false;
    const core = parts["docProps/core.xml"] ? strFromU8(parts["docProps/core.xml"]) : "";
    const app = parts["docProps/app.xml"] ? strFromU8(parts["docProps/app.xml"]) : "";
    return (
      core.includes(`<dc:creator>${WORKBOOK_CREATOR}</dc:creator>`) &&
      !/lastModifiedBy/.test(core) &&
      app.includes(`<Application>${WORKBOOK_APPLICATION}</Application>`)
    );
  } catch {
    return false;
  }
}
