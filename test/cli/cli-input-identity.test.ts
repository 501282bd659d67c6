/**
 * Inputs compared by identity, and nothing skipped silently, through the built command line:
 * a file is never its own last year (--previous), a last-year report that cannot be read is
 * said, every file not compared with last year is noted, a file reached twice is checked once,
 * names that are not valid UTF-8 are checked, and a file without permission says so.
 */
import {
  chmodSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jsonReportSchema, type JsonReport } from "../../src/core";
import { checkFile } from "../../src/cli/check-file";
import { BALANCED_TABLE3, docx, statutoryReport } from "../support/docx-builder";
import {
  captureAsOrdinaryUser,
  openToOthers,
  ordinaryUserAvailable,
} from "../support/ordinary-user";
import { readXlsx } from "../support/xlsx-reader";
import { runBuilt } from "../support/built-cli";

/** The checks that need last year's report, as every note names them. */
const NOT_COMPARED = "未做与上年比较的检查（与上年文字雷同、结转件数和现行有效件数衔接）";

function folder(): string {
  return mkdtempSync(join(tmpdir(), "nianbao-inputs-"));
}

const nianbao = (cwd: string, ...args: (string | Buffer)[]) => runBuilt(cwd, args);

function json(stdout: string): JsonReport {
  return jsonReportSchema.parse(JSON.parse(stdout));
}

function report(unit: string, year: number, table3 = BALANCED_TABLE3): Uint8Array {
  return docx(statutoryReport({ unit, year, table3 }));
}

const CROSS_YEAR = ["text-copied", "carryover-mismatch", "inforce-rollforward"];

describe("--previous never takes a file for its own last year", () => {
  it("whatever the spelling of the same file", () => {
    const work = folder();
    mkdirSync(join(work, "年报"));
    writeFileSync(join(work, "年报", "甲.docx"), report("甲镇人民政府", 2023));
    symlinkSync(join(work, "年报", "甲.docx"), join(work, "别名.docx"));
    for (const spelling of ["./年报/甲.docx", "年报//甲.docx", join(work, "别名.docx")]) {
      const { code, stdout, stderr } = nianbao(
        work,
        "check",
        "年报",
        "--previous",
        spelling,
        "-f",
        "json",
      );
      const [file] = json(stdout).files;
      expect([spelling, code]).toEqual([spelling, 0]);
      expect(file?.similarity).toBeUndefined();
      expect(file?.findings.filter((f) => CROSS_YEAR.includes(f.rule))).toEqual([]);
      expect(file?.previousNote).toEqual({
        code: "previous-same-file",
        message: `上年度报告与本文件是同一个文件，${NOT_COMPARED}`,
      });
      expect(stderr).toContain("1 个文件未与上年比较");
    }
  });

  it("in a folder holding two years of one unit, compares each year with an earlier one only", () => {
    const work = folder();
    const dir = join(work, "甲镇");
    mkdirSync(dir);
    writeFileSync(join(dir, "甲-2022.docx"), report("甲镇人民政府", 2022));
    writeFileSync(join(dir, "甲-2023.docx"), report("甲镇人民政府", 2023));
    const { stdout } = nianbao(work, "check", "甲镇", "--previous", "甲镇", "-f", "json");
    const byName = new Map(json(stdout).files.map((f) => [f.file, f]));
    const first = byName.get(join("甲镇", "甲-2022.docx"));
    const second = byName.get(join("甲镇", "甲-2023.docx"));
    // 2022 has no earlier report: not compared with itself nor with 2023, and says so.
    expect(first?.findings.filter((f) => CROSS_YEAR.includes(f.rule))).toEqual([]);
    expect(first?.similarity).toBeUndefined();
    expect(first?.previousNote?.code).toBe("previous-not-earlier");
    expect(first?.previousNote?.message).toContain("都不早于 2022 年度");
    // 2023 is compared with 2022 (the same prose: copied).
    expect(second?.previousNote).toBeUndefined();
    expect(second?.similarity).toBe(1);
  });
});

