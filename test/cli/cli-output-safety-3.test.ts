/**
 * The third probe of the command line (2026-12-06), through the built command line: a drive
 * without hard links whose link() says EISDIR (exFAT on Windows) still gets new files, never one
 * replaced; --baseline and --config refuse pipes, devices and huge files instead of hanging;
 * a file with no write bit stays untouched even for root; a name too long is refused before
 * anything is checked.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { docx, statutoryReport } from "../support/docx-builder";
import { runBuilt } from "../support/built-cli";

const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

// A hang is the defect under test: it must end the run, not the suite.
const nianbao = (cwd: string, args: string[], node: string[] = []) =>
  runBuilt(cwd, args, { node, timeout: 20_000 });

/** A fresh folder with 收到/甲.docx (section 五 missing: one error) and 收到/乙.docx (clean). */
function setUp(): string {
  const work = mkdtempSync(join(tmpdir(), "nianbao-output-safety-3-"));
  mkdirSync(join(work, "收到"));
  writeFileSync(join(work, "收到", "甲.docx"), docx(statutoryReport({ omitSections: ["五"] })));
  writeFileSync(join(work, "收到", "乙.docx"), docx(statutoryReport()));
  return work;
}

/** A preload making fs.linkSync fail as on exFAT under Windows; `before` runs first. */
function eisdirPreload(work: string, before = ""): string[] {
  const path = join(work, "eisdir.js");
  writeFileSync(
    path,
    `const fs = require("fs");
fs.linkSync = (from, to) => {
  ${before}
  const error = new Error("EISDIR: illegal operation on a directory, link");
  error.code = "EISDIR";
  throw error;
};
`,
  );
  return ["-r", path];
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasMkfifo = spawnSync("mkfifo", ["--version"]).status === 0;

describe("a drive whose link() says EISDIR (exFAT, FAT32 on Windows)", () => {
  it("still gets a new template, xlsx and annotated copies", () => {
    const work = setUp();
    const preload = eisdirPreload(work);
    const template = nianbao(work, ["template", "-o", "t.docx"], preload);
    expect(template.stderr).toBe("");
    expect(template.code).toBe(0);
    expect(existsSync(join(work, "t.docx"))).toBe(true);
    const check = nianbao(
      work,
      ["check", "收到", "--annotate", "副本", "-f", "xlsx", "-o", "台账.xlsx"],
      preload,
    );
    expect(check.stderr).not.toContain("文件夹，请给出文件名");
    expect(check.code).toBe(1);
    expect(existsSync(join(work, "台账.xlsx"))).toBe(true);
    expect(readdirSync(join(work, "副本")).sort()).toEqual(["乙.校核.docx", "甲.校核.docx"]);
  });

  it("never replaces a file that appeared at the name meanwhile", () => {
    const work = setUp();
    // Someone's file lands at the name between the check and the link.
    const preload = eisdirPreload(work, `fs.writeFileSync(to, "someone's");`);
    const result = nianbao(work, ["template", "-o", "t.docx"], preload);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain("文件夹");
    expect(readFileSync(join(work, "t.docx"), "utf8")).toBe("someone's");
  });
});

describe("--baseline and --config given something that is not a regular file", () => {
  const cases = [
    ["--baseline", "不是普通文件"],
    ["--config", "不是普通文件"],
  ] as const;

  (hasMkfifo ? it : it.skip).each(cases)(
    "%s with a pipe is refused, not waited on",
    (option, said) => {
      const work = setUp();
      spawnSync("mkfifo", [join(work, "ff")]);
      const result = nianbao(work, ["check", "收到/甲.docx", option, "ff"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(said);
      expect(result.stdout).toBe("");
    },
  );

  (existsSync("/dev/zero") ? it : it.skip).each(cases)(
    "%s with /dev/zero is refused, not read without end",
    (option, said) => {
      const work = setUp();
      const result = nianbao(work, ["check", "收到/甲.docx", option, "/dev/zero"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(said);
    },
  );

  it.each([
    ["--baseline", 201 * 1024 * 1024, "超过 200 MB"],
    ["--config", 2 * 1024 * 1024, "超过 1 MB"],
  ] as const)("%s with a file far too large is refused unread", (option, size, said) => {
    const work = setUp();
    writeFileSync(join(work, "big.json"), "");
    truncateSync(join(work, "big.json"), size);
    const result = nianbao(work, ["check", "收到/甲.docx", option, "big.json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(said);
  });

  it("still reads a baseline and a config that are regular files", () => {
    const work = setUp();
    expect(nianbao(work, ["check", "收到", "-f", "json", "-o", "上一轮.json"]).code).toBe(1);
    writeFileSync(join(work, "c.json"), JSON.stringify({ rules: {} }));
    const result = nianbao(work, [
      "check",
      "收到",
      "--baseline",
      "上一轮.json",
      "--config",
      "c.json",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
  });
});

describe("a file with no write bit (chmod 444)", () => {
  it(`is not replaced, even for root${isRoot ? "" : " (not root here)"}`, () => {
    const work = setUp();
    expect(nianbao(work, ["check", "收到", "--annotate", "ro"]).code).toBe(1);
    const copies = readdirSync(join(work, "ro")).map((name) => join(work, "ro", name));
    for (const copy of copies) chmodSync(copy, 0o444);
    const before = copies.map(hash);
    const again = nianbao(work, ["check", "收到", "--annotate", "ro"]);
    expect(again.code).toBe(1);
    expect(copies.map(hash)).toEqual(before);
    expect(readdirSync(join(work, "ro")).sort()).toEqual([
      "乙-2.校核.docx",
      "乙.校核.docx",
      "甲-2.校核.docx",
      "甲.校核.docx",
    ]);

    expect(nianbao(work, ["check", "收到", "-o", "rr.txt"]).code).toBe(1);
    chmodSync(join(work, "rr.txt"), 0o444);
    const report = hash(join(work, "rr.txt"));
    const refused = nianbao(work, ["check", "收到", "-o", "rr.txt"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("文件只读或没有写入权限");
    expect(hash(join(work, "rr.txt"))).toBe(report);
  });
});

describe("a name too long for the file system", () => {
  it.each([
    ["Latin, 300 bytes", "a".repeat(296)],
    ["Chinese, 100 characters, 300 bytes", "年".repeat(96)],
  ])("for -o is refused before anything is checked (%s)", (_, stem) => {
    const work = setUp();
    const result = nianbao(work, ["check", "收到", "--annotate", "kl", "-o", `${stem}.txt`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("文件名或路径过长");
    expect(result.stdout).toBe("");
    expect(existsSync(join(work, "kl"))).toBe(false);
  });

  it("for --annotate is refused before anything is checked", () => {
    const work = setUp();
    const result = nianbao(work, ["check", "收到", "--annotate", "a".repeat(300)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("文件名或路径过长");
    expect(result.stdout).toBe("");
    expect(readdirSync(work).sort()).toEqual(["收到"]);
  });

  it("is still written when it fits (255 bytes)", () => {
    const work = setUp();
    const name = `${"a".repeat(251)}.txt`;
    expect(nianbao(work, ["check", "收到", "-o", name]).code).toBe(1);
    expect(existsSync(join(work, name))).toBe(true);
  });
});
