import { capture } from "../support/cli";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { jsonReportSchema, type JsonFileReport, type JsonReport } from "../../src/core";
import { BALANCED_TABLE3, docx, statutoryReport } from "../support/docx-builder";

const ESC = String.fromCharCode(27);

const work = mkdtempSync(join(tmpdir(), "nianbao-cli-"));
const clean = join(work, "clean.docx");
const faulty = join(work, "faulty.docx");
const damaged = join(work, "damaged.docx");
writeFileSync(clean, docx(statutoryReport()));
writeFileSync(
  faulty,
  docx(
    statutoryReport({
      table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] },
      omitSections: ["五"],
    }),
  ),
);
writeFileSync(damaged, docx(statutoryReport()).subarray(0, 500));

describe("nianbao check", () => {
  it("exits 0 when a report has no errors", async () => {
    const { code, stdout } = await capture(["check", clean]);
    expect(code).toBe(0);
    expect(stdout).toContain("未发现问题");
  });

  it("exits 1 when errors are found and groups them by section", async () => {
    const { code, stdout } = await capture(["check", faulty]);
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    const three = lines.findIndex((l) => l.trim() === "三、收到和处理政府信息公开申请情况");
    const five = lines.findIndex((l) => l.trim() === "五、存在的主要问题及改进情况");
    expect(three).toBeGreaterThan(0);
    expect(five).toBeGreaterThan(three);
    expect(lines[five + 1]).toContain("✖ 错误  缺少“五、存在的主要问题及改进情况”");
    expect(stdout).not.toContain(ESC);
  });

  it("colours the text report only on a terminal", async () => {
    expect((await capture(["check", faulty], true)).stdout).toContain(`${ESC}[31m✖ 错误`);
  });

  it("keeps checking after a damaged file, reports it in Chinese and exits 1 for the errors found", async () => {
    const { code, stdout, stderr } = await capture([
      "check",
      "--format",
      "json",
      clean,
      damaged,
      faulty,
      join(work, "missing.docx"),
    ]);
    expect(code).toBe(1);
    const report = jsonReportSchema.parse(JSON.parse(stdout));
    expect(report.files.map((f) => [f.file, f.error?.code ?? null])).toEqual([
      [clean, null],
      [damaged, "damaged"],
      [faulty, null],
      [join(work, "missing.docx"), "not-found"],
    ]);
    expect(report.files[1]?.error?.message).toMatch(/损坏/);
    expect(report.files[1]?.findings).toEqual([]);
    expect(report.files[2]?.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(["table3-row-total", "section-missing"]),
    );
    expect(stderr).toContain(`无法读取“${damaged}”：`);
    // English details only with --debug.
    expect(stderr).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{3,}/);
  });

  it("writes exactly the JSON shape of findings.md", async () => {
    const report = JSON.parse(
      (await capture(["check", "-f", "json", faulty])).stdout,
    ) as JsonReport;
    expect(Object.keys(report)).toEqual(["files"]);
    expect(report.files).toHaveLength(1);
    const file = report.files[0] as JsonFileReport;
    expect(Object.keys(file)).toEqual([
      "file",
      "format",
      "year",
      "unit",
      "error",
      "findings",
      "reports",
      "status",
    ]);
    // One report: the file's own unit, year, format and findings, repeated per report.
    expect(file.reports).toEqual([
      { unit: file.unit, year: file.year, format: file.format, findings: file.findings },
    ]);
    expect(file.status).toBe("checked");
    const findings: { rule: string }[] = file.findings;
    expect(findings.map((f) => f.rule)).toEqual([
      "table3-row-total",
      "table3-results-total",
      "section-missing",
    ]);
    expect(findings[0]).toEqual({
      rule: "table3-row-total",
      severity: "error",
      message:
        "（一）予以公开：自然人 10 + 商业企业 1 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 11，但总计为 12，相差 1",
      location: { table: "table3", row: "granted", column: "total" },
      expected: 11,
      actual: 12,
    });
    expect(findings[2]).toEqual({
      rule: "section-missing",
      severity: "error",
      message: "缺少“五、存在的主要问题及改进情况”",
      location: { section: "五" },
    });
  });

  it("finds .docx files in folders recursively, skipping Word lock files, listing the rest", async () => {
    const folder = join(work, "batch");
    mkdirSync(join(folder, "sub"), { recursive: true });
    writeFileSync(join(folder, "a.docx"), docx(statutoryReport()));
    writeFileSync(join(folder, "sub", "b.docx"), docx(statutoryReport()));
    writeFileSync(join(folder, "~$a.docx"), "lock");
    writeFileSync(join(folder, "notes.txt"), "x");
    const { code, stdout } = await capture(["check", "-f", "json", folder]);
    const report = jsonReportSchema.parse(JSON.parse(stdout));
    expect(report.files.map((f) => [f.file, f.status, f.error?.code ?? null])).toEqual([
      [join(folder, "a.docx"), "checked", null],
      [join(folder, "notes.txt"), "not-checked", "not-a-document"],
      [join(folder, "sub", "b.docx"), "checked", null],
    ]);
    // A text file is listed, but it cannot be a report: the run is still clean.
    expect(code).toBe(0);
  });

  it("writes the report to a file with -o", async () => {
    const out = join(work, "report.json");
    expect((await capture(["check", "-f", "json", "-o", out, clean])).code).toBe(0);
    expect(jsonReportSchema.parse(JSON.parse(readFileSync(out, "utf8"))).files).toHaveLength(1);
  });

  it.each([[["check"]], [["check", "--format", "xml", clean]], [["frobnicate"]]])(
    "exits 2 on bad arguments %j",
    async (argv) => {
      const { code, stderr } = await capture(argv);
      expect(code).toBe(2);
      expect(stderr).not.toBe("");
    },
  );

  it("runs as the installed bin with the documented exit codes", async () => {
    const bin = resolve(__dirname, "../../bin/nianbao.js");
    expect(spawnSync(process.execPath, [bin, "check", clean]).status).toBe(0);
    expect(spawnSync(process.execPath, [bin, "check", faulty]).status).toBe(1);
    const damagedRun = spawnSync(process.execPath, [bin, "check", damaged], { encoding: "utf8" });
    expect(damagedRun.status).toBe(2);
    expect(damagedRun.stdout).toContain("无法读取");
  });
});
