/**
 * Notes from the tests to the end of the run: summary-reporter.js prints them once, after the
 * results, instead of each test file printing a block of its own. Skipped tests say why (a tool
 * that is not installed); console output no test claimed is listed and fails the run.
 */
import { appendFileSync } from "node:fs";
import { join } from "node:path";

/** skip: tests not run and why; note: something a test accepted that the run should show. */
export type NoteKind = "skip" | "unexpected" | "note";

export function testNote(kind: NoteKind, text: string): void {
  const line = text.replace(/\s*\n\s*/g, " ");
  const dir = process.env.NIANBAO_TEST_NOTES;
  if (!dir) {
    // Run without the summary reporter: one plain line, no stack.
    const label = { skip: "skipped", note: "note", unexpected: "unexpected console output" }[kind];
    process.stderr.write(`${label}: ${line}\n`);
    return;
  }
  appendFileSync(join(dir, `${process.pid}.txt`), `${kind}\t${line}\n`);
}

/** Says, once at the end of the run, that some tests were skipped and why. */
export function skipNotice(text: string): void {
  testNote("skip", text);
}
