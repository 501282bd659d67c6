import { capture } from "../support/cli";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeTemplate } from "../../src/cli/template-command";
import { check, readDocument } from "../../src/core";

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
    expect(stderr).toContain(
      "2023 年度报告应使用 2021 年新格式（国办公开办函〔2021〕30号），已按您的要求生成 2019 年试行格式",
    );
  });

  it("never overwrites an existing file without --force", async () => {
    const out = join(work, "existing.docx");
    writeFileSync(out, "keep me");
    const refused = await capture(["template", "-o", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("已存在");
    expect(readFileSync(out, "utf8")).toBe("keep me");
  });

  it("with --force replaces only a template it wrote that nobody has saved since", async () => {
    const out = join(work, "regenerated.docx");
    expect((await capture(["template", "--unit", "甲镇", "-o", out])).code).toBe(0);
    expect((await capture(["template", "--unit", "乙镇", "-o", out, "--force"])).code).toBe(0);
    expect(readBack(out).unit).toBe("乙镇");
    // Saved by a word processor (it records who saved it): a document now, never replaced.
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    files["docProps/core.xml"] = strToU8(
      strFromU8(files["docProps/core.xml"] as Uint8Array).replace(
        "</cp:coreProperties>",
        "<cp:lastModifiedBy>张三</cp:lastModifiedBy></cp:coreProperties>",
      ),
    );
    const saved = zipSync(files);
    writeFileSync(out, saved);
    const refused = await capture(["template", "--unit", "丙镇", "-o", out, "--force"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("已存在");
    expect(Buffer.from(readFileSync(out)).equals(Buffer.from(saved))).toBe(true);
    // Nor any other existing file under a document's name.
    const other = join(work, "other.docx");
    writeFileSync(other, "keep me");
    expect((await capture(["template", "-o", other, "--force"])).code).toBe(2);
    expect(readFileSync(other, "utf8")).toBe("keep me");
  });

  it.each([
    ["a missing folder", (dir: string) => join(dir, "nowhere", "t.docx"), "不存在"],
    ["a folder", (dir: string) => dir, "文件夹"],
  ])("refuses %s as the output with a Chinese message and exit 2", async (_name, target, words) => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-template-target-"));
    const { code, stderr } = await capture(["template", "-o", target(dir)]);
    expect(code).toBe(2);
    expect(stderr).toContain(words);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    [["--year", "20x4"], "应写四位数字的年度"],
    // Not "四位数字": 1999 is four digits; the format it would need does not exist.
    [["--year", "1999"], "法定格式自 2019 年度报告起施行"],
    [["--year", "2018"], "请给出 2019 年或以后的年度"],
    [["--year", "2999"], "请检查年份是否写错"],
    [["--part", "七"], "--part"],
    [["--format", "2020"], "选项 --format 的取值“2020”无效，可选：2021、2019"],
  ])("rejects %j with a Chinese message and exit 2", async (args, words) => {
    const out = join(work, `bad-${args.join("")}.docx`);
    const { code, stderr } = await capture(["template", ...args, "-o", out]);
    expect(code).toBe(2);
    expect(stderr).toContain(words);
    expect(existsSync(out)).toBe(false);
  });
});
