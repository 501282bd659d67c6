/**
 * --annotate: copies are compared with inputs by identity, so no alias of the input folder or of
 * an input reaches an original; copies are named 原名.校核.docx and not checked again; a copy
 * that cannot be made is a per-file error in every format and the batch goes on.
 */
import { capture } from "../support/cli";
import { createHash } from "node:crypto";
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { check, jsonReportSchema, readDocument } from "../../src/core";
import { checkFiles } from "../../src/cli/batch/pool";
import { docx, statutoryReport } from "../support/docx-builder";

const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const rules = (path: string) =>
  check(readDocument(new Uint8Array(readFileSync(path)))).findings.map((f) => f.rule);

/** in/甲.docx (section 五 missing) and in/乙.docx (clean), with their hashes. */
function inputs() {
  const root = mkdtempSync(join(tmpdir(), "nianbao-annotate-safety-"));
  const dir = join(root, "in");
  mkdirSync(dir);
  const a = join(dir, "甲.docx");
  const b = join(dir, "乙.docx");
  writeFileSync(a, docx(statutoryReport({ omitSections: ["五"] })));
  writeFileSync(b, docx(statutoryReport()));
  const before = [hash(a), hash(b)];
  const intact = () => expect([hash(a), hash(b)]).toEqual(before);
  return { root, dir, a, b, intact };
}

const isOurCopy = (path: string) =>
  /年报校核/.test(
    strFromU8(
      unzipSync(new Uint8Array(readFileSync(path)))["word/comments.xml"] ?? new Uint8Array(),
    ),
  );

