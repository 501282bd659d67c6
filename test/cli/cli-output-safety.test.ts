/**
 * No output lands on a document or on someone's work: an annotated copy replaces only an
 * untouched copy of ours, a report replaces only an earlier report of ours in its format, our
 * own outputs in a checked folder are not taken for reports, and every target that cannot be
 * written is refused before anything is checked.
 */
import { capture } from "../support/cli";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { jsonReportSchema, type JsonReport } from "../../src/core";
import { isUntouchedCopy } from "../../src/cli/own-output";
import { docx, statutoryReport } from "../support/docx-builder";
import { skipNotice } from "../support/notes";
import { validate, validatorUnavailable } from "../support/ooxml-validator";

const BIN = resolve(__dirname, "../../bin/nianbao.js");
const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const json = (stdout: string): JsonReport => jsonReportSchema.parse(JSON.parse(stdout));

/** A fresh folder with in/甲.docx (section 五 missing: one error) and in/乙.docx (clean). */
function setUp() {
  const root = mkdtempSync(join(tmpdir(), "nianbao-output-safety-"));
  const dir = join(root, "in");
  mkdirSync(dir);
  const faulty = join(dir, "甲.docx");
  const clean = join(dir, "乙.docx");
  writeFileSync(faulty, docx(statutoryReport({ omitSections: ["五"] })));
  writeFileSync(clean, docx(statutoryReport()));
  return { root, dir, faulty, clean };
}

/** The package re-zipped with one part changed, as a word processor saves it. */
function edited(path: string, part: string, edit: (xml: string) => string): void {
  const parts = unzipSync(new Uint8Array(readFileSync(path)));
  parts[part] = strToU8(edit(strFromU8(parts[part] ?? new Uint8Array())));
  writeFileSync(path, zipSync(parts));
}

