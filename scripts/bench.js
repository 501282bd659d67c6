/**
 * Speed figures, printed (nothing asserts on them). For a typical report and a 60-report
 * compilation it measures, in one run:
 *   floor    fflate unzip + saxes parse of word/document.xml, doing nothing else;
 *   nianbao  the full check (read, recognize, every rule);
 *   peer     mammoth's .docx → HTML conversion, the usual JavaScript way to read a .docx;
 * then engine time per report and .docx files per second over a folder, the command over
 * 1,000 files, and what the review options add to such a batch (--baseline,
 * --cross-similarity, --previous with its similarity; issue 18 allows at most 25 %).
 *   npm run bench [-- FOLDER] [-- --runs N] [-- --review-only | --main-thread-only]
 */
// Plain Node on the compiled code users run (npm run bench builds it first): no loader in between.
"use strict";
const {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} = require("node:fs");
const { spawn } = require("node:child_process");
const { tmpdir } = require("node:os");
const { cpus, totalmem } = require("node:os");
const { join, resolve } = require("node:path");
const { strFromU8, strToU8, unzipSync, zipSync } = require("fflate");
const mammoth = require("mammoth");
const { SaxesParser } = require("saxes");
const { check, readDocument, recognize } = require("../dist/node/core");
const { measureCopying, proseOf } = require("../dist/node/core/similarity/similarity");

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 100;
const folder = resolve(
  args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--runs") ??
    join(__dirname, "../../shared/fixtures/seeds-docx"),
);
const sample = resolve(__dirname, "../examples/sample-ruian-2021.docx");

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function timeMedian(n, action) {
  for (let i = 0; i < Math.min(5, n); i++) await action();
  const times = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await action();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

function floor(bytes) {
  const files = unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" });
  const parser = new SaxesParser({ position: false });
  let events = 0;
  parser.on("opentag", () => events++);
  parser.on("closetag", () => events++);
  parser.on("text", () => events++);
  parser.write(strFromU8(files["word/document.xml"])).close();
  return events;
}

/** One .docx holding `copies` reports one after another, as a compiled volume would. */
function compilation(bytes, copies) {
  const files = unzipSync(bytes);
  const xml = strFromU8(files["word/document.xml"]);
  const open = xml.indexOf("<w:body>") + "<w:body>".length;
  const close = xml.lastIndexOf("<w:sectPr");
  const body = xml.slice(open, close);
  files["word/document.xml"] = strToU8(xml.slice(0, open) + body.repeat(copies) + xml.slice(close));
  return zipSync(files);
}

async function compare(label, bytes, n) {
  const floorMs = await timeMedian(n, () => floor(bytes));
  const nianbaoMs = await timeMedian(n, () => check(readDocument(bytes)));
  const peerMs = await timeMedian(Math.max(3, Math.round(n / 4)), () =>
    mammoth.convertToHtml({ buffer: Buffer.from(bytes) }),
  );
  console.log(`\n${label} (${(bytes.length / 1024).toFixed(0)} KB .docx), median of ${n} runs:`);
  console.log(`  floor   (unzip + XML parse)     ${floorMs.toFixed(1).padStart(8)} ms`);
  console.log(
    `  nianbao (full check)            ${nianbaoMs.toFixed(1).padStart(8)} ms   ${(nianbaoMs / floorMs).toFixed(2)}× the floor (target ≤ 1.5×)`,
  );
  console.log(
    `  peer    (mammoth → HTML)        ${peerMs.toFixed(1).padStart(8)} ms   nianbao is ${(peerMs / nianbaoMs).toFixed(1)}× faster (target ≥ 3×)`,
  );
}

function overFolder(dir, seconds = 3) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".docx"))
    .map((f) => join(dir, f));
  let done = 0;
  const start = process.hrtime.bigint();
  while (files.length && Number(process.hrtime.bigint() - start) / 1e9 < seconds) {
    for (const file of files) {
      check(readDocument(new Uint8Array(readFileSync(file))));
      done++;
    }
  }
  return { files: files.length, perSecond: done / (Number(process.hrtime.bigint() - start) / 1e9) };
}

