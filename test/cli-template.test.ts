import { capture } from "./support/cli";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeTemplate } from "../src/cli/template-command";
import { check, readDocument } from "../src/core";

const work = mkdtempSync(join(tmpdir(), "nianbao-template-"));
const readBack = (path: string) => check(readDocument(new Uint8Array(readFileSync(path))));

describe("nianbao template", () => {
  it("writes the template for the given year, unit and format", async () => {
    const out = join(work, "a.docx");
    const { code, stdout } = await capture([
      "template",
      "--year",
      "2024",
      "--unit",
      "某某镇人民政府",
      "--zeros",
      "-o",
      out,
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(out);
    const result = readBack(out);
    expect([result.format, result.year, result.unit, result.findings]).toEqual([
      "2021",
      2024,
      "某某镇人民政府",
      [],
    ]);
  });

  it("defaults to last year, and to 2020 for the trial format", async () => {
    const now = new Date("2026-03-01");
    const latest = writeTemplate({ output: join(work, "b.docx") }, now);
    const trial = writeTemplate({ format: "2019", output: join(work, "c.docx") }, now);
    expect(latest.ok && trial.ok).toBe(true);
    expect(readBack(join(work, "b.docx")).year).toBe(2025);
    expect(readBack(join(work, "c.docx"))).toMatchObject({ year: 2020, format: "2019" });
  });

  it("writes one section or one table with --part", async () => {
    const out = join(work, "part.docx");
    expect(
      (await capture(["template", "--part", "table3", "--format", "2019", "-o", out])).code,
    ).toBe(0);
    const model = readBack(out).model;
    expect(Object.keys(model.tables)).toEqual(["table3"]);
    expect(model.tables.table3?.cells.size).toBe(161);
  });

  it("says so when the format does not fit the year, and still writes it", async () => {
    const { code, stderr } = await capture([
      "template",
      "--year",
      "2023",
      "--format",
      "2019",
      "-o",
      join(work, "d.docx"),
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain("2023 年度报告应使用2021 年格式");
  });

  it("never overwrites an existing file without --force", async () => {
    const out = join(work, "existing.docx");
    writeFileSync(out, "keep me");
    const refused = await capture(["template", "-o", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("已存在");
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect((await capture(["template", "-o", out, "--force"])).code).toBe(0);
    expect(readBack(out).format).toBe("2021");
  });

  it.each([
    [["--year", "20x4"], "年份"],
    [["--year", "1999"], "年份"],
    [["--part", "七"], "--part"],
    [["--format", "2020"], "2020"],
  ])("rejects %j with a Chinese message and exit 2", async (args, words) => {
    const out = join(work, `bad-${args.join("")}.docx`);
    const { code, stderr } = await capture(["template", ...args, "-o", out]);
    expect(code).toBe(2);
    expect(stderr).toContain(words);
    expect(existsSync(out)).toBe(false);
  });
});