describe("--previous that cannot be read", () => {
  it("refuses the run before checking anything when the one last-year report cannot be read", () => {
    const work = folder();
    writeFileSync(join(work, "2021.docx"), report("甲镇人民政府", 2023));
    writeFileSync(join(work, "2020年报.doc"), Buffer.from("这不是一个 Word 文档".repeat(50)));
    const { code, stdout, stderr } = nianbao(
      work,
      "check",
      "2021.docx",
      "--previous",
      "2020年报.doc",
    );
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("无法读取上年度报告“2020年报.doc”：不是 Word 文档");
    expect(stderr).toContain("本次未检查任何文件");
    expect(stderr).not.toContain("。。");
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("notes a last-year report that could not be read when the file was checked", () => {
    const work = folder();
    const file = join(work, "甲.docx");
    const gone = join(work, "上年.docx");
    writeFileSync(file, report("甲镇人民政府", 2023));
    const { outcome } = checkFile(file, {
      kind: "file",
      file: { path: gone, id: null, year: 2022 },
    });
    expect(outcome.status).toBe("checked");
    expect(outcome.previous).toBeNull();
    expect(outcome.previousNote).toEqual({
      code: "previous-unreadable",
      message: `上年度报告“${gone}”无法读取（找不到该文件或文件夹，请确认位置和文件名），${NOT_COMPARED}`,
    });
  });
});

describe("--previous with a folder notes every unit it found no report for", () => {
  const work = folder();
  mkdirSync(join(work, "本年"));
  mkdirSync(join(work, "上年"));
  writeFileSync(join(work, "本年", "1甲.docx"), report("甲镇人民政府", 2023));
  writeFileSync(join(work, "本年", "2乙.docx"), report("乙镇人民政府", 2023));
  writeFileSync(join(work, "本年", "3丙.docx"), report("丙街道办事处", 2023));
  writeFileSync(join(work, "上年", "甲.docx"), report("甲镇人民政府", 2022));
  const run = (...args: string[]) => nianbao(work, "check", "本年", "--previous", "上年", ...args);
  const notes = {
    乙: `上年度报告中没有“乙镇人民政府”的报告，${NOT_COMPARED}`,
    丙: `上年度报告中没有“丙街道办事处”的报告，${NOT_COMPARED}`,
  };

  it("in JSON, with one line on stderr", () => {
    const { code, stdout, stderr } = run("-f", "json");
    expect(code).toBe(0);
    const files = json(stdout).files;
    expect(files.map((f) => [f.file, f.previousNote ?? null])).toEqual([
      [join("本年", "1甲.docx"), null],
      [join("本年", "2乙.docx"), { code: "previous-not-found", message: notes.乙 }],
      [join("本年", "3丙.docx"), { code: "previous-not-found", message: notes.丙 }],
    ]);
    expect(files[0]?.similarity).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      `nianbao：2 个文件未与上年比较（未做与上年文字雷同、结转件数和现行有效件数衔接的检查），原因见校核结果：“${join("本年", "2乙.docx")}”、“${join("本年", "3丙.docx")}”`,
    ]);
  });

  it("in text, CSV, HTML and the workbook", () => {
    const text = run().stdout;
    for (const note of Object.values(notes)) expect(text).toContain(`  ${note}`);
    const csv = run("-f", "csv").stdout.split("\r\n");
    expect(csv.filter((row) => row.endsWith(",previous-not-found"))).toEqual([
      `${join("本年", "2乙.docx")},乙镇人民政府,2023,通过,,,,${notes.乙},,previous-not-found`,
      `${join("本年", "3丙.docx")},丙街道办事处,2023,通过,,,,${notes.丙},,previous-not-found`,
    ]);
    const html = run("-f", "html").stdout;
    for (const note of Object.values(notes))
      expect(html).toContain(`<p class="note previous-note">${note}</p>`);
    expect(run("-f", "xlsx", "-o", "台账.xlsx").code).toBe(0);
    const [summary] = readXlsx(readFileSync(join(work, "台账.xlsx"))).sheets;
    const cells = summary?.rows.flat() ?? [];
    for (const note of Object.values(notes)) expect(cells).toContain(note);
  });
});

