/**
 * Text normalization for matching statutory labels and headings. Reports are typed by hand,
 * pasted from web pages and converted by several programs, so the same label arrives with
 * full- or half-width punctuation, stray spaces, line breaks and curly or straight quotes.
 */

const QUOTES = /["'“”‘’「」『』]/g;
const WHITESPACE = /[\s\u3000\u00a0\u200b\ufeff]+/g;
const TRADITIONAL: Record<string, string> = {
  資: "资",
  訊: "讯",
  開: "开",
  報: "报",
  請: "请",
  處: "处",
  結: "结",
  轉: "转",
  總: "总",
  計: "计",
  數: "数",
  銷: "销",
  執: "执",
  權: "权",
  審: "审",
  訴: "诉",
  訟: "讼",
  復: "复",
  議: "议",
  規: "规",
  範: "范",
  費: "费",
  許: "许",
  決: "决",
  維: "维",
  糾: "纠",
  機: "机",
  構: "构",
  會: "会",
  組: "组",
  織: "织",
  務: "务",
  業: "业",
  與: "与",
  況: "况",
  問: "问",
  題: "题",
  進: "进",
  項: "项",
  號: "号",
  條: "条",
  應: "应",
  實: "实",
  際: "际",
  廢: "废",
  現: "现",
  僅: "仅",
  無: "无",
  另: "另",
  製: "制",
  內: "内",
  確: "确",
  認: "认",
  護: "护",
  獲: "获",
  補: "补",
  剩: "剩",
  誤: "误",
  統: "统",
};
const TRADITIONAL_RE = new RegExp(`[${Object.keys(TRADITIONAL).join("")}]`, "g");

const MEMO_LIMIT = 20_000;
const memo = new Map<string, string>();

/** NFKC (full-width to half-width), simplified characters, no whitespace, no quotes. */
export function normalizeLabel(text: string): string {
  let normalized = memo.get(text);
  if (normalized === undefined) {
    // Recognition asks for the same cell labels many times; the memo is bounded for batches.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    normalized = computeLabel(text);
    memo.set(text, normalized);
  }
  return normalized;
}

function computeLabel(text: string): string {
  return text
    .normalize("NFKC")
    .replace(TRADITIONAL_RE, (ch) => TRADITIONAL[ch] ?? ch)
    .replace(WHITESPACE, "")
    .replace(QUOTES, "")
    .replace(/[．。](?=\S)/g, ".")
    .replace(/^(\d+)[、,]/, "$1.");
}

/** NFKC plus collapsed whitespace; keeps the words apart. Used for prose. */
export function normalizeProse(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u3000\u00a0\u200b\ufeff]/g, " ")
    .replace(/[ \t]+/g, " ")
    .trim();
}

const CHINESE_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"] as const;

export function chineseNumeral(n: number): string {
  if (n >= 1 && n <= 10) return CHINESE_NUMERALS[n - 1] as string;
  if (n > 10 && n < 20) return `十${CHINESE_NUMERALS[n - 11] as string}`;
  return String(n);
}

export function parseChineseNumeral(text: string): number | null {
  const i = CHINESE_NUMERALS.indexOf(text as (typeof CHINESE_NUMERALS)[number]);
  if (i >= 0) return i + 1;
  const teen = /^十([一二三四五六七八九])$/.exec(text);
  if (teen) return 10 + CHINESE_NUMERALS.indexOf(teen[1] as (typeof CHINESE_NUMERALS)[number]) + 1;
  return null;
}

export interface NumberedLabel {
  /** The numbering as written, normalized: "一、", "(一)", "1." or "" when none. */
  numbering: string;
  /** Which kind of numbering. */
  level: "chinese" | "bracketed" | "arabic" | "none";
  /** The number the numbering stands for, or null. */
  ordinal: number | null;
  /** The label without its numbering. */
  core: string;
}

/** The numberings of a label, outermost first: its pattern, and the number its digits stand for. */
const NUMBERINGS: [RegExp, NumberedLabel["level"], (digits: string) => number | null][] = [
  [/^([一二三四五六七八九十]+)[、.,:]/, "chinese", parseChineseNumeral],
  [/^\(([一二三四五六七八九十]+)\)/, "bracketed", parseChineseNumeral],
  [/^(\d{1,2})[.、,)](?!\d)/, "arabic", Number],
];

/** Splits "（三）不予公开", "一、本年新收…", "1.属于国家秘密" into numbering and text. */
export function splitNumbering(normalized: string): NumberedLabel {
  for (const [pattern, level, ordinal] of NUMBERINGS) {
    const match = pattern.exec(normalized);
    if (match)
      return {
        numbering: match[0],
        level,
        ordinal: ordinal(match[1] as string),
        core: normalized.slice(match[0].length),
      };
  }
  return { numbering: "", level: "none", ordinal: null, core: normalized };
}

/** Dice coefficient over character bigrams: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const gram = a.slice(i, i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const gram = b.slice(i, i + 2);
    const n = counts.get(gram);
    if (n) {
      shared++;
      counts.set(gram, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}