describe("an annotated copy replaces only an untouched copy of ours", () => {
  it("reproducer: keeps someone's 原名.校核.docx, checks it, and writes the copy beside it", async () => {
    const { dir, faulty } = setUp();
    const theirs = join(dir, "甲.校核.docx");
    writeFileSync(theirs, docx(statutoryReport({ unit: "某某镇人民政府" })));
    const before = hash(theirs);
    const run = await capture(["check", "-f", "json", "--annotate", dir, dir]);
    expect(run.code).toBe(1);
    expect(hash(theirs)).toBe(before);
    const written = join(dir, "甲-2.校核.docx");
    expect(isUntouchedCopy(written)).toBe(true);
    expect(run.stderr).toContain(`“${theirs}”已存在，且不是本工具生成后未经改动的批注副本`);
    expect(run.stderr).toContain(`另存为“${written}”`);
    const report = json(run.stdout);
    // Not ours: a document like any other, checked and never called our copy.
    expect(report.files.find((f) => f.file === theirs)?.status).toBe("checked");
    expect(report.excluded ?? []).toEqual([]);
    expect(report.files.find((f) => f.file === faulty)?.annotated).toBe(written);
  });

  it("reproducer: keeps a copy of ours that was edited and saved since", async () => {
    const { root, dir } = setUp();
    const out = join(root, "副本");
    expect((await capture(["check", "--annotate", out, dir])).code).toBe(1);
    const copy = join(out, "甲.校核.docx");
    expect(isUntouchedCopy(copy)).toBe(true);
    edited(copy, "word/document.xml", (xml) =>
      xml.replace("<w:body>", "<w:body><w:p><w:r><w:t>已整改</w:t></w:r></w:p>"),
    );
    const before = hash(copy);
    const run = await capture(["check", "--annotate", out, dir]);
    expect(run.code).toBe(1);
    expect(hash(copy)).toBe(before);
    expect(run.stderr).toContain(`“${copy}”已存在`);
    expect(readdirSync(out).sort()).toEqual(["乙.校核.docx", "甲-2.校核.docx", "甲.校核.docx"]);
  });

  it("replaces an untouched copy of ours in place, and leaves it out of the next run", async () => {
    const { dir } = setUp();
    expect((await capture(["check", "--annotate", dir, dir])).code).toBe(1);
    const run = await capture(["check", "-f", "json", "--annotate", dir, dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain("已存在");
    expect(readdirSync(dir).sort()).toEqual(["乙.docx", "乙.校核.docx", "甲.docx", "甲.校核.docx"]);
    expect(json(run.stdout).excluded?.map((e) => e.code)).toEqual([
      "annotated-copy",
      "annotated-copy",
    ]);
    for (const name of ["乙.校核.docx", "甲.校核.docx"])
      expect(isUntouchedCopy(join(dir, name))).toBe(true);
  });

  const validatorProblem = validatorUnavailable();
  if (validatorProblem) skipNotice(`the marked copy's schema check: ${validatorProblem}`);
  (validatorProblem ? it.skip : it)(
    "marks the copy outside every OOXML part",
    async () => {
      const { root, dir, faulty } = setUp();
      const out = join(root, "副本");
      expect((await capture(["check", "--annotate", out, dir])).code).toBe(1);
      const copy = join(out, "甲.校核.docx");
      const found = validate([faulty, copy]);
      expect(found.get(copy)).toEqual(found.get(faulty));
    },
    60_000,
  );
});

describe("-o replaces nothing but an earlier report of ours in that format", () => {
  it.each([".pdf", ".ofd", ".xps", ".uof", ".uot"])(
    "reproducer: refuses a %s document, existing or not, before checking anything",
    async (extension) => {
      const { root, dir } = setUp();
      const existing = join(root, `年报${extension}`);
      writeFileSync(existing, "%PDF-1.4\n");
      const run = await capture(["check", "-f", "html", "-o", existing, dir]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain("校核结果从不写入此类文件");
      expect(readFileSync(existing, "utf8")).toBe("%PDF-1.4\n");
      const fresh = join(root, `新${extension}`);
      expect((await capture(["check", "-f", "html", "-o", fresh, dir])).code).toBe(2);
      expect(existsSync(fresh)).toBe(false);
    },
  );

  it("reproducer: keeps a CSV report someone edited in a spreadsheet (a column added)", async () => {
    const { root, dir } = setUp();
    const out = join(root, "校核结果.csv");
    expect((await capture(["check", "-f", "csv", "-o", out, dir])).code).toBe(1);
    writeFileSync(out, readFileSync(out, "utf8").replace("规则编号\r\n", "规则编号,整改情况\r\n"));
    const before = hash(out);
    const run = await capture(["check", "-f", "csv", "-o", out, dir]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("不是本工具之前生成的 CSV 格式校核结果");
    expect(hash(out)).toBe(before);
  });

  it.each([
    ["csv", "r.csv", "单位,整改情况\r\n"],
    ["json", "r.json", '{"notes": "my own"}'],
    ["html", "r.html", "<!doctype html><title>我的页面</title>"],
    ["text", "r.txt", "我的笔记\n"],
  ])("keeps an existing %s file that is not our report", async (format, name, content) => {
    const { root, dir } = setUp();
    const out = join(root, name);
    writeFileSync(out, content);
    const run = await capture(["check", "-f", format, "-o", out, dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("不是本工具之前生成的");
    expect(readFileSync(out, "utf8")).toBe(content);
  });

  it.each(["csv", "json", "html", "text"])(
    "replaces its own earlier %s report, and an empty file",
    async (format) => {
      const { root, dir, clean } = setUp();
      const out = join(root, `r.${format}`);
      expect((await capture(["check", "-f", format, "-o", out, clean])).code).toBe(0);
      const first = hash(out);
      expect((await capture(["check", "-f", format, "-o", out, dir])).code).toBe(1);
      expect(hash(out)).not.toBe(first);
      const empty = join(root, `empty.${format}`);
      writeFileSync(empty, "");
      expect((await capture(["check", "-f", format, "-o", empty, clean])).code).toBe(0);
      expect(readFileSync(empty).length).toBeGreaterThan(0);
    },
  );

  it("keeps a report of ours in another format", async () => {
    const { root, clean } = setUp();
    const out = join(root, "结果");
    expect((await capture(["check", "-f", "csv", "-o", out, clean])).code).toBe(0);
    const before = hash(out);
    expect((await capture(["check", "-f", "json", "-o", out, clean])).code).toBe(2);
    expect(hash(out)).toBe(before);
  });
});

describe("our own outputs in a checked folder are outputs, not possible reports", () => {
  it("reproducer: a 台账 written into the folder neither changes the exit code nor blocks a rerun", async () => {
    const { dir, faulty } = setUp();
    rmSync(faulty);
    const book = join(dir, "整改台账.xlsx");
    expect((await capture(["check", dir, "-f", "xlsx", "-o", book])).code).toBe(0);
    const run = await capture(["check", "-f", "json", dir]);
    expect(run.code).toBe(0);
    expect(json(run.stdout).files.find((f) => f.file === book)?.error?.code).toBe("own-report");
    const again = await capture(["check", dir, "-f", "xlsx", "-o", book]);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
  });

  it("a 台账 filled in since is still no report, and still never replaced", async () => {
    const { dir, faulty } = setUp();
    rmSync(faulty);
    const book = join(dir, "整改台账.xlsx");
    expect((await capture(["check", dir, "-f", "xlsx", "-o", book])).code).toBe(0);
    edited(book, "docProps/core.xml", (xml) =>
      xml.replace(
        "</cp:coreProperties>",
        "<cp:lastModifiedBy>张</cp:lastModifiedBy></cp:coreProperties>",
      ),
    );
    const before = hash(book);
    expect((await capture(["check", dir])).code).toBe(0);
    expect((await capture(["check", dir, "-f", "xlsx", "-o", book])).code).toBe(2);
    expect(hash(book)).toBe(before);
  });

  it.each(["csv", "json", "html"])(
    "the same `-f %s -o` into the checked folder can be run again",
    async (format) => {
      const { dir } = setUp();
      const out = join(dir, `校核结果.${format}`);
      expect((await capture(["check", dir, "-f", format, "-o", out])).code).toBe(1);
      const again = await capture(["check", dir, "-f", format, "-o", out]);
      expect(again.stderr).toBe("");
      expect(again.code).toBe(1);
    },
  );

  it("the same `-o 校核结果.txt` into the checked folder can be run again", async () => {
    const { dir } = setUp();
    const out = join(dir, "校核结果.txt");
    expect((await capture(["check", dir, "-o", out])).code).toBe(1);
    const again = await capture(["check", dir, "-o", out]);
    expect(again.stderr).toBe("");
    expect(readFileSync(out, "utf8")).toContain("这是本工具之前生成的校核结果");
  });
});

describe("-o and --annotate never overlap", () => {
  it("reproducer: refuses a copies folder under the report's name before checking anything", async () => {
    const { root, dir } = setUp();
    const report = join(root, "结果");
    const run = await capture(["check", dir, "-o", report, "--annotate", join(report, "副本")]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("重叠");
    expect(existsSync(report)).toBe(false);
  });

  it("sees the overlap through a link", async () => {
    const { root, dir } = setUp();
    symlinkSync(root, join(root, "别名"));
    const run = await capture([
      "check",
      dir,
      "-o",
      join(root, "结果"),
      "--annotate",
      join(root, "别名", "结果", "副本"),
    ]);
    expect(run.code).toBe(2);
    expect(existsSync(join(root, "结果"))).toBe(false);
  });

  it("still writes a report into the copies folder", async () => {
    const { root, dir } = setUp();
    const copies = join(root, "副本");
    const run = await capture(["check", dir, "-o", join(copies, "r.csv"), "--annotate", copies]);
    expect(run.code).toBe(2); // the report's folder must exist beforehand
    mkdirSync(copies);
    expect(
      (
        await capture([
          "check",
          dir,
          "-f",
          "csv",
          "-o",
          join(copies, "r.csv"),
          "--annotate",
          copies,
        ])
      ).code,
    ).toBe(1);
    expect(readdirSync(copies).sort()).toEqual(["r.csv", "乙.校核.docx", "甲.校核.docx"]);
  });
});

describe("long names", () => {
  const longest = "某".repeat(78); // 234 bytes: with .csv, a legal name (NAME_MAX is 255)

  it("reproducer: a report name near the limit is written", async () => {
    const { root, clean } = setUp();
    const out = join(root, `${longest}.csv`);
    expect((await capture(["check", "-f", "csv", "-o", out, clean])).code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(root).sort()).toEqual(["in", `${longest}.csv`]);
  });

  it("reproducer: a long-named input gets its copy", async () => {
    const { root, clean } = setUp();
    const input = join(root, `${longest}.docx`);
    writeFileSync(input, readFileSync(clean));
    const out = join(root, "副本");
    expect((await capture(["check", "--annotate", out, input])).code).toBe(0);
    expect(readdirSync(out)).toEqual([`${longest}.校核.docx`]);
  });

  it("shortens the original name when the copy's would be too long", async () => {
    const { root, clean } = setUp();
    const stem = "某".repeat(83); // 249 bytes
    const input = join(root, `${stem}.docx`);
    writeFileSync(input, readFileSync(clean));
    const out = join(root, "副本");
    expect((await capture(["check", "--annotate", out, input])).code).toBe(0);
    const [name] = readdirSync(out);
    expect(name?.endsWith(".校核.docx")).toBe(true);
    expect(Buffer.byteLength(name ?? "")).toBeLessThanOrEqual(255);
  });
});

describe("targets that cannot be written are refused before anything is checked", () => {
  it("reproducer: -o with an empty name", async () => {
    const { dir } = setUp();
    const run = await capture(["check", dir, "-f", "csv", "-o", ""]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "nianbao：不能把校核结果写入“”：文件名为空。请给出文件名，如 校核结果.csv\n",
    );
  });

  it("reproducer: -o with a folder's trailing slash", async () => {
    const { root, dir } = setUp();
    const run = await capture(["check", dir, "-f", "csv", "-o", `${join(root, "new.csv")}/`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("这是文件夹的写法");
    expect(readdirSync(root)).toEqual(["in"]);
  });

  it("reproducer: --annotate with an empty name writes nothing into the current folder", () => {
    const { root, dir } = setUp();
    const run = spawnSync(process.execPath, [BIN, "check", dir, "--annotate", ""], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("批注副本文件夹的名称为空");
    expect(readdirSync(root)).toEqual(["in"]);
    expect(readdirSync(dir).sort()).toEqual(["乙.docx", "甲.docx"]);
  });
});
