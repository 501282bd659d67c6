import { readFileSync } from "node:fs";
import { readDocument } from "../src/core/ooxml/read-document";
import { recognize } from "../src/core/recognize";
for (const f of process.argv.slice(2)) {
  const m = recognize(readDocument(new Uint8Array(readFileSync(f))));
  console.log(
    `== ${f}\n format ${m.format} year ${m.year} unit ${m.title?.unit} title "${m.title?.text}" period ${m.period?.startYear}`,
  );
  console.log(" evidence", JSON.stringify(m.layoutEvidence));
  console.log(
    " sections",
    m.sections.map((s) => `${s.id}@${s.paragraphIndex}:${s.quality}:${s.writtenOrdinal}`).join(" "),
  );
  for (const [id, t] of Object.entries(m.tables)) {
    const blanks = [...t.cells.values()]
      .filter((c) => c.value.kind !== "number")
      .map((c) => `${c.key.row}/${c.key.column}:${c.value.kind}`);
    console.log(
      ` ${id}: ${t.cells.size} cells from tables ${t.tableIndices}; non-numbers: ${blanks.slice(0, 8).join(", ")}${blanks.length > 8 ? ` …(${blanks.length})` : ""}`,
    );
    for (const i of t.issues) console.log(`   ${JSON.stringify({ ...i, anchor: undefined })}`);
  }
}
