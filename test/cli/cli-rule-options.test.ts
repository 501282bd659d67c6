/**
 * --rule and --config: a province's own requirements without code. Bad values are one Chinese
 * line and exit 2, before anything is checked; the settings reach every file, in worker threads
 * too; the content rules' findings reach the reports and the annotated copies.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { jsonReportSchema } from "../../src/core";
import { capture } from "../support/cli";
import { docx, statutoryReport } from "../support/docx-builder";

const work = mkdtempSync(join(tmpdir(), "nianbao-rules-"));
/** A town's report with the faults a supervising office returns a report for. */
const returned = join(work, "某某镇.docx");
writeFileSync(
  returned,
  docx(
    statutoryReport({
      prose: [
        "本年度报告根据《中华人民共和国政府信息公开条例》（国务院令第492号）编制。",
        "本年度共收到政府信息公开申请20件，均已按时办结。",
      ],
      sectionText: { 五: ["无。"], 六: ["无。"] },
    }),
  ),
);
const clean = join(work, "clean.docx");
writeFileSync(clean, docx(statutoryReport()));

const config = (name: string, content: unknown) => {
  const path = join(work, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};

async function rulesFound(args: string[]): Promise<string[]> {
  const { code, stdout } = await capture(["check", "-f", "json", ...args]);
  expect(code).toBeLessThan(2);
  const report = jsonReportSchema.parse(JSON.parse(stdout));
  return report.files.flatMap((f) => f.findings.map((x) => `${x.rule}/${x.severity}`));
}

const CONTENT = [
  "oversight-missing/warning",
  "basis-outdated/warning",
  "claim-contradiction/warning",
  "problems-vague/info",
  "fee-statement-missing/warning",
];

describe("the content rules through the command line", () => {
  it("reports what a supervising office would return the report for", async () => {
    expect(await rulesFound([returned])).toEqual(CONTENT);
  });

  it("puts them in the CSV and HTML reports with their names and places", async () => {
    const csv = (await capture(["check", "-f", "csv", returned])).stdout;
    expect(csv).toContain("正文说法与表格矛盾,claim-contradiction");
    expect(csv).toContain("六、其他需要报告的事项");
    const html = (await capture(["check", "-f", "html", returned])).stdout;
    expect(html).toContain("未说明信息处理费");
    expect(html).toContain("未报告考核评议追责情况");
  });

  it("comments on their paragraphs in the annotated copy", async () => {
    const copies = join(work, "批注副本");
    const { code } = await capture(["check", returned, "--annotate", copies]);
    expect(code).toBe(0);
    const [copy] = readdirSync(copies);
    const parts = unzipSync(new Uint8Array(readFileSync(join(copies, copy as string))));
    const comments = strFromU8(parts["word/comments.xml"] ?? new Uint8Array());
    const body = strFromU8(parts["word/document.xml"] ?? new Uint8Array());
    for (const words of ["国务院令第492号", "均已按时办结", "信息处理费", "过于简略|只有 2 字"])
      expect(comments).toMatch(new RegExp(words));
    // Each comment is anchored in the body: as many ranges as comments.
    const ids = [...comments.matchAll(/<w:comment [^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(CONTENT.length);
    for (const id of ids) expect(body).toContain(`<w:commentRangeStart w:id="${id}"/>`);
  });

  it("--rule turns a rule off or changes its severity; the last one given wins", async () => {
    expect(
      await rulesFound([
        returned,
        "--rule",
        "oversight-missing=off",
        "--rule",
        "claim-contradiction=error",
        "--rule",
        "problems-vague=warning",
        "--rule",
        "problems-vague=OFF",
      ]),
    ).toEqual([
      "basis-outdated/warning",
      "claim-contradiction/error",
      "fee-statement-missing/warning",
    ]);
    const { code } = await capture(["check", returned, "--rule", "claim-contradiction=error"]);
    expect(code).toBe(1);
  });

  it("--config sets rules and limits, and --rule overrides it", async () => {
    const file = config("本省要求.json", {
      $schema: "../schema/nianbao-config.schema.json",
      rules: { "basis-outdated": "off", "fee-statement-missing": "error" },
      ruleOptions: { "summary-length": { maxLength: 20 } },
    });
    expect(await rulesFound([clean, "--config", file])).toEqual(["summary-length/info"]);
    expect(
      await rulesFound([returned, "--config", file, "--rule", "fee-statement-missing=info"]),
    ).toEqual([
      "summary-length/info",
      "oversight-missing/warning",
      "claim-contradiction/warning",
      "problems-vague/info",
      "fee-statement-missing/info",
    ]);
  });

  it.each([
    [["--rule", "title-wording"], "格式不对，应写成“规则编号=设置”"],
    [["--rule", "title-wordng=off"], "没有“title-wordng”这条规则。您是否想输入“title-wording”？"],
    [["--rule", "title-wording=quiet"], "规则“title-wording”的设置“quiet”无效"],
    [
      ["--config", join(work, "没有.json")],
      "无法读取配置文件“" + join(work, "没有.json") + "”：文件不存在",
    ],
    [["--config", work], "这是一个文件夹"],
    [["--config", config("坏.json", "{ rules: }")], "不是有效的 json 文件"],
    [
      [
        "--config",
        config("错.json", {
          rules: { "title-wordng": "off" },
          ruleOptions: {
            "problems-vague": { minLength: "50" },
            "report-date": { governmentDeadline: "3月31日" },
          },
        }),
      ],
      "有误：“rules”没有“title-wordng”这条规则；“ruleOptions.problems-vague.minLength”应为数字；“ruleOptions.report-date.governmentDeadline”应为“月-日”，如 01-31",
    ],
  ])("%j is refused in one Chinese line, exit 2, nothing checked", async (args, said) => {
    const { code, stdout, stderr } = await capture(["check", clean, ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(said);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("never writes the report onto the configuration file it reads", async () => {
    const file = config("配置.json", { rules: { "title-wording": "off" } });
    const before = readFileSync(file, "utf8");
    const { code } = await capture(["check", clean, "--config", file, "-f", "json", "-o", file]);
    expect(code).toBe(2);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("lists --rule and --config in the help", async () => {
    const { stdout } = await capture(["check", "--help"]);
    expect(stdout).toContain("--rule <规则=设置>");
    expect(stdout).toContain("--config <文件>");
  });
});

const BIN = resolve(__dirname, "../../bin/nianbao.js");
const built = existsSync(resolve(__dirname, "../../dist/node/cli/batch/worker.js"));

(built ? describe : describe.skip)("the compiled command line with worker threads", () => {
  it("applies --config and --rule in every worker", () => {
    const file = config("线程.json", { ruleOptions: { "summary-length": { maxLength: 20 } } });
    const run = spawnSync(
      process.execPath,
      [
        BIN,
        "check",
        "-f",
        "json",
        "--jobs",
        "2",
        "--config",
        file,
        "--rule",
        "basis-outdated=off",
        returned,
        clean,
      ],
      { encoding: "utf8" },
    );
    expect(run.status).toBe(0);
    const report = jsonReportSchema.parse(JSON.parse(run.stdout));
    const rules = report.files.map((f) => f.findings.map((x) => x.rule));
    expect(rules.every((list) => list.includes("summary-length"))).toBe(true);
    expect(rules.flat()).not.toContain("basis-outdated");
  });
});