describe("--annotate never rewrites an original", () => {
  it("reproducer: an output folder that is a symlink to the input folder", async () => {
    const { root, dir, a, intact } = inputs();
    const alias = join(root, "out");
    symlinkSync(dir, alias);
    expect((await capture(["check", "--annotate", alias, dir])).code).toBe(1);
    intact();
    expect(readdirSync(dir).sort()).toEqual(["乙.docx", "乙.校核.docx", "甲.docx", "甲.校核.docx"]);
    expect(rules(join(dir, "甲.校核.docx"))).toEqual(rules(a));
    expect(isOurCopy(join(dir, "甲.校核.docx"))).toBe(true);
  });

  it("reproducer: a symlink named like the input (or the copy), pointing at the original", async () => {
    const { root, a, intact } = inputs();
    const out = join(root, "out");
    mkdirSync(out);
    symlinkSync(a, join(out, "甲.docx"));
    symlinkSync(a, join(out, "甲.校核.docx"));
    expect((await capture(["check", "--annotate", out, a])).code).toBe(1);
    intact();
    expect(readlinkSync(join(out, "甲.docx"))).toBe(a);
    expect(readlinkSync(join(out, "甲.校核.docx"))).toBe(a);
    expect(isOurCopy(join(out, "甲-2.校核.docx"))).toBe(true);
  });

  it("reproducer: a hard link to the original under the input's (or the copy's) name", async () => {
    const { root, a, intact } = inputs();
    const out = join(root, "out");
    mkdirSync(out);
    linkSync(a, join(out, "甲.docx"));
    linkSync(a, join(out, "甲.校核.docx"));
    expect((await capture(["check", "--annotate", out, a])).code).toBe(1);
    intact();
    expect(hash(join(out, "甲.校核.docx"))).toBe(hash(a));
    expect(isOurCopy(join(out, "甲-2.校核.docx"))).toBe(true);
  });

  it("an input named like a copy, reached through a symlinked input folder", async () => {
    const { root, dir, intact } = inputs();
    const named = join(dir, "丙.校核.docx");
    writeFileSync(named, docx(statutoryReport({ omitSections: ["六"] })));
    const before = hash(named);
    const alias = join(root, "alias");
    symlinkSync(dir, alias);
    // Named explicitly, it is checked; its copy would be 丙.校核.校核.docx, never itself.
    expect((await capture(["check", "--annotate", dir, join(alias, "丙.校核.docx")])).code).toBe(1);
    expect(hash(named)).toBe(before);
    expect(existsSync(join(dir, "丙.校核.校核.docx"))).toBe(true);
    intact();
  });

  it("writes copies beside the originals and replaces only its own earlier copies", async () => {
    const { dir, intact } = inputs();
    expect((await capture(["check", "--annotate", dir, dir])).code).toBe(1);
    const first = hash(join(dir, "甲.校核.docx"));
    const second = await capture(["check", "-f", "json", "--annotate", dir, dir]);
    expect(second.code).toBe(1);
    intact();
    const report = jsonReportSchema.parse(JSON.parse(second.stdout));
    // The copies are not checked again: two reports, two copies noted as excluded.
    expect(report.files.map((f) => f.file)).toEqual([join(dir, "乙.docx"), join(dir, "甲.docx")]);
    expect(report.files.map((f) => f.annotated)).toEqual([
      join(dir, "乙.校核.docx"),
      join(dir, "甲.校核.docx"),
    ]);
    expect(report.excluded?.map((e) => [e.path, e.code])).toEqual([
      [join(dir, "乙.校核.docx"), "annotated-copy"],
      [join(dir, "甲.校核.docx"), "annotated-copy"],
    ]);
    expect(rules(join(dir, "甲.校核.docx"))).toEqual(["section-missing"]);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const text = await capture(["check", dir]);
    expect(text.stdout).toContain("另有 2 个批注副本（*.校核.docx）为本工具生成，不再检查");
    expect(text.stdout).toContain("共 2 个文件：已检查 2，1 个有错误");
  });

  it("refuses an annotate folder that is a file, before checking anything", async () => {
    const { root, a, intact } = inputs();
    const file = join(root, "copies");
    writeFileSync(file, "not a folder");
    const { code, stdout, stderr } = await capture(["check", "--annotate", file, a]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("不是文件夹");
    expect(readFileSync(file, "utf8")).toBe("not a folder");
    intact();
  });

  it("keeps a .docm a .docm", async () => {
    const { root, intact } = inputs();
    const macro = join(root, "宏.docm");
    writeFileSync(macro, docx(statutoryReport()));
    expect((await capture(["check", "--annotate", join(root, "out"), macro])).code).toBe(0);
    expect(existsSync(join(root, "out", "宏.校核.docm"))).toBe(true);
    intact();
  });
});

describe("a copy that cannot be made", () => {
  // A bare word/document.xml is a report the reader checks, but no package to copy.
  const xml = () => {
    const files = unzipSync(docx(statutoryReport({ omitSections: ["五"] })));
    return files["word/document.xml"] as Uint8Array;
  };

  it.each(["text", "json", "csv", "html"])(
    "is a per-file error in the %s report, and the batch goes on",
    async (format) => {
      const { root, a, b, intact } = inputs();
      const bare = join(root, "正文.xml");
      writeFileSync(bare, xml());
      const out = join(root, "out");
      const { code, stdout } = await capture([
        "check",
        "-f",
        format,
        "--jobs",
        "1",
        "--annotate",
        out,
        a,
        bare,
        b,
      ]);
      // The bare file has an error (section 五 missing): 1 wins over the copy not made.
      expect(code).toBe(1);
      intact();
      expect(readdirSync(out).sort()).toEqual(["乙.校核.docx", "甲.校核.docx"]);
      expect(stdout).toContain("未能生成批注副本");
      // The findings of the file whose copy failed are still reported.
      expect(stdout).toContain(format === "json" ? "section-missing" : "缺少“五、");
      if (format === "json") {
        const files = jsonReportSchema.parse(JSON.parse(stdout)).files;
        expect(files.map((f) => [f.status, f.annotateError?.code ?? null])).toEqual([
          ["checked", null],
          ["checked", "annotate-failed"],
          ["checked", null],
        ]);
        expect(files[1]?.findings.map((f) => f.rule)).toEqual(["section-missing"]);
      }
      if (format === "csv")
        expect(stdout).toContain(`${bare},某某镇人民政府,2023,有错误,错误,,,未能生成批注副本`);
    },
  );

  it("when writing fails (disk full), the file gets the error and the others their copies", async () => {
    const { root, a, b } = inputs();
    const out = join(root, "out");
    mkdirSync(out);
    const written: string[] = [];
    const outcomes = await checkFiles([a, b], {
      jobs: 1,
      annotateTo: [join(out, "甲.校核.docx"), join(out, "乙.校核.docx")],
      writeCopy: (path) => {
        if (path.includes("甲")) throw Object.assign(new Error("no space"), { code: "ENOSPC" });
        written.push(path);
      },
    });
    expect(written).toEqual([join(out, "乙.校核.docx")]);
    expect(outcomes.map((o) => [o.annotated, o.annotateError?.code ?? null])).toEqual([
      [null, "annotate-write-failed"],
      [join(out, "乙.校核.docx"), null],
    ]);
    expect(outcomes[0]?.annotateError?.message).toContain("磁盘空间不足");
    expect(outcomes[0]?.findings.map((f) => f.rule)).toEqual(["section-missing"]);
    expect(lstatSync(out).isDirectory()).toBe(true);
  });
});
