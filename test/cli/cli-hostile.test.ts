/**
 * Issue 14, the command line: only regular files are read (a FIFO or a device is refused, never
 * waited on), -j is capped at the number of cores, and what a file name, a unit name or a cell
 * carries is shown escaped in the text, CSV and HTML reports, never acted on.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { jsonReportSchema } from "../../src/core";
import type { FileOutcome } from "../../src/cli/check-file";
import { formatCsv } from "../../src/cli/format-csv";
import { formatHtml } from "../../src/cli/format-html";
import { formatText, PLAIN } from "../../src/cli/format-text";
import { sanitizeText } from "../../src/cli/sanitize";
import { capture } from "../support/cli";
import { docx, statutoryReport } from "../support/docx-builder";

const BIN = resolve(__dirname, "../../bin/nianbao.js");

describe("inputs that are not regular files", () => {
  it("refuses a FIFO and /dev/zero with a Chinese message instead of hanging", () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-fifo-"));
    const fifo = join(dir, "管道.docx");
    execFileSync("mkfifo", [fifo]);
    const good = join(dir, "好.docx");
    writeFileSync(good, docx(statutoryReport()));
    const run = spawnSync(process.execPath, [BIN, "check", "-f", "json", fifo, "/dev/zero", good], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.signal).toBeNull();
    // Two files unreadable, the third checked without errors: exit 3.
    expect(run.status).toBe(3);
    const files = jsonReportSchema.parse(JSON.parse(run.stdout)).files;
    expect(files.map((f) => [f.status, f.error?.code ?? null])).toEqual([
      ["unreadable", "not-a-file"],
      ["unreadable", "not-a-file"],
      ["checked", null],
    ]);
    expect(files[0]?.error?.message).toContain("不是普通文件");
  });
});

describe("--jobs", () => {
  it("caps more jobs than cores at the number of cores, with a Chinese warning", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-jobs-"));
    const file = join(dir, "a.docx");
    writeFileSync(file, docx(statutoryReport()));
    const cores = availableParallelism();
    const { code, stderr } = await capture(["check", "-j", String(cores + 62), file]);
    expect(code).toBe(0);
    expect(stderr).toContain(`超过本机 CPU 核数 ${cores}，按 ${cores} 个同时检查`);
    expect((await capture(["check", "-j", String(cores), file])).stderr).toBe("");
  });
});

describe("control and bidi characters in names and cell text", () => {
  const hostileName =
    "报告\u001b]0;pwned\u0007\u001b[31m\u202eslx.docx\n共 1 个文件：已检查 1，0 个有错误";
  const outcome: FileOutcome = {
    file: hostileName,
    status: "checked",
    format: "2021",
    year: 2024,
    unit: "某某\u2066镇\u2069\u200f\u061c",
    error: null,
    findings: [
      {
        rule: "table-sum",
        severity: "error",
        message: "单元格“1\u009b2J\u007f”\u202a不一致",
        location: { kind: "document" },
        anchors: [],
      } as unknown as FileOutcome["findings"][number],
    ],
    previous: null,
  };
  const RAW =
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

  it("escapes them visibly", () => {
    expect(sanitizeText("a\u001b[2Jb\u202ec\n")).toBe("a\\x1b[2Jb\\u202ec\\x0a");
    expect(sanitizeText("a\nb\tc", true)).toBe("a\nb\tc");
  });

  it("in the text report: no escape sequence reaches the terminal, no line can be forged", () => {
    const text = formatText([outcome], PLAIN);
    expect(text).not.toMatch(RAW);
    expect(text).toContain("\\x1b]0;pwned\\x07");
    expect(text).toContain("\\u202e");
    expect(text.split("\n").filter((line) => line.startsWith("共 "))).toHaveLength(1);
    expect(text.split("\n").filter((line) => line.startsWith("共 "))[0]).toContain("1 个有错误");
  });

  it("in CSV and HTML: neutralized", () => {
    for (const report of [formatCsv([outcome]), formatHtml([outcome])]) {
      // CSV lines end in CRLF; otherwise nothing raw.
      expect(report.replace(/\r\n/g, "\n")).not.toMatch(RAW);
      expect(report).toContain("\\u202e");
      expect(report).toContain("\\x9b2J");
    }
  });

  it("in a real run with such a file name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-names-"));
    const file = join(dir, "x\u001b[2J\u202e.docx");
    writeFileSync(file, docx(statutoryReport()));
    const { stdout, stderr } = await capture(["check", file], true);
    expect(stdout).toContain("x\\x1b[2J\\u202e.docx");
    expect(stdout).not.toContain("\u202e");
    expect(stdout).not.toContain("\u001b[2J");
    expect(stderr).not.toMatch(RAW);
  });
});
