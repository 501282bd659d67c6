/**
 * The second probe of the command line (2026-12-06), through the built command line: a text
 * file is replaced only when it is one whole report of ours; names that are not UTF-8 stay apart
 * without inode numbers and are shown so that they can be told apart; copies made are said even
 * when the report cannot be saved; copies kept are said in one line; a replaced file keeps its
 * mode, and a read-only copy is not replaced.
 */
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jsonReportSchema, type JsonReport } from "../../src/core";
import { decodeName } from "../../src/cli/files";
import { isTextReport } from "../../src/cli/own-output";
import { docx, statutoryReport } from "../support/docx-builder";
import {
  captureAsOrdinaryUser,
  openToOthers,
  ordinaryUserAvailable,
} from "../support/ordinary-user";
import { runBuilt } from "../support/built-cli";

const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const json = (stdout: string): JsonReport => jsonReportSchema.parse(JSON.parse(stdout));

const nianbao = (cwd: string, args: string[], node: string[] = []) => runBuilt(cwd, args, { node });

/** A fresh folder with 收到/甲.docx (section 五 missing: one error) and 收到/乙.docx (clean). */
function setUp(): string {
  const work = mkdtempSync(join(tmpdir(), "nianbao-output-safety-2-"));
  mkdirSync(join(work, "收到"));
  writeFileSync(join(work, "收到", "甲.docx"), docx(statutoryReport({ omitSections: ["五"] })));
  writeFileSync(join(work, "收到", "乙.docx"), docx(statutoryReport()));
  return work;
}

/** A name in GBK bytes inside `folder`. */
const gbk = (folder: string, hex: string) =>
  Buffer.concat([Buffer.from(join(folder, "/")), Buffer.from(hex, "hex")]);
/** 暨阳.docx, 东城.docx, 曲沟.docx in GBK. */
const GBK_NAMES = ["f4dfd1f42e646f6378", "b6abb3c72e646f6378", "c7fab9b52e646f6378"];

/** Whether this file system takes names that are not UTF-8 (macOS APFS does not). */
function takesRawNames(): boolean {
  const probe = mkdtempSync(join(tmpdir(), "nianbao-raw-names-"));
  try {
    writeFileSync(gbk(probe, "ff2e747874"), "");
    return readdirSync(probe).length === 1;
  } catch {
    return false;
  }
}
const rawNames = takesRawNames();

