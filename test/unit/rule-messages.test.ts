/**
 * Every rule's message, read as a clerk reads it: one spacing convention around figures (a
 * space between a Chinese character and an Arabic figure, none beside full-width punctuation),
 * no rule id or English in the text. Quoted document text (“…”) and document numbers
 * (〔2021〕30号) are the author's and are left as written.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  check,
  readDocument,
  type CheckOptions,
  type CheckResult,
  type Finding,
} from "../../src/core";
import { RULES } from "../../src/core/rules/registry";
import { RULE_IDS } from "../../src/core/rules/types";
import { templateDocx } from "../../src/core/template";
import { checkReport } from "../support/check-helpers";
import {
  BALANCED_TABLE3,
  documentXml,
  statutoryReport,
  type ReportOptions,
} from "../support/docx-builder";
import { SHARED, sharedAvailable } from "../support/shared";

/** Where the spacing convention is broken, or "" when it is kept. */
export function spacingFault(text: string): string {
  const own = text.replace(/“[^”]*”/g, "“某”").replace(/〔\d{4}〕\d+号/g, "某");
  const fault =
    /\p{Script=Han}\d|\d\p{Script=Han}/u.exec(own) ??
    // Spaces belong around figures and the operators of an equation, not beside punctuation.
    /[，。；：、（）“”]\s(?![+=−-])|(?<![+=−-])\s[，。；：、（）“”]/.exec(own) ??
    /\s{2,}|^\s|\s$/.exec(own);
  return fault ? `“${fault[0]}” in ${text}` : "";
}

const lastYear = readDocument(
  statutoryReport({
    year: 2022,
    table2: { rules: [1, 0, 5] },
    table3: { ...BALANCED_TABLE3, carryForward: [3, 0, 0, 0, 0, 0, 3] },
  }),
);

/** Reports built to set off every rule, written as clerks write them. */
const FAULTY: [string, ReportOptions, CheckOptions?][] = [
  ["section missing, table missing", { omitSections: ["五"], omitTables: ["table2"] }],
  [
    "section numbered wrongly",
    { omitSections: ["五"], headings: { 六: "五、其他需要报告的事项" } },
  ],
  [
    "sections swapped, a variant title",
    {
      headings: {
        二: "三、收到和处理政府信息公开申请情况",
        三: "二、主动公开政府信息情况",
        五: "五、存在的主要问题及下步打算",
      },
    },
  ],
  ["trial tables for 2022", { format: "2019", year: 2022 }],
  ["2021 tables for 2020", { format: "2021", year: 2020 }],
  [
    "notes, text and blanks in cells",
    {
      table2: { rules: ["22（其中修订16件）", "", "若干"], normativeDocs: ["3", "-1", "2.5"] },
      table4: { review: [1, "", 0, "", 3], suitDirect: ["1 0", 0, 0, 0, 1] },
    },
  ],
  ["one blank total", { table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, ""] } }],
  [
    "table 三 and 四 out of balance",
    {
      table3: {
        ...BALANCED_TABLE3,
        granted: [10, 1, 0, 0, 0, 0, 12],
        carryForward: [5, 1, 0, 0, 0, 0, 6],
      },
      table4: { review: [1, 1, 0, 1, 4] },
    },
  ],
  [
    "a stale body, a broken period",
    {
      year: 2023,
      period: "本报告中所列数据的统计期限自20221月1日起至202213月32日止。",
      prose: ["2022年，本机关认真贯彻落实《条例》。", "2022年主动公开政府信息120条。"],
    },
  ],
  [
    "prose against the tables",
    { prose: ["全年共收到政府信息公开申请25件，其中予以公开9件，部分公开2件。"] },
  ],
  ["a period over two years", { period: "统计期限自2023年1月1日起至2024年12月31日止。" }],
  [
    "against last year",
    {
      table2: { rules: [2, 1, 9] },
      table3: { ...BALANCED_TABLE3, carried: [2, 0, 0, 0, 0, 0, 2] },
    },
    { previous: lastYear },
  ],
  [
    "content a supervising office returns",
    {
      title: "某某镇人民政府2023年政务公开工作年度总结",
      prose: [
        "本年度报告根据《中华人民共和国政府信息公开条例》（国务院令第492号）编制。",
        "本年度共收到政府信息公开申请20件，均已按时办结。",
      ],
      sectionText: { 五: ["无。"], 六: ["无。"] },
      closing: ["某某镇人民政府", "2023年12月20日"],
    },
  ],
  [
    "a town's overview without 考核, longer than a local limit",
    { prose: ["本镇明确党政办负责政府信息公开工作，安排专人负责信息审核发布。"] },
    { ruleOptions: { "summary-length": { maxLength: 20 } } },
  ],
  [
    "a table with an extra row and a renamed heading",
    {
      editTable3: (rows) => [
        ...rows.slice(0, 4),
        ["其中：网上申请", ...Array<string>(7).fill("1")],
        ...rows.slice(4),
      ],
      editTable2: (rows) =>
        rows.map((row) => row.map((c) => (c === "现行有效件数" ? "现行有效件" : c))),
    },
  ],
];

