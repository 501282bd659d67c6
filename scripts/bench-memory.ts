/**
 * Peak memory of one file, for each hostile file of issue 14: `check` reads and checks it,
 * `annotate` also makes the annotated copy (the annotator runs even on files the reader refuses),
 * both in the main thread with the heap capped as a batch worker's is; `cli` runs `nianbao check -a` on it as users
 * do (a worker with its capped heap). Each case runs in its own Node process on the compiled
 * code and reports its peak resident set size (VmHWM, all threads); nothing asserts on the
 * figures, they are printed against the 300 MB budget per worker.
 *   npm run bench:memory [-- --scale MiB]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { WORKER_HEAP_MB } from "../src/cli/batch/pool";
import { attacks } from "../test/support/attacks";

const BUDGET_MB = 300;
const args = process.argv.slice(2);
const scaleAt = args.indexOf("--scale");
const scale = (scaleAt >= 0 ? Number(args[scaleAt + 1]) : 1024) * 1024 * 1024;

const dist = (path: string) => JSON.stringify(resolve(__dirname, "../dist/node", path));
const CASE = `
const { readFileSync } = require("node:fs");
const { checkFile } = require(${dist("cli/check-file.js")});
const { annotateDocx } = require(${dist("core/annotate/annotate.js")});
const { run } = require(${dist("cli/main.js")});
const [file, mode, copies] = process.argv.slice(1);
const started = Date.now();
function report(result) {
  const hwm = /VmHWM:\\s+(\\d+)/.exec(readFileSync("/proc/self/status", "utf8"));
  const peakKiB = hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify({ result, peakMB: Math.round(peakKiB / 1024), ms: Date.now() - started }));
}
if (mode === "cli") {
  // The command line as users run it: a batch of one with --annotate, checked in a worker.
  let stdout = "";
  const io = { stdout: (t) => (stdout += t), stderr: () => {}, isTty: false, progressStream: null };
  run(["check", "-f", "json", "-a", copies, file], io).then(() => {
    const f = JSON.parse(stdout).files[0];
    report(f.error ? f.error.code : f.annotateError ? "copy refused" : "read, copy written");
  });
} else if (mode === "check") {
  const { outcome } = checkFile(file, { kind: "none" }, false);
  report(outcome.error ? outcome.error.code : "read, " + outcome.findings.length + " findings");
} else {
  // The annotator on its own, whether or not the reader accepts the file.
  const bytes = new Uint8Array(readFileSync(file));
  const { outcome } = checkFile(file, { kind: "none" }, false);
  try {
    report("copy " + annotateDocx(bytes, outcome.findings).length + " B");
  } catch (error) {
    report(error.code ? "refused: " + error.code : "CRASH " + error.message);
  }
}
`;

const folder = mkdtempSync(join(tmpdir(), "nianbao-bench-memory-"));
try {
  const started = Date.now();
  const cases = attacks(scale);
  console.log(
    `attack set at ${scale / 1024 / 1024} MiB generated in ${Date.now() - started} ms (${folder})`,
  );
  console.log(
    "case                       file KB  mode      result                                  peak MB  time ms",
  );
  let over = 0;
  for (const attack of cases) {
    const file = join(folder, `${attack.name}.docx`);
    writeFileSync(file, attack.bytes);
    for (const mode of ["check", "annotate", "cli"]) {
      const copies = join(folder, `copies-${attack.name}`);
      // The same heap cap as a batch worker's (the cli case sets it on its worker itself).
      const heap = mode === "cli" ? [] : [`--max-old-space-size=${WORKER_HEAP_MB}`];
      const run = spawnSync(process.execPath, [...heap, "-e", CASE, file, mode, copies], {
        encoding: "utf8",
      });
      let line: string;
      if (run.status !== 0) {
        line = `CRASHED (${run.signal ?? run.status}) ${run.stderr.split("\n").slice(-3).join(" ")}`;
        over++;
      } else {
        const r = JSON.parse(run.stdout) as { result: string; peakMB: number; ms: number };
        const result = r.result;
        const mark = r.peakMB < BUDGET_MB ? "ok" : "OVER";
        if (r.peakMB >= BUDGET_MB) over++;
        line = `${result.padEnd(40)} ${String(r.peakMB).padStart(7)}  ${String(r.ms).padStart(7)}  ${mark}`;
      }
      console.log(
        `${attack.name.padEnd(26)} ${String(Math.round(attack.bytes.length / 1024)).padStart(7)}  ${mode.padEnd(9)} ${line}`,
      );
    }
  }
  console.log(
    over === 0
      ? `every case under ${BUDGET_MB} MB`
      : `${over} case(s) over ${BUDGET_MB} MB or crashed`,
  );
  process.exitCode = over === 0 ? 0 : 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