describe("a text file is replaced only when it is one whole report of ours", () => {
  it("refuses a log of runs appended with >>, with someone's line after them", () => {
    const work = setUp();
    const run = nianbao(work, ["check", "收到"]).stdout;
    const log = join(work, "记录.txt");
    writeFileSync(log, `12月1日 第一轮\n${run}12月3日 张三复核：甲表二已电话通知\n`);
    const before = hash(log);
    const refused = nianbao(work, ["check", "收到", "-o", "记录.txt"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("不能把校核结果写入“记录.txt”");
    expect(refused.stderr).toContain("不是本工具之前生成的 文本 格式校核结果");
    expect(hash(log)).toBe(before);
    // Two whole runs, one after the other, are a log too.
    writeFileSync(log, `${run}${run}`);
    expect(nianbao(work, ["check", "收到", "-o", "记录.txt"]).code).toBe(2);
    expect(readFileSync(log, "utf8")).toBe(`${run}${run}`);
  });

  it("refuses notes with a pasted summary line, wherever it stands", () => {
    const work = setUp();
    const notes = join(work, "笔记.txt");
    for (const text of [
      "工作笔记\n共 9 个文件：已检查 9，3 个有错误\n以下是我的意见……\n",
      "工作笔记\n共 9 个文件：已检查 9，3 个有错误\n",
      "共 9 个文件：已检查 9，3 个有错误\n",
    ]) {
      writeFileSync(notes, text);
      const refused = nianbao(work, ["check", "收到", "-o", "笔记.txt"]);
      expect(refused.code).toBe(2);
      expect(readFileSync(notes, "utf8")).toBe(text);
    }
  });

  it("still replaces a report of ours, with its notes after the summary line", () => {
    const work = setUp();
    expect(nianbao(work, ["check", "收到", "--annotate", "副本"]).code).toBe(1);
    // The copies folder checked too: the report ends with the note on our copies.
    const first = nianbao(work, ["check", "收到", "副本", "收到", "-o", "结果.txt"]);
    expect(first.code).toBe(1);
    const text = readFileSync(join(work, "结果.txt"), "utf8");
    expect(text).toContain("另有 2 个批注副本");
    expect(text).toContain("是同一个文件夹");
    expect(isTextReport(text)).toBe(true);
    const again = nianbao(work, ["check", "收到", "-o", "结果.txt"]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain("结果.txt（共 2 个文件：错误 1 项");
    expect(readFileSync(join(work, "结果.txt"), "utf8")).toBe(
      nianbao(work, ["check", "收到"]).stdout,
    );
  });

  it("does not take such a .txt in a checked folder for a report of ours, so it stays protected", () => {
    const work = setUp();
    const run = nianbao(work, ["check", "收到"]).stdout;
    const log = join(work, "收到", "记录.txt");
    writeFileSync(log, `${run}12月3日 张三复核\n`);
    writeFileSync(join(work, "收到", "结果.txt"), run);
    const report = json(nianbao(work, ["check", "收到", "-f", "json"]).stdout);
    const code = (name: string) =>
      report.files.find((f) => f.file === join("收到", name))?.error?.code;
    expect(code("记录.txt")).not.toBe("own-report");
    expect(code("结果.txt")).toBe("own-report");
    const before = hash(log);
    const refused = nianbao(work, ["check", "收到", "-o", join("收到", "记录.txt")]);
    expect(refused.code).toBe(2);
    expect(hash(log)).toBe(before);
  });

  it("recognises the layout formatText writes and nothing looser", () => {
    const one = "收到/甲.docx  某某\n  ✔ 未发现问题\n\n共 1 个文件：已检查 1，0 个有错误\n";
    expect(isTextReport(one)).toBe(true);
    expect(isTextReport("共 0 个文件：已检查 0\n")).toBe(true);
    // The count does not match the blocks, a line follows, no final newline, CRLF.
    expect(isTextReport(one.replace("共 1", "共 2"))).toBe(false);
    expect(isTextReport(`${one}张三\n`)).toBe(false);
    expect(isTextReport(one.slice(0, -1))).toBe(false);
    expect(isTextReport(one.replaceAll("\n", "\r\n"))).toBe(false);
    expect(isTextReport(`笔记\n${one}`)).toBe(false);
  });

  it("refuses notes shaped like blocks but saying nothing a check says, and knows a name with a leading space", () => {
    const notes =
      "待办：\n  1. 通知苏溪镇补表二\n  2. 周五前汇总\n\n共 1 个文件：已检查 1，0 个有错误\n";
    expect(isTextReport(notes)).toBe(false);
    expect(isTextReport("标题行\n\n共 1 个文件：已检查 1，0 个有错误\n")).toBe(false);
    const counted =
      "收到/甲.docx  某某\n  五、存在的主要问题及改进情况\n    ✖ 错误  缺少第五部分  缺少部分\n  错误 1 · 警告 0 · 提示 0\n\n共 1 个文件：已检查 1，1 个有错误\n";
    expect(isTextReport(counted)).toBe(true);
    expect(isTextReport(counted.replace("收到/甲.docx", " 报告.docx"))).toBe(true);
    // A file named with leading spaces, or like the summary line itself, heads a block too.
    expect(isTextReport(counted.replace("收到/甲.docx", "  通知.docx"))).toBe(true);
    expect(isTextReport(counted.replace("收到/甲.docx", "共 1 个文件：已检查 1，0 个有错误"))).toBe(
      true,
    );
    const unreadable =
      "坏.docx\n  ✖ 无法读取  文件不是有效的 .docx\n\n共 1 个文件：已检查 0，无法读取 1\n";
    expect(isTextReport(unreadable)).toBe(true);
  });
});

describe("without inode numbers, files whose names are not UTF-8 stay apart", () => {
  (rawNames ? it : it.skip)("checks each of three GBK-named reports", () => {
    const work = mkdtempSync(join(tmpdir(), "nianbao-no-inode-"));
    mkdirSync(join(work, "收到"));
    ["暨阳街道办事处", "曲沟镇人民政府", "东城街道办事处"].forEach((unit, i) =>
      writeFileSync(gbk(join(work, "收到"), GBK_NAMES[i]!), docx(statutoryReport({ unit }))),
    );
    // As some network shares and FUSE file systems report: every inode number 0.
    const preload = join(work, "no-inode.cjs");
    writeFileSync(
      preload,
      `const fs = require("fs");
for (const name of ["statSync", "lstatSync", "fstatSync"]) {
  const original = fs[name];
  fs[name] = function (...args) {
    const stats = original.apply(this, args);
    if (stats) stats.ino = typeof stats.ino === "bigint" ? 0n : 0;
    return stats;
  };
}
`,
    );
    const run = nianbao(work, ["check", "收到", "-f", "json"], ["-r", preload]);
    const units = json(run.stdout)
      .files.map((f) => f.unit)
      .sort();
    expect(units).toEqual(["东城街道办事处", "暨阳街道办事处", "曲沟镇人民政府"].sort());
  });
});

describe("names that are not UTF-8 are shown so that they can be told apart", () => {
  it("decodes GB18030, else shows the bad bytes as \\xNN", () => {
    expect(decodeName(Buffer.from(GBK_NAMES[0]!, "hex"))).toBe("暨阳.docx");
    expect(decodeName(Buffer.from("甲.docx"))).toBe("甲.docx");
    expect(decodeName(Buffer.from("ff2e646f6378", "hex"))).toBe("\\xff.docx");
    // UTF-8 甲, then a byte GB18030 does not take either.
    expect(decodeName(Buffer.from("e794b2ff2e646f6378", "hex"))).toBe("甲\\xff.docx");
  });

  (rawNames ? it : it.skip)("in the report and in the copies' names", () => {
    const work = mkdtempSync(join(tmpdir(), "nianbao-names-"));
    const received = join(work, "收到");
    mkdirSync(received);
    writeFileSync(gbk(received, GBK_NAMES[0]!), docx(statutoryReport({ unit: "暨阳街道办事处" })));
    writeFileSync(gbk(received, GBK_NAMES[1]!), docx(statutoryReport({ unit: "东城街道办事处" })));
    writeFileSync(gbk(received, GBK_NAMES[2]!), "not a docx");
    writeFileSync(gbk(received, "ff2e646f6378"), docx(statutoryReport({ unit: "甲镇人民政府" })));
    writeFileSync(gbk(received, "fe2e646f6378"), docx(statutoryReport({ unit: "乙镇人民政府" })));
    const run = nianbao(work, ["check", "收到", "-f", "json", "--annotate", "副本"]);
    const files = json(run.stdout).files.map((f) => [f.file, f.status, f.unit]);
    expect(files).toEqual(
      expect.arrayContaining([
        [join("收到", "暨阳.docx"), "checked", "暨阳街道办事处"],
        [join("收到", "东城.docx"), "checked", "东城街道办事处"],
        [join("收到", "曲沟.docx"), "unreadable", null],
        [join("收到", "\\xff.docx"), "checked", "甲镇人民政府"],
        [join("收到", "\\xfe.docx"), "checked", "乙镇人民政府"],
      ]),
    );
    expect(files).toHaveLength(5);
    expect(run.stderr).toContain("无法读取“收到/曲沟.docx”");
    expect(readdirSync(join(work, "副本")).sort()).toEqual(
      ["东城.校核.docx", "暨阳.校核.docx", "\\xff.校核.docx", "\\xfe.校核.docx"].sort(),
    );
    // The text report names them so too.
    const text = nianbao(work, ["check", "收到"]).stdout;
    expect(text).toContain("收到/暨阳.docx  暨阳街道办事处");
    expect(text).toContain("收到/\\xfe.docx  乙镇人民政府");
  });

  (rawNames ? it : it.skip)(
    "shows escaped a name whose GB18030 reading looks like another's",
    () => {
      const work = mkdtempSync(join(tmpdir(), "nianbao-names-"));
      const received = join(work, "收到");
      mkdirSync(received);
      writeFileSync(join(received, "报告.docx"), docx(statutoryReport({ unit: "甲镇人民政府" })));
      // 报告.docx in GBK, and 0x80 and A2E3, which GB18030 both reads as €.
      writeFileSync(
        gbk(received, "b1a8b8e62e646f6378"),
        docx(statutoryReport({ unit: "乙镇人民政府" })),
      );
      writeFileSync(gbk(received, "802e646f6378"), docx(statutoryReport({ unit: "丙镇人民政府" })));
      writeFileSync(
        gbk(received, "a2e32e646f6378"),
        docx(statutoryReport({ unit: "丁镇人民政府" })),
      );
      const run = nianbao(work, ["check", "收到", "-f", "json"]);
      const files = json(run.stdout).files.map((f) => [f.file, f.unit]);
      expect(files).toEqual(
        expect.arrayContaining([
          [join("收到", "报告.docx"), "甲镇人民政府"],
          [join("收到", "\\xb1\\xa8\\xb8\\xe6.docx"), "乙镇人民政府"],
          [join("收到", "\\x80.docx"), "丙镇人民政府"],
          [join("收到", "\\xa2\\xe3.docx"), "丁镇人民政府"],
        ]),
      );
      expect(new Set(files.map(([file]) => file)).size).toBe(4);
    },
  );
});

describe("the copies made are said even when the report cannot be saved", () => {
  (existsSync("/dev/full") ? it : it.skip)("-o /dev/full", () => {
    const work = setUp();
    const run = nianbao(work, ["check", "收到", "--annotate", "副本", "-o", "/dev/full"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("无法保存校核结果“/dev/full”");
    expect(`${run.stdout}${run.stderr}`).toContain("已生成 2 份批注副本，在“副本”中");
    expect(readdirSync(join(work, "副本"))).toHaveLength(2);
  });
});

describe("copies kept because their names were taken are said in one line", () => {
  it("names the first three and how many in all, and the report says where each went", () => {
    const work = setUp();
    for (const name of ["丙", "丁"])
      writeFileSync(join(work, "收到", `${name}.docx`), docx(statutoryReport()));
    expect(nianbao(work, ["check", "收到", "--annotate", "副本"]).code).toBe(1);
    // Opened and saved since (the mark is gone): none is ours to replace.
    for (const name of readdirSync(join(work, "副本"))) {
      const path = join(work, "副本", name);
      const bytes = readFileSync(path);
      const end = bytes.lastIndexOf(Buffer.from("PK\u0005\u0006", "latin1"));
      writeFileSync(path, Buffer.concat([bytes.subarray(0, end + 20), Buffer.alloc(2)]));
    }
    const run = nianbao(work, ["check", "收到", "--annotate", "副本", "-f", "json"]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      expect.stringContaining("4 个批注副本的文件名已被占用"),
      expect.stringContaining("已生成 4 份批注副本"),
    ]);
    expect(lines[0]).toContain(
      "“副本/丁.校核.docx”、“副本/丙.校核.docx”、“副本/乙.校核.docx” 等 4 个",
    );
    const copies = json(run.stdout).files.map((f) => f.annotated);
    expect(copies).toEqual(["丁", "丙", "乙", "甲"].map((n) => join("副本", `${n}-2.校核.docx`)));
  });
});

describe("permissions", () => {
  it("a replaced report keeps its mode", () => {
    const work = setUp();
    expect(nianbao(work, ["check", "收到", "-f", "csv", "-o", "r.csv"]).code).toBe(1);
    chmodSync(join(work, "r.csv"), 0o600);
    expect(nianbao(work, ["check", "收到", "-f", "csv", "-o", "r.csv"]).code).toBe(1);
    expect(statSync(join(work, "r.csv")).mode & 0o777).toBe(0o600);
  });

  it("a replaced copy keeps its mode", () => {
    const work = setUp();
    expect(nianbao(work, ["check", "收到", "--annotate", "副本"]).code).toBe(1);
    chmodSync(join(work, "副本", "甲.校核.docx"), 0o640);
    expect(nianbao(work, ["check", "收到", "--annotate", "副本"]).code).toBe(1);
    expect(statSync(join(work, "副本", "甲.校核.docx")).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(work, "副本"))).toHaveLength(2);
  });

  (ordinaryUserAvailable ? it : it.skip)(
    "a read-only copy is not replaced: the copy goes to the next free name",
    async () => {
      const work = setUp();
      const copies = join(work, "副本");
      mkdirSync(copies);
      openToOthers(work, copies);
      const input = join(work, "收到", "甲.docx");
      expect((await captureAsOrdinaryUser(["check", input, "--annotate", copies])).code).toBe(1);
      const copy = join(copies, "甲.校核.docx");
      chmodSync(copy, 0o444);
      const before = hash(copy);
      const run = await captureAsOrdinaryUser(["check", input, "--annotate", copies]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `“${copy}”已存在且为只读，未覆盖；批注副本另存为“${join(copies, "甲-2.校核.docx")}”`,
      );
      expect(hash(copy)).toBe(before);
      expect(statSync(copy).mode & 0o777).toBe(0o444);
      expect(readdirSync(copies).sort()).toEqual(["甲-2.校核.docx", "甲.校核.docx"]);
    },
  );
});

describe("a report of ours where last year's reports are read", () => {
  it("does not stop the same command from running again (-o into the --previous folder)", () => {
    const work = mkdtempSync(join(tmpdir(), "nianbao-output-safety-2-"));
    mkdirSync(join(work, "p"));
    writeFileSync(join(work, "p", "2022.docx"), docx(statutoryReport({ year: 2022 })));
    writeFileSync(join(work, "p", "2023.docx"), docx(statutoryReport({ year: 2023 })));
    const args = ["check", "p", "-f", "json", "-o", join("p", "r.json"), "--previous", "p"];
    const first = nianbao(work, args);
    expect([0, 1]).toContain(first.code);
    const second = nianbao(work, args);
    expect(second.stderr).not.toMatch(/这是本次要检查/);
    expect(second.code).toBe(first.code);
    // Our earlier report is listed, not read.
    const files = json(readFileSync(join(work, "p", "r.json"), "utf8")).files;
    expect(files.filter((f) => f.status === "checked")).toHaveLength(2);
    expect(files.find((f) => f.file.endsWith("r.json"))?.error?.code).toBe("own-report");
  });
});

describe("the confirmation names the report as typed", () => {
  it("also when it replaced an earlier report of ours (not the path a link or the folder led to)", () => {
    const work = setUp();
    const args = ["check", "收到", "-o", join("收到", "r.txt")];
    nianbao(work, args);
    const again = nianbao(work, args);
    expect(again.stderr + again.stdout).toContain(join("收到", "r.txt"));
    expect(again.stderr + again.stdout).not.toContain(work);
  });
});
