/**
 * --previous names the report each file was compared with, in every format; and a report that
 * is not of the year just before (a folder without last year's, or a file given as such) is
 * compared for its text only: the carry-over checks (结转件数, 现行有效件数), which hold only
 * from one year to the next, are not made, and the file says so.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jsonReportSchema, type JsonReport } from "../../src/core";
import { docx, statutoryReport } from "../support/docx-builder";
import { readXlsx } from "../support/xlsx-reader";
import { runBuilt } from "../support/built-cli";

const nianbao = (cwd: string, ...args: string[]) => runBuilt(cwd, args);

const json = (stdout: string): JsonReport => jsonReportSchema.parse(JSON.parse(stdout));

// The same balanced report in each year: the text is copied, and this year's 上年结转 (2) is not
// last year's 结转下年度继续办理 (4), so carryover-mismatch fires when the years are compared.
const report = (year: number) => docx(statutoryReport({ unit: "甲镇人民政府", year }));
const CROSS_YEAR = ["text-copied", "carryover-mismatch", "inforce-rollforward"];
const crossYear = (file: JsonReport["files"][number] | undefined) => [
  ...new Set((file?.findings ?? []).map((f) => f.rule).filter((r) => CROSS_YEAR.includes(r))),
];

/** 本年/甲.docx (2023), and 上年/ holding last year's reports of the given years. */
function setup(years: number[]) {
  const work = mkdtempSync(join(tmpdir(), "nianbao-previous-year-"));
  mkdirSync(join(work, "本年"));
  mkdirSync(join(work, "上年"));
  writeFileSync(join(work, "本年", "甲.docx"), report(2023));
  for (const year of years) writeFileSync(join(work, "上年", `甲${year}.docx`), report(year));
  return work;
}

const NOTE = (path: string, found: number) =>
  `用作上年度报告的“${path}”是 ${found} 年度的，不是 2022 年度的，未做结转件数和现行有效件数与上年衔接的检查（文字雷同仍与该报告比较）`;

describe("--previous with a folder that has no report of the year just before", () => {
  const work = setup([2020, 2021]);
  const used = join("上年", "甲2021.docx");
  const run = (...args: string[]) => nianbao(work, "check", "本年", "--previous", "上年", ...args);

  it("compares the text with the latest earlier report, not its figures, and says so", () => {
    const { code, stdout, stderr } = run("-f", "json");
    expect(code).toBe(0);
    const [file] = json(stdout).files;
    expect(file?.previous).toEqual({ path: used, year: 2021 });
    expect(file?.previousNote).toEqual({
      code: "previous-not-last-year",
      message: NOTE(used, 2021),
    });
    expect(crossYear(file)).toEqual(["text-copied"]);
    expect(file?.similarity).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      `nianbao：1 个文件用作上年度报告的不是上一年度的报告，未做结转件数和现行有效件数与上年衔接的检查，原因见校核结果：“${join("本年", "甲.docx")}”`,
    ]);
  });

  it("names the report compared, and the note, in text, CSV, HTML and the workbook", () => {
    const named = `上年度报告：${used}（2021 年度）`;
    const text = run().stdout;
    expect(text).toContain(`  ${named}\n  ${NOTE(used, 2021)}\n`);
    const csv = run("-f", "csv").stdout.split("\r\n");
    const file = join("本年", "甲.docx");
    expect(csv.filter((row) => /,previous(-not-last-year)?$/.test(row))).toEqual([
      `${file},甲镇人民政府,2023,有提示,,,,${named},,previous`,
      `${file},甲镇人民政府,2023,有提示,,,,${NOTE(used, 2021)},,previous-not-last-year`,
    ]);
    const html = run("-f", "html").stdout;
    expect(html).toContain(`<p class="note previous-file">${named}</p>`);
    expect(html).toContain(`<p class="note previous-note">${NOTE(used, 2021)}</p>`);
    expect(run("-f", "xlsx", "-o", "台账.xlsx").code).toBe(0);
    const [summary] = readXlsx(readFileSync(join(work, "台账.xlsx"))).sheets;
    expect(summary?.rows.flat()).toContain(`${named}；${NOTE(used, 2021)}`);
  });
});

describe("--previous with the report of the year just before", () => {
  it("makes every cross-year check, names the report, and adds no note", () => {
    const work = setup([2021, 2022]);
    const { code, stdout, stderr } = nianbao(
      work,
      "check",
      "本年",
      "--previous",
      "上年",
      "-f",
      "json",
    );
    expect(code).toBe(0);
    const [file] = json(stdout).files;
    expect(file?.previous).toEqual({ path: join("上年", "甲2022.docx"), year: 2022 });
    expect(file?.previousNote).toBeUndefined();
    expect(crossYear(file)).toEqual(["text-copied", "carryover-mismatch"]);
    expect(stderr).toBe("");
  });
});

describe("--previous FILE of another year than the one before", () => {
  it("is used as given for the text, and its figures are not carried over", () => {
    const work = setup([2021]);
    const used = join("上年", "甲2021.docx");
    const { stdout } = nianbao(work, "check", "本年", "--previous", used, "-f", "json");
    const [file] = json(stdout).files;
    expect(file?.previous).toEqual({ path: used, year: 2021 });
    expect(file?.previousNote?.code).toBe("previous-not-last-year");
    expect(crossYear(file)).toEqual(["text-copied"]);
  });
});

describe("a JSON report written before `previous` was added", () => {
  it("is still read", () => {
    const work = setup([2022]);
    const { stdout } = nianbao(work, "check", "本年", "--previous", "上年", "-f", "json");
    const old = JSON.parse(stdout) as { files: Record<string, unknown>[] };
    for (const file of old.files) delete file.previous;
    expect(jsonReportSchema.parse(old).files[0]?.previous).toBeUndefined();
  });
});