function results(): [string, CheckResult][] {
  const built: [string, CheckResult][] = FAULTY.map(([name, options, checkOptions]) => [
    name,
    checkReport(options, checkOptions ?? {}),
  ]);
  const files: [string, CheckResult][] = [
    ["examples/sample-ruian-2021.docx", join(__dirname, "../../examples/sample-ruian-2021.docx")],
  ].map(([name, path]) => [
    name as string,
    check(readDocument(new Uint8Array(readFileSync(path as string)))),
  ]);
  built.push(...files);
  // The whole body twice (a template inserted into a finished report), for the rule on
  // repeated content.
  const once = statutoryReport();
  const body = once.slice(once.indexOf("<w:body>") + 8, once.indexOf("<w:sectPr/>"));
  built.push(["a body repeated", check(readDocument(documentXml(body + body)))]);
  built.push([
    "the blank template",
    check(readDocument(templateDocx({ format: "2021", year: 2025 }))),
  ]);
  if (sharedAvailable()) {
    const seeds = join(SHARED, "fixtures/seeds-docx");
    for (const name of readdirSync(seeds).filter((f) => f.endsWith(".docx")))
      built.push([name, check(readDocument(new Uint8Array(readFileSync(join(seeds, name)))))]);
    const real = join(SHARED, "fixtures/real/blank-template-2021-wps.docx");
    built.push(["WPS blank template", check(readDocument(new Uint8Array(readFileSync(real))))]);
  }
  return built;
}

describe("rule messages, as a clerk reads them", () => {
  const all = results();
  const findings: Finding[] = all.flatMap(([, result]) => result.findings);

  it("come from every rule at least once here, so each is read below", () => {
    const seen = new Set(findings.map((f) => f.rule));
    expect(RULE_IDS.filter((id) => !seen.has(id))).toEqual([]);
  });

  it("keep one spacing convention around figures", () => {
    expect(findings.map((f) => spacingFault(f.message)).filter(Boolean)).toEqual([]);
    expect(RULES.map((r) => spacingFault(r.meta.description)).filter(Boolean)).toEqual([]);
  });

  it("name no rule id and hold no English words or developer terms", () => {
    const ids = new RegExp(`\\b(${RULE_IDS.join("|")})\\b`);
    const english = /[A-Za-z]{2,}/;
    const jargon = /已按第.部分识别|识别为|解析|字段|null|undefined|NaN|\[object/;
    const bad = findings
      .map((f) => f.message)
      .filter((m) => ids.test(m) || english.test(m) || jargon.test(m));
    expect(bad).toEqual([]);
  });

  it("check the convention itself", () => {
    expect(spacingFault("应使用2021 年格式")).not.toBe("");
    expect(spacingFault("本年“上年结转” 3")).not.toBe("");
    expect(spacingFault("相差  1")).not.toBe("");
    expect(spacingFault("（一）予以公开 12 + （二）部分公开 2 = 14")).toBe("");
    expect(spacingFault("标题年份 2022 年与统计期限 2021 年不一致")).toBe("");
    expect(spacingFault("填为“22（其中修订16件）”，已按 22 计算")).toBe("");
    expect(spacingFault("应使用 2021 年新格式（国办公开办函〔2021〕30号）")).toBe("");
  });
});
