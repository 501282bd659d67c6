// Prints, after the results, the notes the tests left (test/support/notes.ts: tests skipped and
// why, console output no test claimed), then one plain closing line
// ("Tests: N passed, N failed") that CI tooling reads whatever test runner produced it.
// Console output outside any test fails the run (a test's own fails that test).
const { mkdtempSync, readdirSync, readFileSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

class SummaryReporter {
  constructor() {
    // Set before the workers start, so every worker writes its notes here.
    this.notes = mkdtempSync(join(tmpdir(), "nianbao-test-notes-"));
    process.env.NIANBAO_TEST_NOTES = this.notes;
    this.unexpected = [];
  }

  readNotes() {
    const lines = [];
    try {
      for (const file of readdirSync(this.notes))
        lines.push(...readFileSync(join(this.notes, file), "utf8").split("\n").filter(Boolean));
      rmSync(this.notes, { recursive: true, force: true });
    } catch {
      // no notes
    }
    const of = (kind) => [
      ...new Set(
        lines.filter((l) => l.startsWith(`${kind}\t`)).map((l) => l.slice(kind.length + 1)),
      ),
    ];
    return { skipped: of("skip"), notes: of("note"), unexpected: of("unexpected") };
  }

  onRunComplete(_contexts, results) {
    const { skipped, notes, unexpected } = this.readNotes();
    this.unexpected = unexpected;
    const out = [];
    for (const line of skipped) out.push(`Skipped: ${line}`);
    for (const line of notes) out.push(`Note: ${line}`);
    if (unexpected.length > 0) {
      out.push(`Unexpected console output outside any test (${unexpected.length}):`);
      for (const line of unexpected) out.push(`  ${line}`);
    }
    const skippedTests = results.numPendingTests + results.numTodoTests;
    const tail = skippedTests ? `, ${skippedTests} skipped` : "";
    out.push(`Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}`);
    process.stdout.write(`${out.join("\n")}\n`);
  }

  getLastError() {
    if (this.unexpected.length > 0)
      return new Error(`${this.unexpected.length} unexpected console output(s) outside any test`);
    return undefined;
  }
}
module.exports = SummaryReporter;