/** A temporary folder of `count` copies of the sources. */
function batchFolder(sources, count) {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-bench-"));
  for (let i = 0; i < count; i++)
    copyFileSync(sources[i % sources.length], join(dir, `r${String(i).padStart(5, "0")}.docx`));
  return dir;
}

/** Runs the real command over `count` .docx files and reads its peak memory from /proc. */
async function batch(sources, count, jobs) {
  const dir = batchFolder(sources, count);
  try {
    const result = await runCheck(dir, jobs, ["-o", "/dev/null"]);
    return { ...result, perSecond: count / result.seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runCheck(dir, jobs, extra) {
  return new Promise((done) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [
      join(__dirname, "../bin/nianbao.js"),
      "check",
      "--format",
      "json",
      ...extra,
      "--jobs",
      String(jobs),
      dir,
    ]);
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // the process has ended
      }
    }, 20);
    child.on("exit", () => {
      clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      done({ seconds, peakMb: peakKb / 1024 });
    });
  });
}

/**
 * What the review options cost a 1,000-file batch: the same folder checked plain, then with
 * --baseline (the plain run's JSON) and --cross-similarity, then with --previous (last year's
 * folder: the sources themselves, so every report is compared) against --previous alone in
 * the engine (similarity's share of checking a report with last year's). --previous reads a
 * second document per file, which the plain run does not: its figure is for information.
 */
async function review(sources, count, jobs, runs) {
  const dir = batchFolder(sources, count);
  const out = mkdtempSync(join(tmpdir(), "nianbao-bench-out-"));
  const baseline = join(out, "round1.json");
  const previous = mkdtempSync(join(tmpdir(), "nianbao-bench-prev-"));
  for (const [i, source] of sources.entries()) copyFileSync(source, join(previous, `p${i}.docx`));
  try {
    const plain = await runCheck(dir, jobs, ["-o", baseline]);
    const both = await runCheck(dir, jobs, [
      "-o",
      "/dev/null",
      "--baseline",
      baseline,
      "--cross-similarity",
    ]);
    // Plain again: on a shared machine the spread between two equal runs is the noise.
    const again = await runCheck(dir, jobs, ["-o", "/dev/null"]);
    const withPrevious = await runCheck(dir, jobs, ["-o", "/dev/null", "--previous", previous]);
    const line = (label, r) =>
      console.log(
        `  ${label.padEnd(34)} ${r.seconds.toFixed(1).padStart(6)} s  ${(((r.seconds - plain.seconds) / plain.seconds) * 100).toFixed(0).padStart(4)} % vs plain (limit 25 %), peak ${r.peakMb.toFixed(0)} MB`,
      );
    console.log(`
review options, ${count} files, ${jobs} worker(s):`);
    console.log(
      `  ${"plain".padEnd(34)} ${plain.seconds.toFixed(1).padStart(6)} s, peak ${plain.peakMb.toFixed(0)} MB`,
    );
    line("plain again (noise)", again);
    line("--baseline --cross-similarity", both);
    line("--previous (+ similarity)", withPrevious);
  } finally {
    for (const folder of [dir, out, previous]) rmSync(folder, { recursive: true, force: true });
  }
  // Similarity in the engine: its share of checking a report against last year's.
  const typical = readDocument(new Uint8Array(readFileSync(sources[0])));
  const last = readDocument(new Uint8Array(readFileSync(sources[sources.length - 1])));
  const withLast = await timeMedian(runs, () => check(typical, { previous: last }));
  const model = recognize(typical);
  const lastModel = recognize(last);
  const similarity = await timeMedian(runs, () =>
    measureCopying(proseOf(model), proseOf(lastModel)),
  );
  console.log(
    `  engine: check with last year's ${withLast.toFixed(2)} ms, of which similarity ${similarity.toFixed(2)} ms (${((similarity / withLast) * 100).toFixed(0)} %)`,
  );
  mainThread(sources, count);
}

