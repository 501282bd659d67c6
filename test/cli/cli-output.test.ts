/**
 * `check -o`: the report never lands on an input of the run (by file identity: symlinks and
 * hard links count) nor on a Word/WPS document, and the target is validated before anything
 * is checked. Reproducers of issue 11 first.
 */
import { capture } from "../support/cli";
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jsonReportSchema } from "../../src/core";
import { docx, statutoryReport } from "../support/docx-builder";
import {
  captureAsOrdinaryUser,
  openToOthers,
  ordinaryUserAvailable,
} from "../support/ordinary-user";

const report = docx(statutoryReport());

function folder(): { dir: string; a: string; b: string } {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-output-"));
  const a = join(dir, "a.docx");
  const b = join(dir, "b.docx");
  writeFileSync(a, report);
  writeFileSync(b, docx(statutoryReport({ omitSections: ["五"] })));
  return { dir, a, b };
}

const same = (path: string, bytes: Uint8Array) =>
  Buffer.from(readFileSync(path)).equals(Buffer.from(bytes));

describe("check -o never replaces an input or a document", () => {
  it("reproducer: `check -o a.docx b.docx` leaves a.docx as it was, exits 2 and checks nothing", async () => {
    const { a, b } = folder();
    const { code, stdout, stderr } = await capture(["check", "-o", a, b]);
    expect(code).toBe(2);
    expect(same(a, report)).toBe(true);
    expect(stdout).toBe("");
    expect(stderr).toContain("不能把校核结果写入");
    expect(stderr).toContain("Word/WPS 文档");
  });

  it("reproducer: `check -f csv -o in/x.docx in/` leaves x.docx as it was", async () => {
    const { dir, a } = folder();
    const { code, stdout } = await capture(["check", "-f", "csv", "-o", a, dir]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(same(a, report)).toBe(true);
  });

  it.each([".doc", ".wps", ".dotx", ".docm", ".DOCX", ".dot", ".wpt"])(
    "never writes a report to a %s name, existing or not",
    async (extension) => {
      const { dir, b } = folder();
      const target = join(dir, `new${extension}`);
      expect((await capture(["check", "-o", target, b])).code).toBe(2);
      expect(existsSync(target)).toBe(false);
    },
  );

  it("refuses a file of the run reached through a symlink, a hard link or a listed file", async () => {
    const { dir, a, b } = folder();
    const notes = join(dir, "notes.txt");
    writeFileSync(notes, "my notes");
    const elsewhere = mkdtempSync(join(tmpdir(), "nianbao-output-links-"));
    const symlink = join(elsewhere, "report.html");
    symlinkSync(a, symlink);
    const hardLink = join(elsewhere, "report.csv");
    linkSync(b, hardLink);
    const notesLink = join(elsewhere, "report.txt");
    linkSync(notes, notesLink);
    for (const [target, args] of [
      [symlink, [a]],
      [hardLink, [b]],
      [notes, [dir]],
      [notesLink, [dir]],
    ] as const) {
      const { code, stdout, stderr } = await capture([
        "check",
        "-f",
        "html",
        "-o",
        target,
        ...args,
      ]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain("本次要检查");
    }
    expect(same(a, report)).toBe(true);
    expect(lstatSync(symlink).isSymbolicLink()).toBe(true);
    expect(readFileSync(notes, "utf8")).toBe("my notes");
  });

  it("refuses last year's report as the target", async () => {
    const { dir, a, b } = folder();
    const alias = join(dir, "previous.json");
    linkSync(a, alias);
    const { code } = await capture(["check", "-f", "json", "-o", alias, "--previous", a, b]);
    expect(code).toBe(2);
    expect(same(a, report)).toBe(true);
  });
});

describe("the -o target is validated before anything is checked", () => {
  const cases: [string, (dir: string) => string, string][] = [
    ["a missing folder", (dir) => join(dir, "nowhere", "r.html"), "不存在"],
    ["a folder", (dir) => dir, "文件夹"],
    ["a file in place of the folder", (dir) => join(dir, "a.docx", "r.html"), "不是文件夹"],
    ["the copies' folder", (dir) => join(dir, "copies"), "同一个位置"],
  ];
  it.each(cases)("refuses %s with a Chinese message and exit 2", async (_name, target, words) => {
    const { dir, b } = folder();
    const annotate = join(dir, "copies");
    const { code, stdout, stderr } = await capture([
      "check",
      "-f",
      "html",
      "-o",
      target(dir),
      "--annotate",
      annotate,
      b,
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(words);
    expect(stdout).toBe("");
    // Nothing done: no copy folder created, no file written.
    expect(existsSync(annotate)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["a.docx", "b.docx"]);
  });

  (ordinaryUserAvailable ? it : it.skip)("refuses a folder it cannot write to", async () => {
    const { dir, b } = folder();
    const locked = join(dir, "只读");
    mkdirSync(locked);
    openToOthers(dir);
    chmodSync(locked, 0o555);
    const { code, stderr, stdout } = await captureAsOrdinaryUser([
      "check",
      "-o",
      join(locked, "r.html"),
      b,
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain("不可写");
    expect(stdout).toBe("");
    expect(readdirSync(locked)).toEqual([]);
  });

  (ordinaryUserAvailable ? it : it.skip)("refuses a read-only report file", async () => {
    const { dir, b } = folder();
    const target = join(dir, "r.txt");
    writeFileSync(target, "old");
    openToOthers(dir);
    chmodSync(target, 0o444);
    const { code, stderr } = await captureAsOrdinaryUser(["check", "-o", target, b]);
    expect(code).toBe(2);
    expect(stderr).toContain("只读");
    expect(readFileSync(target, "utf8")).toBe("old");
  });
});

describe("check -o writes", () => {
  it("replaces an earlier report, leaving no temporary file", async () => {
    const { dir, a } = folder();
    const out = join(dir, "r.json");
    // An earlier report of ours: anything else is never replaced (cli-output-safety.test.ts).
    writeFileSync(out, JSON.stringify({ files: [] }));
    expect((await capture(["check", "-f", "json", "-o", out, a])).code).toBe(0);
    expect(jsonReportSchema.parse(JSON.parse(readFileSync(out, "utf8"))).files).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(["a.docx", "b.docx", "r.json"]);
  });

  it("writes to a device as it is (the bench writes to /dev/null)", async () => {
    const { a } = folder();
    expect((await capture(["check", "-f", "json", "-o", "/dev/null", a])).code).toBe(0);
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("writes through a symlink to a report, which stays a symlink", async () => {
    const { dir, a } = folder();
    const real = join(dir, "real.txt");
    // A whole text report of ours (of a run that found nothing); a lone summary line is not.
    writeFileSync(real, "共 0 个文件：已检查 0\n");
    const link = join(dir, "link.txt");
    symlinkSync(real, link);
    expect((await capture(["check", "-o", link, a])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, "utf8")).toContain("未发现问题");
  });

  it("writes a report inside the folder it checks, and lists it next time without failing", async () => {
    const { dir } = folder();
    const out = join(dir, "校核报告.html");
    expect((await capture(["check", "-f", "html", "-o", out, dir])).code).toBe(1);
    const again = await capture(["check", "-f", "json", dir]);
    expect(again.code).toBe(1);
    const listed = jsonReportSchema.parse(JSON.parse(again.stdout)).files;
    expect(listed.find((f) => f.file === out)?.status).toBe("not-checked");
  });
});
