import { readFileSync } from "node:fs";
import { readDocument } from "../src/core/ooxml/read-document";
for (const f of process.argv.slice(2)) {
  const snap = readDocument(new Uint8Array(readFileSync(f)));
  for (const b of snap.blocks) {
    if (b.kind === "paragraph")
      console.log(
        `P${b.paragraphIndex} h${b.headingLevel ?? "-"} ${b.alignment ?? ""} ${b.text.slice(0, 60)}`,
      );
    else
      console.log(
        `T${b.tableIndex} ${b.gridColumnCount} cols, ${b.rows.length} rows; row3: ${JSON.stringify(b.rows[3]?.cells.map((c) => [c.text, c.gridColumn, c.columnSpan, c.rowSpan, c.verticalMerge]))}`,
      );
  }
}
