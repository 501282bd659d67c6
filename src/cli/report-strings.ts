/**
 * The words of the reports the command line writes (text, CSV, HTML), in one place. Short
 * Chinese names of the rules live here too: RuleMeta has a one-line description, too long for
 * a spreadsheet column; a rule without a name here shows its description.
 */
import { RULE_NAMES, SEVERITY_NAMES, type RuleId, type Severity, type FormatId } from "../core";

export const SEVERITY_WORD: Record<Severity, string> = SEVERITY_NAMES;

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: `✖ ${SEVERITY_NAMES.error}`,
  warning: `▲ ${SEVERITY_NAMES.warning}`,
  info: `ℹ ${SEVERITY_NAMES.info}`,
};

/** A file's status in one word: what a supervising office filters on. */
export const STATUS = {
  passed: "通过",
  errors: "有错误",
  warnings: "有警告",
  notes: "有提示",
  unreadable: "无法读取",
  notChecked: "未检查",
  excluded: "已跳过",
} as const;

export { RULE_NAMES };

export function ruleName(rule: string): string {
  return RULE_NAMES[rule as RuleId] ?? rule;
}

/** 「适用 2021 年新格式」: the format a report is checked against, said as a clerk would. */
export const FORMAT_LABEL: Record<FormatId | "unknown", string> = {
  "2021": "适用 2021 年新格式",
  "2019": "适用 2019 年试行格式",
  unknown: "格式未识别",
};

export const REPORT = {
  wholeDocument: "标题及全文",
  paragraph: (n: number) => `第 ${n} 段`,
  yearReport: (year: number) => `${year} 年度报告`,
  yearUnknown: "年度未识别",
  unitUnknown: "单位未识别",
  noFindings: "✔ 未发现问题",
  noFindingsPlain: "未发现问题",
  checkedClean: "已检查，未发现问题",
  notChecked: "⊘ 未检查",
  unreadable: "✖ 无法读取",
  unreadableReason: (message: string) => `无法读取：${message}`,
  notCheckedPrefix: "未检查：",
  copy: (path: string) => `批注副本：${path}`,
  counts: (errors: number, warnings: number, infos: number) =>
    `错误 ${errors} · 警告 ${warnings} · 提示 ${infos}`,
  /** The n-th of several reports in one document (a 汇编). */
  reportHeading: (n: number, total: number, description: string) =>
    `第 ${n} 份（共 ${total} 份）：${description}`,
  severalUnits: (first: string, count: number) => `${first} 等 ${count} 个单位`,
  reportsInFile: (count: number) => `本文件含 ${count} 份年度报告，逐份检查`,
  copiesNote: (count: number) => `另有 ${count} 个批注副本（*.校核.docx）为本工具生成，不再检查`,
  folderSeenNote: (path: string, message: string) => `“${path}”${message}`,
};

/** --baseline, --previous similarity and --cross-similarity, in every report. */
export const REVIEW = {
  statusTag: { new: "［新］", open: "［未改］" } as Record<"new" | "open", string>,
  statusWord: { new: "新发现", open: "未改正", fixed: "已改正" },
  fixedLabel: "✔ 已改正",
  fixedHeading: "上一轮指出、本轮已改正：",
  counts: (baselineFile: string | null, fixed: number, open: number, added: number) =>
    baselineFile === null
      ? `上一轮无此单位：新发现 ${added}`
      : `与上一轮（${baselineFile}）相比：已改正 ${fixed} · 未改正 ${open} · 新发现 ${added}`,
  totals: (file: string, fixed: number, open: number, added: number) =>
    `与上一轮校核结果“${file}”相比：已改正 ${fixed} 项，未改正 ${open} 项，新发现 ${added} 项`,
  missing: (unit: string) => `上一轮有、本轮未收到：${unit}`,
  unitRef: (unit: string | null, file: string) => (unit ? `${unit}（${file}）` : file),
  percent: (share: number) => `${Math.round(share * 100)}%`,
  similarity: (share: number) => `与上年报告文字重复率 ${Math.round(share * 100)}%`,
  crossHeading: "跨单位雷同（正文文字重复率超过阈值的两个单位）",
  crossNone: "未发现",
  csvHeader: "与上一轮相比",
  htmlSimilarity: "重复率",
};

/** --previous: the report each file was compared with, in every report. */
export const PREVIOUS_FILE = {
  compared: (path: string, year: number | null) =>
    `上年度报告：${path}${year === null ? "" : `（${year} 年度）`}`,
  /** The CSV row's 规则编号. */
  csvId: "previous",
};

/** 共 9 个文件：已检查 6，2 个有错误，无法读取 1，未检查 2 */
export const SUMMARY = {
  files: (total: number, checked: number) => `共 ${total} 个文件：已检查 ${checked}`,
  withErrors: (n: number) => `${n} 个有错误`,
  unreadable: (n: number) => `无法读取 ${n}`,
  notChecked: (n: number) => `未检查 ${n}`,
  copyFailures: (n: number) => `批注副本未能生成 ${n}`,
  /** After 「已写入 …」: 共 12 个文件：错误 30 项，警告 8 项 */
  totals: (files: number, errors: number, warnings: number, unreadable: number) =>
    `共 ${files} 个文件：错误 ${errors} 项，警告 ${warnings} 项${unreadable ? `，${unreadable} 个无法读取` : ""}`,
};

export const CSV_HEADER = [
  "文件",
  "单位",
  "年度",
  "状态",
  "严重程度",
  "部分",
  "位置",
  "问题说明",
  "规则名称",
  "规则编号",
];

export const HTML = {
  title: "年报校核报告",
  intro: (p: {
    total: string;
    checked: string;
    unreadable: string;
    notChecked: string;
    errors: string;
    warnings: string;
    infos: string;
    time: string;
  }) =>
    `共 ${p.total} 个文件：已检查 ${p.checked} 个，无法读取 ${p.unreadable} 个，未检查 ${p.notChecked} 个。错误 ${p.errors} 项，警告 ${p.warnings} 项，提示 ${p.infos} 项。生成于 ${p.time}（在本机检查，文档内容未上传）。`,
  summaryHeader: ["文件", "单位", "年度", "状态", "错误", "警告", "提示"],
  findingsHeader: ["严重程度", "问题说明", "位置", "规则"],
  fixedHeader: ["与上一轮相比", "严重程度", "问题说明", "规则"],
  crossHeader: ["单位", "单位", "重复率"],
};

/** The 整改台账 workbook (--format xlsx). */
export const XLSX = {
  title: "年报整改台账",
  /** The font WPS and Chinese Excel use by default. */
  font: "宋体",
  summarySheet: "汇总",
  findingsSheet: "整改台账",
  summaryHeader: {
    unit: "单位",
    file: "文件",
    year: "年度",
    format: "格式",
    status: "检查结果",
    errors: "错误",
    warnings: "警告",
    infos: "提示",
    review: "与上一轮相比",
    similarity: "与上年重复率",
    note: "说明",
  },
  findingsHeader: {
    unit: "单位",
    file: "文件",
    section: "部分",
    severity: "严重程度",
    rule: "问题类型",
    message: "问题说明",
    location: "位置",
    status: "整改状态",
    remedy: "整改情况",
  },
  format: { "2021": "2021 年新格式", "2019": "2019 年试行格式", unknown: "未识别" } as Record<
    FormatId | "unknown",
    string
  >,
  findingStatus: { new: "新增", open: "未整改", fixed: "已整改" } as Record<string, string>,
  review: (fixed: number, open: number, added: number) =>
    `已整改 ${fixed}，未整改 ${open}，新增 ${added}`,
};
