/**
 * For each rule, reports that set it off, built as clerks write them: each example message in
 * docs/rules/<id>.md must be one of the rule's findings on these (test/repo-policy/rule-docs.test.ts). A
 * Record over the rule ids, so a new rule asks for its examples.
 */
import { check, type CheckResult } from "../../src/core";
import { FORMATS } from "../../src/core/formats";
import { readDocument } from "../../src/core/ooxml/read-document";
import type { RuleId } from "../../src/core/rules/types";
import { bodyOf } from "./body-of";
import { checkReport } from "./check-helpers";
import {
  BALANCED_TABLE3,
  DEFAULT_PROSE,
  docx,
  documentXml,
  heading,
  relabel,
  statutoryReport,
  table,
  table3Rows,
  TABLE3_UNPAID_FEE,
  textOf,
  type RowSpec,
  type Values,
} from "./docx-builder";

const checkBody = (body: string) => check(readDocument(docx(documentXml(body))));
const report = () => bodyOf(statutoryReport());

/** Every row of table 三 left blank. */
const blankTable3: Values = Object.fromEntries(
  FORMATS["2021"].table3.rows.map((row) => [row.key, Array<string>(7).fill("")]),
);

/** 一 that lists the year's work item by item instead of summing it up. */
const DETAILED_SUMMARY = [
  "（一）主动公开情况",
  "全年通过镇政府网站主动公开政府信息198条，其中机构职能类12条、规划计划类9条、财政预决算类16条、政策文件类21条。",
  "（二）依申请公开情况",
  "全年收到政府信息公开申请20件，上年结转2件，均依法按期答复。",
];

/** Last year's 总体情况 kept word for word, as a clerk who edits only the year leaves it. */
const COPIED_PROSE = [
  "本镇认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，全年主动公开政府信息120条，将政府信息公开工作纳入年度绩效考核，开展社会评议，全年未发生责任追究情况。",
  "严格落实政府信息公开保密审查制度，做到先审查、后公开，一事一审、全面审查。",
];

