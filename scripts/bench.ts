/**
 * Prints the engine's speed: time per report (median of many runs) split into reading and
 * checking, and .docx files per second over a folder. Figures only; nothing asserts on them.
 *   npm run bench [-- FOLDER] [-- --runs N]
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { check, readDocument } from "../src/core";

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 200;
const folder = resolve(
  args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--runs") ??
    join(__dirname, "../../shared/fixtures/seeds-docx"),
);
const sample = resolve(__dirname, "../examples/sample-ruian-2021.docx");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function time(action: () => void): number {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function perReport(path: string) {
  const bytes = new Uint8Array(readFileSync(path));
  for (let i = 0; i < 20; i++) check(readDocument(bytes));
  const read: number[] = [];
  const checked: number[] = [];
  for (let i = 0; i < runs; i++) {
    let snapshot = readDocument(bytes);
    read.push(time(() => (snapshot = readDocument(bytes))));
    checked.push(time(() => check(snapshot)));
  }
  return {
    read: median(read),
    check: median(checked),
    total: median(read.map((r, i) => r + (checked[i] as number))),
    size: bytes.length,
  };
}

function overFolder(dir: string, seconds = 3) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".docx"))
    .map((f) => join(dir, f));
  let done = 0;
  const start = process.hrtime.bigint();
  while (Number(process.hrtime.bigint() - start) / 1e9 < seconds) {
    for (const file of files) {
      check(readDocument(new Uint8Array(readFileSync(file))));
      done++;
    }
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  return { files: files.length, done, perSecond: done / elapsed };
}

const machine = `${cpus()[0]?.model ?? "unknown CPU"} (${cpus().length} cores), Node ${process.version}`;
console.log(`nianbao bench — ${machine}`);
const one = perReport(sample);
console.log(
  `per report (${(one.size / 1024).toFixed(0)} KB .docx, median of ${runs} runs): read ${one.read.toFixed(2)} ms + check ${one.check.toFixed(2)} ms = ${one.total.toFixed(2)} ms`,
);
if (statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
  const batch = overFolder(folder);
  console.log(
    `folder ${folder}: ${batch.files} files, ${batch.done} checked in one thread, ${batch.perSecond.toFixed(0)} files/s`,
  );
} else {
  console.log(`folder ${folder} not found; pass one as the first argument`);
}
