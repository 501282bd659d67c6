/**
 * Speed figures, printed (nothing asserts on them). For a typical report and a 60-report
 * compilation it measures, in one run:
 *   floor    fflate unzip + saxes parse of word/document.xml, doing nothing else;
 *   nianbao  the full check (read, recognize, every rule);
 *   peer     mammoth's .docx → HTML conversion, the usual JavaScript way to read a .docx;
 * then engine time per report and .docx files per second over a folder.
 *   npm run bench [-- FOLDER] [-- --runs N]
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
const { check, readDocument } = require("../dist/node/core");

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

/** Runs the real command over `count` .docx files and reads its peak memory from /proc. */
function batch(sources, count, jobs) {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-bench-"));
  for (let i = 0; i < count; i++)
    copyFileSync(sources[i % sources.length], join(dir, `r${String(i).padStart(5, "0")}.docx`));
  return new Promise((done) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [
      join(__dirname, "../bin/nianbao.js"),
      "check",
      "--format",
      "json",
      "-o",
      "/dev/null",
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
      rmSync(dir, { recursive: true, force: true });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      done({ perSecond: count / seconds, seconds, peakMb: peakKb / 1024 });
    });
  });
}

async function main() {
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
}

void main();