/**
 * What --baseline and --cross-similarity add in the main thread, where the batch waits for
 * them: the outcomes of `count` files (the sources' outcomes repeated) through the real code.
 * Unlike whole runs, this does not drift with the machine's load.
 */
function mainThread(sources, count) {
  const { checkFile } = require("../dist/node/cli/check-file");
  const { formatJson } = require("../dist/node/cli/format-json");
  const { applyBaseline, crossSimilarity, readBaseline } = require("../dist/node/cli/review");
  const checked = sources.map(
    (f) => checkFile(f, { kind: "none" }, false, { fingerprints: true }).outcome,
  );
  const outcomes = (fingerprints) =>
    Array.from({ length: count }, (_, i) => {
      const outcome = { ...structuredClone(checked[i % checked.length]), file: `r${i}.docx` };
      if (!fingerprints) delete outcome.fingerprints;
      return outcome;
    });
  const ms = (action) => {
    const start = process.hrtime.bigint();
    const result = action();
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
  };
  const plain = ms(() => formatJson(outcomes(false)));
  const dir = mkdtempSync(join(tmpdir(), "nianbao-bench-json-"));
  try {
    const path = join(dir, "round1.json");
    require("node:fs").writeFileSync(path, plain.result);
    const diff = ms(() => {
      const round = outcomes(false);
      const baseline = readBaseline(path);
      const missing = applyBaseline(round, baseline.report);
      return formatJson(round, [], { baseline: { file: path, missing } });
    });
    const cross = ms(() => {
      const round = outcomes(true);
      const pairs = crossSimilarity(round, 0.5);
      return { pairs: pairs.length, json: formatJson(round, [], { crossSimilarity: pairs }) };
    });
    console.log(
      `  main thread, ${count} outcomes: JSON report ${plain.ms.toFixed(0)} ms; with --baseline (read, match, report) ${diff.ms.toFixed(0)} ms; with --cross-similarity ${cross.ms.toFixed(0)} ms (${cross.result.pairs} pairs)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  if (args.includes("--review-only") || args.includes("--main-thread-only")) {
    const sources = readdirSync(folder)
      .filter((f) => f.endsWith(".docx"))
      .map((f) => join(folder, f));
    if (args.includes("--main-thread-only")) mainThread(sources, 1000);
    else await review(sources, 1000, cpus().length, runs);
    return;
  }
  console.log(
    `nianbao bench — ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  const typical = new Uint8Array(readFileSync(sample));
  await compare("typical report", typical, runs);
  await compare(
    "60-report compilation",
    compilation(typical, 60),
    Math.max(5, Math.round(runs / 10)),
  );

  const snapshot = readDocument(typical);
  const engine = await timeMedian(runs, () => check(snapshot));
  console.log(
    `\nengine time per report (recognize + rules, document already read): ${engine.toFixed(2)} ms`,
  );
  if (statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    const batch = overFolder(folder);
    console.log(
      `folder ${folder}: ${batch.files} files, ${batch.perSecond.toFixed(0)} files/s in one thread`,
    );
  } else console.log(`folder ${folder} not found; pass one as the first argument`);

  const sources = statSync(folder, { throwIfNoEntry: false })?.isDirectory()
    ? readdirSync(folder)
        .filter((f) => f.endsWith(".docx"))
        .map((f) => join(folder, f))
    : [sample];
  for (const [count, jobs] of [
    [1000, cpus().length],
    [1000, 1],
    [100, cpus().length],
  ]) {
    const result = await batch(sources, count, jobs);
    console.log(
      `batch: ${count} files, ${jobs} worker(s): ${result.seconds.toFixed(1)} s, ${result.perSecond.toFixed(0)} files/s, peak memory ${result.peakMb.toFixed(0)} MB`,
    );
  }
  await review(sources, 1000, cpus().length, runs);
}

void main();
