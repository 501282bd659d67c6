/**
 * The review cycle through the built command line: --baseline (this round against the earlier
 * JSON report), --previous similarity with the text-copied note, and --cross-similarity.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { jsonReportSchema, type JsonReport } from "../../src/core";
import { BALANCED_TABLE3, docx, statutoryReport } from "../support/docx-builder";

const BIN = resolve(__dirname, "../../bin/nianbao.js");
const work = mkdtempSync(join(tmpdir(), "nianbao-review-"));

function nianbao(...args: string[]) {
  // These reports' prose is written for copying and resubmission; the content rule asking a
  // government for 考核、评议、追究 would add one finding to each, and has tests of its own.
  const rules = args[0] === "check" ? ["--rule", "oversight-missing=off"] : [];
  const result = spawnSync(process.execPath, [BIN, ...args, ...rules], {
    encoding: "utf8",
    cwd: work,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(path: string, bytes: Uint8Array | string): string {
  const full = join(work, path);
  mkdirSync(join(full, ".."), { recursive: true });
  writeFileSync(full, bytes);
  return full;
}

const WRONG_TABLE3 = { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] };
const PROSE = {
  甲: [
    "本镇认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。",
    "严格落实政府信息公开保密审查制度，做到先审查、后公开，一事一审、全面审查，全年未发生泄密事件。",
  ],
  乙: [
    "乙镇围绕乡村振兴、营商环境等重点领域新设专栏六个，发布政策解读材料二十篇，群众满意度明显提升。",
    "今年建成依申请公开网上办理系统，实现申请、受理、答复全流程留痕，平均答复时间缩短到八个工作日。",
  ],
};

// Round one: 甲 has a wrong table 三 and no section 五; 乙 is clean.
const round1 = [
  write(
    "第一轮/甲.docx",
    docx(
      statutoryReport({
        unit: "甲镇人民政府",
        table3: WRONG_TABLE3,
        omitSections: ["五"],
        prose: PROSE.甲,
      }),
    ),
  ),
  write("第一轮/乙.docx", docx(statutoryReport({ unit: "乙镇人民政府", prose: PROSE.乙 }))),
];
// Round two: 甲 (renamed file) fixed table 三, still lacks 五 and now lacks 六; 丙 is new; 乙 is missing.
write(
  "第二轮/甲镇-修改稿.docx",
  docx(statutoryReport({ unit: "甲镇人民政府", omitSections: ["五", "六"], prose: PROSE.甲 })),
);
write("第二轮/丙.docx", docx(statutoryReport({ unit: "丙镇人民政府", prose: PROSE.乙 })));
const baselinePath = join(work, "第一轮.json");

beforeAll(() => {
  const first = nianbao("check", ...round1, "-f", "json", "-o", baselinePath);
  expect(first.code).toBe(1);
});

function json(stdout: string): JsonReport {
  return jsonReportSchema.parse(JSON.parse(stdout));
}

describe("--baseline", () => {
  it("marks each finding new or open, lists what was fixed and counts per unit", () => {
    const { code, stdout } = nianbao("check", "第二轮", "--baseline", baselinePath, "-f", "json");
    expect(code).toBe(1);
    const report = json(stdout);
    const jia = report.files.find((f) => f.unit === "甲镇人民政府");
    expect(jia?.file).toContain("甲镇-修改稿.docx");
    const byRule = (jia?.findings ?? []).map((f) => [
      f.rule,
      "section" in f.location ? f.location.section : "",
      f.status,
    ]);
    expect(byRule).toContainEqual(["section-missing", "五", "open"]);
    expect(byRule).toContainEqual(["section-missing", "六", "new"]);
    expect(jia?.fixed?.map((f) => f.rule)).toContain("table3-row-total");
    expect(jia?.fixed?.every((f) => f.rule.startsWith("table3-"))).toBe(true);
    expect(jia?.reports?.[0]?.baselineFile).toContain("甲.docx");
    const bing = report.files.find((f) => f.unit === "丙镇人民政府");
    expect(bing?.findings.every((f) => f.status === "new")).toBe(true);
    expect(bing?.fixed).toEqual([]);
    const units = report.baseline?.units ?? [];
    const jiaCounts = units.find((u) => u.unit === "甲镇人民政府");
    expect(jiaCounts).toMatchObject({ open: 1, new: 1, fixed: jia?.fixed?.length });
    expect(units.find((u) => u.unit === "丙镇人民政府")?.baselineFile).toBeNull();
    expect(report.baseline?.missing).toEqual([
      { file: expect.stringContaining("乙.docx") as string, unit: "乙镇人民政府" },
    ]);
  });

  it("says the same in text, CSV and HTML", () => {
    const text = nianbao("check", "第二轮", "--baseline", baselinePath).stdout;
    expect(text).toMatch(/［未改］ ✖ 错误 {2}缺少“五、/);
    expect(text).toMatch(/［新］ ✖ 错误 {2}缺少“六、/);
    expect(text).toContain("✔ 已改正");
    expect(text).toMatch(
      /与上一轮校核结果“.*第一轮\.json”相比：已改正 \d+ 项，未改正 1 项，新发现 1 项/,
    );
    expect(text).toContain("上一轮有、本轮未收到：乙镇人民政府");

    const csv = nianbao("check", "第二轮", "--baseline", baselinePath, "-f", "csv").stdout;
    const lines = csv.split("\r\n");
    expect(lines[0]?.endsWith(",与上一轮相比")).toBe(true);
    expect(lines.some((l) => l.includes("缺少“五、") && l.endsWith(",未改正"))).toBe(true);
    expect(lines.some((l) => l.includes("table3-row-total") && l.endsWith(",已改正"))).toBe(true);

    const html = nianbao("check", "第二轮", "--baseline", baselinePath, "-f", "html").stdout;
    expect(html).toMatch(
      /<th class="num fixed">已改正<\/th><th class="num open">未改正<\/th><th class="num new">新发现<\/th>/,
    );
    const summary = html.slice(html.indexOf('<table id="summary">'), html.indexOf("</table>"));
    // The unit with problems still open comes first.
    expect(summary.indexOf("甲镇-修改稿.docx")).toBeLessThan(summary.indexOf("丙.docx"));
    expect(html).toContain("上一轮指出、本轮已改正：");
  });

  it("refuses what is not one of our JSON reports, in Chinese, with exit 2 and nothing written", () => {
    const notJson = write("坏/不是.json", "这不是 JSON");
    const notOurs = write("坏/别的.json", JSON.stringify({ rows: [1, 2] }));
    const cases: [string, RegExp][] = [
      [notJson, /不是 json 格式的文件/],
      [notOurs, /不是本工具生成的校核结果/],
      [join(work, "坏"), /是一个文件夹/],
      [join(work, "坏/没有.json"), /找不到上一轮的校核结果/],
    ];
    for (const [path, message] of cases) {
      const out = join(work, "坏/结果.json");
      const { code, stdout, stderr } = nianbao("check", "第二轮", "--baseline", path, "-o", out);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stdout).toBe("");
      expect(existsSync(out)).toBe(false);
    }
    expect(readFileSync(notJson, "utf8")).toBe("这不是 JSON");
  });

  it("never writes the report over the baseline", () => {
    const before = readFileSync(baselinePath);
    const { code, stderr } = nianbao(
      "check",
      "第二轮",
      "--baseline",
      baselinePath,
      "-f",
      "json",
      "-o",
      baselinePath,
    );
    expect(code).toBe(2);
    expect(stderr).toContain("不能把校核结果写入");
    expect(readFileSync(baselinePath)).toEqual(before);
  });
});

describe("--previous similarity", () => {
  const lastYear = write(
    "上年/甲.docx",
    docx(
      statutoryReport({
        unit: "甲镇人民政府",
        year: 2022,
        prose: PROSE.甲,
        // Last year's 五 and 六 differ from this year's: only 一's prose is copied.
        sectionText: {
          五: ["上年度存在的主要问题是政策解读不够及时，下一步将建立解读与文件同步起草制度。"],
          六: ["上年度未收取任何费用，全年办理建议提案四件。"],
        },
      }),
    ),
  );
  const copied = write(
    "本年/甲.docx",
    docx(statutoryReport({ unit: "甲镇人民政府", prose: PROSE.甲 })),
  );
  const fresh = write(
    "本年新写/甲.docx",
    docx(statutoryReport({ unit: "甲镇人民政府", prose: PROSE.乙 })),
  );

  it("gives each file its share of prose found last year, and a text-copied note above the threshold", () => {
    const report = json(nianbao("check", copied, "--previous", lastYear, "-f", "json").stdout);
    const file = report.files[0];
    // 一 copied word for word; 五 and 六 rewritten.
    expect(file?.similarity).toBeGreaterThan(0.5);
    expect(file?.similarity).toBeLessThan(0.9);
    const note = file?.findings.find((f) => f.rule === "text-copied");
    expect(note?.severity).toBe("info");
    expect(note?.message).toContain("本镇认真贯彻落实");

    const other = json(nianbao("check", fresh, "--previous", lastYear, "-f", "json").stdout)
      .files[0];
    expect(other?.similarity).toBeLessThan(0.5);
    expect(other?.findings.some((f) => f.rule === "text-copied")).toBe(false);
    // Without --previous there is no figure at all.
    expect(
      json(nianbao("check", copied, "-f", "json").stdout).files[0]?.similarity,
    ).toBeUndefined();
  });

  it("takes the threshold as an option and refuses a bad one", () => {
    const strict = json(
      nianbao("check", fresh, "--previous", lastYear, "--similarity-threshold", "0.0", "-f", "json")
        .stdout,
    ).files[0];
    expect(strict?.findings.some((f) => f.rule === "text-copied")).toBe(true);
    for (const bad of ["1.5", "abc", "-0.1", ""]) {
      const { code, stderr } = nianbao("check", fresh, "--similarity-threshold", bad);
      expect(code).toBe(2);
      expect(stderr).toContain("--similarity-threshold 应为 0 到 1 之间的数");
    }
  });

  it("shows the figure in HTML and comments on the copied passage in the annotated copy", () => {
    const html = nianbao("check", copied, "--previous", lastYear, "-f", "html").stdout;
    expect(html).toContain('<th class="num similarity">重复率</th>');
    expect(html).toMatch(/与上年报告文字重复率 \d+%/);
    const copies = join(work, "副本");
    expect(nianbao("check", copied, "--previous", lastYear, "--annotate", copies).code).toBe(0);
    const parts = unzipSync(readFileSync(join(copies, "甲.校核.docx")));
    const comments = strFromU8(parts["word/comments.xml"] as Uint8Array);
    expect(comments).toContain("文字重复率为");
    const body = strFromU8(parts["word/document.xml"] as Uint8Array);
    // The comment is on the longest copied paragraph.
    const id = /<w:comment w:id="(\d+)"(?:(?!<\/w:comment>).)*文字重复率为/s.exec(comments)?.[1];
    const start = body.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
    const end = body.indexOf(`<w:commentRangeEnd w:id="${id}"/>`, start);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(body.slice(start, end)).toContain("本镇认真贯彻落实");
    // And the copied paragraphs are shaded.
    const shaded = [...body.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<\/w:p>/g)]
      .map((m) => m[0])
      .filter((p) => p.includes('w:fill="DDEBF7"'));
    expect(shaded).toHaveLength(2);
    expect(shaded.map((p) => PROSE.甲.findIndex((text) => p.includes(text)))).toEqual([0, 1]);
  });
});

describe("--cross-similarity", () => {
  it("lists the pairs of units whose prose is alike, across worker threads", () => {
    const { stdout } = nianbao(
      "check",
      "第一轮",
      "第二轮",
      "--cross-similarity",
      "--jobs",
      "2",
      "-f",
      "json",
    );
    const pairs = json(stdout).crossSimilarity ?? [];
    const names = pairs.map((p) => [p.a.unit, p.b.unit].sort().join("+"));
    // 甲 with 甲 (two rounds) and 乙 with 丙 (the same prose); never 甲 with 乙.
    expect(names).toContain("甲镇人民政府+甲镇人民政府");
    expect(names).toContain("丙镇人民政府+乙镇人民政府");
    expect(names).not.toContain("乙镇人民政府+甲镇人民政府");
    for (const p of pairs) expect(p.similarity).toBeGreaterThanOrEqual(0.5);
    const text = nianbao("check", "第一轮", "第二轮", "--cross-similarity").stdout;
    expect(text).toContain("跨单位雷同");
    expect(text).toMatch(/\d+% {2}乙镇人民政府（.*乙\.docx） ↔ 丙镇人民政府（.*丙\.docx）/);
  });
});
