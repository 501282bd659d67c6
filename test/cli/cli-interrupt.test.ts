/**
 * Interrupting the compiled command line for real (run `npm run build:cli` first): SIGINT or
 * SIGTERM in the middle of `check --annotate … -o …` leaves every earlier copy and the earlier
 * report intact, no empty or partial file and no temporary file behind, and exits 128 + signal.
 * Reproducer of issue 11: Ctrl-C during --annotate left 0-byte files in place of good copies.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { check, readDocument } from "../../src/core";
import { TEMP_SUFFIX } from "../../src/cli/safe-write";
import { writeReportFolder } from "../support/report-folder";

const BIN = resolve(__dirname, "../../bin/nianbao.js");
const REPORTS = 40;

const findingsOf = (path: string) =>
  check(readDocument(new Uint8Array(readFileSync(path)))).findings.map(
    (f) => `${f.rule} ${JSON.stringify(f.location)}`,
  );

function setUp() {
  const root = mkdtempSync(join(tmpdir(), "nianbao-interrupt-"));
  const input = join(root, "in");
  const out = join(root, "out");
  const report = join(root, "report.csv");
  const planted = writeReportFolder(input, REPORTS);
  const args = [BIN, "check", input, "--annotate", out, "-f", "csv", "-o", report];
  return { root, input, out, report, planted, args };
}

/** Changes when a file is replaced (a new inode) or rewritten in place (a new mtime). */
const inode = (path: string) => {
  try {
    const stats = statSync(path, { bigint: true });
    return `${stats.ino}:${stats.mtimeNs}`;
  } catch {
    return null;
  }
};

/**
 * Starts the command and sends `signal` as soon as `ready()` holds. Resolves with the exit code,
 * or null when the run finished before the signal could be sent (the caller then tries again).
 */
function interrupt(args: string[], signal: NodeJS.Signals, ready: () => boolean) {
  return new Promise<{ code: number | null; stderr: string } | null>((done) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let sent = false;
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const poll = setInterval(() => {
      if (!sent && ready()) {
        sent = true;
        child.kill(signal);
      }
    }, 2);
    child.on("exit", (code) => {
      clearInterval(poll);
      done(sent && ![0, 1, 2, 3].includes(code ?? 0) ? { code, stderr } : null);
    });
  });
}

/** Nothing half-written anywhere: no temporary file, no empty file. */
function expectNoDebris(root: string): void {
  const all = readdirSync(root, { recursive: true, encoding: "utf8" });
  expect(all.filter((name) => name.endsWith(TEMP_SUFFIX) || /(^|\/)\./.test(name))).toEqual([]);
  for (const name of all) {
    const stats = statSync(join(root, name));
    if (stats.isFile()) expect([name, stats.size > 0]).toEqual([name, true]);
  }
}

describe.each([
  ["SIGINT", 130, "1"],
  ["SIGTERM", 143, "2"],
] as const)("%s during check --annotate (exit %s, --jobs %s)", (signal, exitCode, jobs) => {
  it("keeps earlier copies and the earlier report intact and leaves nothing partial", async () => {
    const { root, input, out, report, planted, args } = setUp();
    const run = [...args, "--jobs", jobs];
    expect(spawnSync(process.execPath, run).status).toBe(1);
    const earlierReport = readFileSync(report);
    const copies = readdirSync(out).map(
      (name) => [join(input, name.replace(/\.校核\.docx$/, ".docx")), join(out, name)] as const,
    );
    expect(copies).toHaveLength(planted.length);
    const inodes = new Map(copies.map(([, copy]) => [copy, inode(copy)]));
    let result = null;
    for (let attempt = 0; attempt < 8 && result === null; attempt++) {
      // Interrupt once the run has replaced at least one copy, mid-batch.
      const before = new Map(copies.map(([, copy]) => [copy, inode(copy)]));
      result = await interrupt(run, signal, () =>
        copies.some(([, copy]) => inode(copy) !== before.get(copy)),
      );
    }
    expectNoDebris(root);
    // The report was to be written at the end: the earlier one is intact, byte for byte.
    expect(readFileSync(report).equals(earlierReport)).toBe(true);
    // Every copy is complete (the earlier one or the new one) and carries the same findings.
    let replaced = 0;
    for (const [original, copy] of copies) {
      expect(findingsOf(copy)).toEqual(findingsOf(original));
      if (inode(copy) !== inodes.get(copy)) replaced++;
    }
    expect(replaced).toBeGreaterThan(0);
    expect(replaced).toBeLessThan(copies.length);
    expect(result?.code).toBe(exitCode);
    expect(result?.stderr).toContain("已中断");
  }, 180_000);
});

it("an interrupted first run leaves only complete copies", async () => {
  const { root, input, out, planted, args } = setUp();
  const made = () => {
    try {
      return readdirSync(out);
    } catch {
      return [];
    }
  };
  let result = null;
  for (let attempt = 0; attempt < 8 && result === null; attempt++)
    result = await interrupt([...args, "--jobs", "1"], "SIGINT", () => made().length > 0);
  expectNoDebris(root);
  expect(made().length).toBeGreaterThan(0);
  expect(made().length).toBeLessThan(planted.length);
  for (const name of made())
    expect(findingsOf(join(out, name))).toEqual(
      findingsOf(join(input, name.replace(/\.校核\.docx$/, ".docx"))),
    );
  expect(result?.code).toBe(130);
}, 180_000);
