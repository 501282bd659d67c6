/**
 * The command line speaks Chinese: help, argument errors, per-file messages and confirmations;
 * help columns line up by display width; every failure is one line, a stack trace only with
 * --debug; and the exit codes say what happened (0, 1, 2, 3).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { displayWidth } from "../../src/cli/display-width";
import { run } from "../../src/cli/main";
import { capture } from "../support/cli";
import { BALANCED_TABLE3, docx, statutoryReport } from "../support/docx-builder";

const BIN = resolve(__dirname, "../../bin/nianbao.js");
const work = mkdtempSync(join(tmpdir(), "nianbao-language-"));
const clean = join(work, "通过.docx");
const faulty = join(work, "有错.docx");
const damaged = join(work, "损坏.docx");
writeFileSync(clean, docx(statutoryReport()));
writeFileSync(
  faulty,
  docx(statutoryReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } })),
);
writeFileSync(damaged, docx(statutoryReport()).subarray(0, 500));

const bin = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });

/** ASCII words a clerk may meet: the program, its commands, format names, products, file names. */
const ALLOWED = new Set(
  "nianbao check template help text json csv html xlsx docx Excel WPS Word CPU npm ci build cli table2 table3 table4".split(
    " ",
  ),
);

function englishWords(text: string): string[] {
  return (
    text
      // What the user typed, echoed back in quotes, is theirs.
      .replace(/“[^”]*”/g, " ")
      // Option names (-f, --format) and file names (年报.docx, 校核报告.html) are not prose.
      .replace(/(^|[\s[（(：])--?[a-zA-Z][\w-]*/g, " ")
      .replace(/[^\s/“”]*\.(docx|html|csv|json|doc|wps)\b/g, " ")
      .match(/[A-Za-z][A-Za-z0-9]+/g)
      ?.filter((word) => !ALLOWED.has(word)) ?? []
  );
}

describe("help", () => {
  it.each([[["--help"]], [["check", "--help"]], [["template", "--help"]], [["help", "check"]]])(
    "%j is in Chinese, with the exit codes, and its columns line up by display width",
    async (argv) => {
      const { code, stdout } = await capture(argv);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^用法：nianbao/);
      expect(stdout).toContain("选项：");
      expect(englishWords(stdout)).toEqual([]);
      expect(stdout).not.toMatch(/Usage|Options|Commands|Arguments|choices|default|display/);
      // Each item: two spaces, a term, at least two spaces, a description that starts at the
      // same display column as every other item's.
      const items = stdout.split(/\n(?=示例：|退出码：)/)[0] as string;
      const starts = items
        .split("\n")
        .map((line) => /^( {2}\S.*?\S? {2,})\S/.exec(line)?.[1])
        .filter((prefix): prefix is string => prefix !== undefined)
        .map(displayWidth);
      expect(starts.length).toBeGreaterThan(2);
      expect(new Set(starts).size).toBe(1);
      // Wrapped description lines are indented to the same column.
      const column = starts[0] as number;
      for (const line of items.split("\n"))
        if (/^ {10,}\S/.test(line)) expect(line.length - line.trimStart().length).toBe(column);
      if (argv[0] !== "template") {
        expect(stdout).toContain("退出码：");
        expect(stdout).toMatch(/ {2}3 {2}部分文件无法读取/);
      }
    },
  );

  it("says the choices and the default in Chinese", async () => {
    const { stdout } = await capture(["check", "--help"]);
    expect(stdout.replace(/\s+/g, "")).toContain(
      "（可选：text、json、csv、html、xlsx；默认：text）",
    );
  });

  it.each([["--version"], ["-V"]])("%s prints 年报校核 and the version", async (flag) => {
    const { code, stdout } = await capture([flag]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^年报校核 \d+\.\d+\.\d+\n$/);
  });
});

describe("argument errors", () => {
  it.each([
    [
      ["chek", "a.docx"],
      ["没有“chek”这个命令。您是否想输入 check？", "nianbao --help"],
    ],
    [["check"], ["请给出要检查的文件或文件夹"]],
    [["check", "--formt", "csv", "a.docx"], ["没有“--formt”这个选项。您是否想输入 --format？"]],
    [
      ["check", "--bogus", "a.docx"],
      ["没有“--bogus”这个选项。", "nianbao check --help"],
    ],
    [
      ["check", "-f", "xml", "a.docx"],
      ["选项 -f, --format 的取值“xml”无效，可选：text、json、csv、html、xlsx"],
    ],
    [["check", "a.docx", "-o"], ["选项 -o, --output 后面缺少取值"]],
    [["template", "extra"], ["template 命令不接受文件名等参数（多出 1 个）"]],
    [["check", "-j", "many", "a.docx"], ["--jobs 应为正整数"]],
  ])("%j: a Chinese line with what to do, exit 2", async (argv, words) => {
    const { code, stdout, stderr } = await capture(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    for (const word of words) expect(stderr).toContain(word);
    expect(stderr.startsWith("nianbao：")).toBe(true);
    expect(englishWords(stderr)).toEqual([]);
  });

  it("shows commander's own words only with --debug", async () => {
    expect((await capture(["chek"])).stderr).not.toContain("unknown command");
    expect((await capture(["chek", "--debug"])).stderr).toContain("unknown command");
  });
});

describe("failures", () => {
  it("-o into a folder that does not exist: one Chinese line, no stack trace, exit 2", () => {
    const result = bin("check", "-o", join(work, "没有这个文件夹", "r.html"), clean);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("不存在，请先创建它或换一个位置");
    expect(result.stderr).not.toMatch(/ENOENT|\n\s+at /);
  });

  it("--annotate followed by another option makes no folder named after it", () => {
    const result = spawnSync(
      process.execPath,
      [BIN, "check", "--annotate", "-o", join(work, "r.json"), clean],
      { encoding: "utf8", cwd: work },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--annotate 后面应写文件或文件夹名");
    expect(existsSync(join(work, "-o"))).toBe(false);
    expect(existsSync(join(work, "r.json"))).toBe(false);
  });

  it("a reader that stops early (| head) gets no stack trace", () => {
    const result = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" "${BIN}" check --help | head -1 >/dev/null`],
      { encoding: "utf8" },
    );
    expect(result.stderr).toBe("");
  });

  (existsSync("/proc/self") ? it : it.skip)(
    "a copies folder that cannot be created is refused at once (Node's recursive mkdir never returns for /proc/x)",
    () => {
      const result = spawnSync(process.execPath, [BIN, "check", "-a", "/proc/nianbao", clean], {
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(result.signal).toBeNull();
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("无法创建批注副本文件夹“/proc/nianbao”");
      expect(englishWords(result.stderr)).toEqual([]);
    },
  );

  it("an internal error is one Chinese line; the stack only with --debug", async () => {
    const broken = (debug: boolean) => {
      let stderr = "";
      const io = {
        stdout: () => {
          throw new Error("simulated failure");
        },
        stderr: (text: string) => void (stderr += text),
        isTty: false,
        progressStream: null,
      };
      return run(["check", clean, ...(debug ? ["--debug"] : [])], io).then((code) => ({
        code,
        stderr,
      }));
    };
    const quiet = await broken(false);
    expect(quiet.code).toBe(2);
    expect(quiet.stderr).toBe(
      "nianbao：处理时出现内部错误，已停止。请加 --debug 重新运行，并把显示的内容发给技术人员\n",
    );
    const loud = await broken(true);
    expect(loud.stderr).toContain("simulated failure");
    expect(loud.stderr).toMatch(/\n\s+at /);
  });

  it("an unreadable file is named in Chinese on stderr; the English detail only with --debug", async () => {
    const quiet = await capture(["check", "-f", "json", damaged, clean]);
    expect(quiet.stderr).toMatch(/^nianbao：无法读取“.*损坏\.docx”：.*损坏/);
    expect(englishWords(quiet.stderr)).toEqual([]);
    const loud = await capture(["check", "-f", "json", damaged, clean, "--debug"]);
    expect(loud.stderr).toContain("（以下为技术细节）");
    expect(englishWords(loud.stderr).length).toBeGreaterThan(0);
  });
});

describe("confirmations", () => {
  it("-o says where the report went, with the totals", async () => {
    const out = join(work, "报告.html");
    const { code, stdout, stderr } = await capture([
      "check",
      "-f",
      "html",
      "-o",
      out,
      clean,
      faulty,
    ]);
    expect(code).toBe(1);
    expect(stderr).toBe("");
    expect(stdout).toMatch(
      new RegExp(`^已写入 ${out}（共 2 个文件：错误 [1-9]\\d* 项，警告 \\d+ 项）\\n$`),
    );
  });

  it("names unreadable files in the totals", async () => {
    const out = join(work, "结果.csv");
    const { stdout } = await capture(["check", "-f", "csv", "-o", out, clean, damaged]);
    expect(stdout).toMatch(/（共 2 个文件：错误 0 项，警告 \d+ 项，1 个无法读取）/);
  });

  it("--annotate counts the copies, on stderr when the report is on stdout", async () => {
    const folder = join(work, "副本");
    const { stdout, stderr } = await capture(["check", "-f", "json", "-a", folder, clean, faulty]);
    expect((JSON.parse(stdout) as { files: unknown[] }).files).toHaveLength(2);
    expect(stderr).toBe(`已生成 2 份批注副本，在“${folder}”中\n`);
    expect(readdirSync(folder)).toHaveLength(2);
  });
});

describe("exit codes (the installed command)", () => {
  it("0: checked, no errors", () => expect(bin("check", clean).status).toBe(0));
  it("1: errors found", () => expect(bin("check", faulty).status).toBe(1));
  it("1: errors found, even when another file could not be read", () =>
    expect(bin("check", faulty, damaged).status).toBe(1));
  it("2: wrong arguments", () => expect(bin("check", "--format", "xml", clean).status).toBe(2));
  it("2: nothing could be checked", () => {
    const result = bin("check", damaged);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain("无法读取");
  });
  it("3: a file could not be read and the others have no errors", () => {
    const result = bin("check", clean, damaged);
    expect(result.status).toBe(3);
    expect(result.stdout).toContain("共 2 个文件：已检查 1，0 个有错误，无法读取 1");
  });
});