describe("a file reached twice", () => {
  it("is checked once, copied once, and the other spellings noted", () => {
    const work = folder();
    const dir = join(work, "收到");
    mkdirSync(dir);
    writeFileSync(
      join(dir, "暨阳.docx"),
      report("暨阳街道办事处", 2023, { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] }),
    );
    symlinkSync("暨阳.docx", join(dir, "暨阳-链接.docx"));
    linkSync(join(dir, "暨阳.docx"), join(work, "硬链接.docx"));
    const { code, stdout } = nianbao(
      work,
      "check",
      "收到",
      "./收到/暨阳.docx",
      join(dir, "暨阳.docx"),
      "硬链接.docx",
      "--annotate",
      "副本",
      "-f",
      "json",
    );
    expect(code).toBe(1);
    const result = json(stdout);
    expect(result.files).toHaveLength(1);
    const first = result.files[0]?.file as string;
    expect([join("收到", "暨阳-链接.docx"), join("收到", "暨阳.docx")]).toContain(first);
    expect(result.excluded?.map((e) => [e.code, e.message])).toEqual(
      Array.from({ length: 4 }, () => [
        "file-seen",
        `与“${first}”是同一个文件（链接或重复指定），只检查一次`,
      ]),
    );
    expect(readdirSync(join(work, "副本"))).toHaveLength(1);
    const text = nianbao(work, "check", "收到", "硬链接.docx").stdout;
    expect(text).toContain("共 1 个文件：已检查 1");
    expect(text).toContain(`“硬链接.docx”与“${first}”是同一个文件`);
  });
});

describe("names that are not valid UTF-8 (GBK names unzipped from a Windows archive)", () => {
  const work = folder();
  // 「乡镇」 and 「暨阳.docx」 in GBK.
  const gbk = (name: "乡镇" | "暨阳.docx") =>
    Buffer.from(name === "乡镇" ? "cfe7d5f2" : "f4dfd1f42e646f6378", "hex");
  const received = Buffer.from(join(work, "收到"));
  const sub = Buffer.concat([received, Buffer.from("/"), gbk("乡镇")]);
  const made = (() => {
    try {
      mkdirSync(sub, { recursive: true });
      writeFileSync(Buffer.concat([sub, Buffer.from("/a.docx")]), report("甲镇人民政府", 2023));
      writeFileSync(
        Buffer.concat([received, Buffer.from("/"), gbk("暨阳.docx")]),
        report("乙镇人民政府", 2023),
      );
      return readdirSync(received).length === 2;
    } catch {
      return false;
    }
  })();

  // Some file systems (macOS APFS) refuse names that are not UTF-8: nothing to test there.
  (made ? it : it.skip)("checks the files, showing the names decoded (GB18030)", () => {
    const { code, stdout } = nianbao(work, "check", "收到", "-f", "json", "--annotate", "副本");
    const files = json(stdout).files;
    expect(files.map((f) => [f.file, f.status, f.unit])).toEqual([
      [join("收到", "乡镇", "a.docx"), "checked", "甲镇人民政府"],
      [join("收到", "暨阳.docx"), "checked", "乙镇人民政府"],
    ]);
    expect(code).toBe(0);
    expect(readdirSync(join(work, "副本")).sort()).toEqual(["a.校核.docx", "暨阳.校核.docx"]);
  });

  (made ? it : it.skip)("reads last year's reports under such names too", () => {
    writeFileSync(join(work, "甲-2024.docx"), report("甲镇人民政府", 2024));
    const { stdout } = nianbao(work, "check", "甲-2024.docx", "--previous", "收到", "-f", "json");
    const [file] = json(stdout).files;
    expect(file?.previousNote).toBeUndefined();
    expect(file?.similarity).toBe(1);
  });
});

describe("a file without permission to read it", () => {
  (ordinaryUserAvailable ? it : it.skip)(
    "says so and what to do, for a file to check and for last year's report",
    async () => {
      const work = folder();
      const file = join(work, "瑞安.docx");
      const last = join(work, "上年.docx");
      writeFileSync(file, report("瑞安市人民政府", 2023));
      writeFileSync(last, report("瑞安市人民政府", 2022));
      openToOthers(work, file);
      chmodSync(last, 0o644);
      chmodSync(file, 0o000);
      const checked = await captureAsOrdinaryUser(["check", "-f", "json", file]);
      expect(checked.code).toBe(2);
      expect(json(checked.stdout).files[0]?.error).toEqual({
        code: "permission-denied",
        message:
          "没有权限读取此文件。请让文件的所有者或管理员开放读取权限，或将文件复制到自己有权限的文件夹后再检查",
      });
      chmodSync(file, 0o644);
      chmodSync(last, 0o000);
      const previous = await captureAsOrdinaryUser(["check", file, "--previous", last]);
      expect(previous.code).toBe(2);
      expect(previous.stderr).toContain(`无法读取上年度报告“${last}”：没有权限读取此文件`);
    },
  );
});