export const RULE_EXAMPLES: Record<RuleId, (() => CheckResult)[]> = {
  "section-missing": [() => checkReport({ omitSections: ["五"] })],
  "section-order": [
    () => checkReport({ omitSections: ["五"], headings: { 六: "五、其他需要报告的事项" } }),
  ],
  "section-title": [() => checkReport({ headings: { 五: "五、存在的主要问题及下步打算" } })],
  "table-missing": [() => checkReport({ omitTables: ["table2"] })],
  "table-structure": [
    () => checkReport({ editTable2: relabel("现行有效件数", "现行有效件") }),
    () =>
      checkReport({
        editTable3: (rows: RowSpec[]) =>
          rows.filter((row) => !row.some((c) => textOf(c).startsWith("2.重复申请"))),
      }),
    () =>
      checkReport({
        editTable4: (rows) => relabel("尚未审结", "尚未")(relabel("结果纠正", "结果")(rows)),
      }),
  ],
  "format-outdated": [() => checkReport({ format: "2019", year: 2022 })],
  "period-invalid": [
    () =>
      checkReport({
        year: 2021,
        period: "本报告中所列数据的统计期限自20211月1日起至202112月31日止。",
      }),
  ],
  "year-mismatch": [
    () => checkReport({ period: "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。" }),
  ],
  "cell-invalid": [
    () => checkReport({ table2: { normativeDocs: ["22、16", 0, 3], punishment: ["2.5"] } }),
  ],
  "cell-note": [() => checkReport({ table2: { rules: ["22（其中修订16件）", 0, 5] } })],
  "cell-blank": [
    () =>
      checkReport({
        table3: {
          ...BALANCED_TABLE3,
          new: [16, 0, 0, 0, 0, 0, 16],
          granted: [8, 0, 0, 0, 0, 0, ""],
          total: [14, 0, 0, 0, 0, 0, 14],
          carryForward: [4, 0, 0, 0, 0, 0, 4],
        },
        table2: { rules: ["", "", ""] },
      }),
    () => checkReport({ table3: blankTable3 }),
  ],
  "table3-row-total": [
    () => checkReport({ table3: { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] } }),
  ],
  "table3-results-total": [
    () => checkReport({ table3: { ...BALANCED_TABLE3, total: [15, 1, 0, 0, 0, 0, 16] } }),
  ],
  "table3-balance": [
    () => checkReport({ table3: { ...BALANCED_TABLE3, carryForward: [5, 1, 0, 0, 0, 0, 6] } }),
  ],
  "table4-total": [() => checkReport({ table4: { review: [44, 9, 5, 5, 62] } })],
  "text-table-mismatch": [() => checkReport({ prose: ["本年度共收到政府信息公开申请21件。"] })],
  "carryover-mismatch": [
    () =>
      checkReport(
        {},
        {
          previous: readDocument(
            statutoryReport({
              year: 2022,
              table3: { ...BALANCED_TABLE3, carryForward: [3, 0, 0, 0, 0, 0, 3] },
            }),
          ),
        },
      ),
  ],
  "inforce-rollforward": [
    () =>
      checkReport(
        { table2: { normativeDocs: [6, 2, 50] } },
        {
          previous: readDocument(
            statutoryReport({ year: 2022, table2: { normativeDocs: [3, 1, 40] } }),
          ),
        },
      ),
  ],
  "content-repeated": [
    () => {
      const body = report();
      const at = body.lastIndexOf("<w:p>", body.indexOf("四、政府信息公开"));
      const again = heading("三、收到和处理政府信息公开申请情况") + table(table3Rows("2021"), 10);
      return checkBody(body.slice(0, at) + again + body.slice(at));
    },
    () => {
      const body = report();
      return checkBody(body + body.slice(body.indexOf("</w:p>") + "</w:p>".length));
    },
    () =>
      checkBody(
        report().replace(/(<w:tbl>(?:(?!<w:tbl>).)*?本年新收(?:(?!<w:tbl>).)*?<\/w:tbl>)/s, "$1$1"),
      ),
  ],
  "title-wording": [() => checkReport({ title: "某某镇人民政府2023年政务公开工作年度总结" })],
  "basis-outdated": [
    () =>
      checkReport({
        prose: [
          "本年度报告根据《中华人民共和国政府信息公开条例》（国务院令第492号）要求编制。",
          ...DEFAULT_PROSE,
        ],
      }),
    () =>
      checkReport({
        year: 2022,
        prose: [
          "本报告按照《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）编制。",
          ...DEFAULT_PROSE,
        ],
      }),
  ],
  "report-date": [
    () => checkReport({ unit: "某某县财政局", closing: ["某某县财政局", "2024年2月5日"] }),
    () =>
      checkReport({ unit: "某某县人民政府", closing: ["某某县人民政府", "二〇二四年四月十日"] }),
    () => checkReport({ closing: ["某某镇人民政府", "2023年12月20日"] }),
  ],
  "summary-length": [
    () =>
      checkReport(
        { prose: [...DEFAULT_PROSE, ...DETAILED_SUMMARY] },
        { ruleOptions: { "summary-length": { maxLength: 100 } } },
      ),
  ],
  "oversight-missing": [
    () =>
      checkReport({
        prose: [
          "（五）监督保障",
          "我镇明确党政办负责政府信息公开工作，安排专人负责信息审核发布，定期组织业务培训。",
        ],
      }),
    () =>
      checkReport({
        prose: ["将政务公开纳入年度绩效考评，对工作不力的单位予以通报批评。"],
      }),
  ],
  "problems-vague": [
    () => checkReport({ sectionText: { 五: ["无。"] } }),
    () =>
      checkReport({
        sectionText: {
          五: ["本年度我单位政府信息公开工作运行平稳，各项制度执行良好，未发现明显问题。"],
        },
      }),
  ],
  "fee-statement-missing": [
    () => checkReport({ sectionText: { 六: ["无。"] } }),
    () =>
      checkReport({
        table3: TABLE3_UNPAID_FEE,
        sectionText: { 六: ["本年度无其他需要报告的事项。"] },
      }),
  ],
  "claim-contradiction": [
    () =>
      checkReport({
        prose: [...DEFAULT_PROSE, "全年共收到政府信息公开申请20件，均已按时办结。"],
      }),
    () => checkReport({ prose: [...DEFAULT_PROSE, "2023年度我镇未收到依申请公开政府信息。"] }),
    () =>
      checkReport({
        prose: [...DEFAULT_PROSE, "本年度未发生因政府信息公开引起的行政复议和行政诉讼。"],
      }),
  ],
  "text-copied": [
    () =>
      checkReport(
        { prose: COPIED_PROSE },
        {
          previous: readDocument(
            statutoryReport({
              year: 2022,
              prose: COPIED_PROSE,
              table3: { ...BALANCED_TABLE3, carryForward: [2, 0, 0, 0, 0, 0, 2] },
            }),
          ),
        },
      ),
  ],
};
