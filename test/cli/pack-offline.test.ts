/**
 * The offline pack (npm run pack:offline): the command line bundled into nianbao.cjs with its
 * batch worker runs from a folder with no node_modules anywhere above it, starts its workers
 * from the pack, and reports exactly what the installed command reports on every fixture.
 * Built with --cli-only: the add-in builds are the ordinary webpack builds, tested elsewhere.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { SHARED, sharedAvailable } from "../support/shared";

jest.setTimeout(600_000);

const ROOT = join(__dirname, "../..");
const version = (
  JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }
).version;

const build = mkdtempSync(join(tmpdir(), "nianbao-pack-"));
const built = join(build, "nianbao-offline");
/** Where the pack is carried to: a fresh folder, as on the machine without internet. */
const carried = join(mkdtempSync(join(tmpdir(), "nianbao-carried-")), "年报校核");

const fixtures = [join(__dirname, "../fixtures")];

/** Node with nothing from this checkout: no NODE_PATH, no npm environment. */
const cleanEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1" };
  return env;
};

function nodeIn(cwd: string, args: string[], env: NodeJS.ProcessEnv = cleanEnv()) {
  return spawnSync(process.execPath, args, {
    cwd,
    env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
}

beforeAll(() => {
  if (sharedAvailable()) fixtures.push(join(SHARED, "fixtures"));
  const pack = spawnSync(
    process.execPath,
    [join(ROOT, "scripts/pack-offline.js"), "--cli-only", "--out", built],
    { cwd: ROOT, encoding: "utf8" },
  );
  expect(pack.stderr).toBe("");
  expect(pack.status).toBe(0);
  cpSync(built, carried, { recursive: true });
});

describe("the offline pack", () => {
  it("is a folder and a zip of it, holding the script, its worker and a Chinese README", () => {
    expect(readdirSync(carried).sort()).toEqual([
      "README.txt",
      "nianbao.cjs",
      "nianbao.cmd",
      "package.json",
      "sample-ruian-2021.docx",
      "worker.js",
    ]);
    const readme = readFileSync(join(carried, "README.txt"), "utf8");
    expect(readme).toContain("node nianbao.cjs check sample-ruian-2021.docx");
    expect(readme).toContain("Node.js 20");
    const zip = unzipSync(new Uint8Array(readFileSync(`${built}.zip`)));
    expect(Object.keys(zip).sort()).toEqual(
      readdirSync(built)
        .map((name) => `nianbao-offline/${name}`)
        .sort(),
    );
    expect(zip["nianbao-offline/README.txt"]).toEqual(
      new Uint8Array(readFileSync(join(built, "README.txt"))),
    );
    // UTF-8 with a byte-order mark and CRLF lines: Notepad on an older Windows shows it right.
    expect(readme.startsWith("\ufeff年报校核")).toBe(true);
    expect(readme).toMatch(/。\r\n/);
  });

  it("runs where no node_modules can be found", () => {
    for (let folder = carried; ; folder = dirname(folder)) {
      expect(existsSync(join(folder, "node_modules"))).toBe(false);
      if (dirname(folder) === folder) break;
    }
    const run = nodeIn(carried, ["nianbao.cjs", "-V"]);
    expect(run.stdout).toBe(`年报校核 ${version}\n`);
    const sample = nodeIn(carried, ["nianbao.cjs", "check", "sample-ruian-2021.docx"]);
    expect(sample.status).toBe(1);
    expect(sample.stdout).toContain("错误 1 · 警告 2 · 提示 1");
  });

  it("reports on every fixture exactly what the installed command reports, with workers", () => {
    // Records each worker the bundled script starts.
    const log = join(build, "workers.log");
    const spy = join(build, "spy.cjs");
    writeFileSync(
      spy,
      `const threads = require("node:worker_threads");
const { appendFileSync } = require("node:fs");
const Original = threads.Worker;
threads.Worker = class extends Original {
  constructor(file, options) {
    appendFileSync(${JSON.stringify(log)}, String(file) + "\\n");
    super(file, options);
  }
};
`,
    );
    const args = ["check", "-f", "json", "-j", "2", ...fixtures];
    const packed = nodeIn(carried, ["-r", spy, "nianbao.cjs", ...args]);
    const installed = nodeIn(ROOT, [join(ROOT, "bin/nianbao.js"), ...args]);
    expect(packed.stderr).toBe(installed.stderr);
    expect(packed.status).toBe(installed.status);
    const report = JSON.parse(packed.stdout) as { files: { status?: string }[] };
    expect(report.files.filter((f) => f.status === "checked").length).toBeGreaterThan(20);
    expect(report).toEqual(JSON.parse(installed.stdout));
    const workers = readFileSync(log, "utf8").trim().split("\n");
    expect(new Set(workers)).toEqual(new Set([join(carried, "worker.js")]));
    expect(workers).toHaveLength(2);
  });

  it("writes the 整改台账 and annotated copies from the pack", () => {
    const out = mkdtempSync(join(tmpdir(), "nianbao-pack-out-"));
    const run = nodeIn(carried, [
      "nianbao.cjs",
      "check",
      "sample-ruian-2021.docx",
      "-f",
      "xlsx",
      "-o",
      join(out, "台账.xlsx"),
      "-a",
      join(out, "副本"),
    ]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(["副本", "台账.xlsx"]);
    expect(readdirSync(join(out, "副本"))).toEqual(["sample-ruian-2021.校核.docx"]);
  });
});
