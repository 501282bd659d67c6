/** The report title (unit and year) and the statistics period sentence. */
import { normalizeProse } from "../text/normalize";
import type { SnapshotParagraph } from "../model/snapshot";
import type { PeriodInfo, PeriodProblem, TitleInfo } from "./model";

const TITLE_WORDS = /政府信息公开|年度报告|年报/;
const TITLE_TAIL = /(政府)?信息公开工作年度报告.*$|年度报告.*$/;
/** The blank template's 「（单位名称）」 (brackets already half-width): no unit has been named. */
const UNIT_PLACEHOLDER = /^\(?单位名称\)?$/;

/** Looks at the paragraphs before the first section heading. */
export function findTitle(leading: SnapshotParagraph[]): TitleInfo | null {
  const texts = leading.filter((p) => p.text.trim() !== "").slice(0, 8);
  const first = texts.findIndex((p) => TITLE_WORDS.test(p.text) && p.text.trim().length <= 60);
  if (first < 0) return null;
  const start = texts[first] as SnapshotParagraph;
  const parts = [start];
  // A title broken over two or three centred lines.
  if (start.alignment === "center") {
    for (let i = first + 1; i < texts.length && parts.length < 3; i++) {
      const next = texts[i] as SnapshotParagraph;
      if (
        next.alignment !== "center" ||
        next.text.trim().length > 30 ||
        /[。]$/.test(next.text.trim())
      )
        break;
      parts.push(next);
    }
  }
  const text = normalizeProse(parts.map((p) => p.text.trim()).join("")).replace(/\s*\n\s*/g, "");
  const yearMatch = /((?:19|20)\d{2})\s*年/.exec(text);
  const year = yearMatch ? Number(yearMatch[1]) : null;
  const unit = text
    .replace(/((?:19|20)\d{2})\s*年度?/, "")
    .replace(TITLE_TAIL, "")
    .replace(/^[\s\u3000、，,：:]+|[\s\u3000、，,：:]+$/g, "");
  const named = unit !== "" && !UNIT_PLACEHOLDER.test(unit);
  return { text, paragraphIndex: start.paragraphIndex, year, unit: named ? unit : null };
}

/** A date as clerks type it, 年 possibly missing: 「2021年1月1日」, 「20211月1日」, 「12月31日」. */
const DATE = /(?:(\d+)\s*年\s*)?(\d+)\s*月\s*(\d+)\s*日/;
/** 统计期限自…, 统计时间为…, 数据统计期间从…: the date must follow within a few characters. */
const PERIOD_START = new RegExp(
  `统计(?:期限|期间|时限|时段|区间|时间)?[^。；;\\d]{0,16}?${DATE.source}`,
);
const PERIOD_END = new RegExp(`^[^。；;\\d]{0,8}?(?:至|到|—|–|~|-)\\s*${DATE.source}`);

interface WrittenDate {
  written: string;
  /** The year that applies (the start's when the end gives none). */
  year: number | null;
  /** The year written in this date itself, 年 or not. */
  ownYear: number | null;
  month: number;
  day: number;
}

export function findPeriod(paragraphs: SnapshotParagraph[]): PeriodInfo | null {
  for (const paragraph of paragraphs) {
    const text = normalizeProse(paragraph.text);
    if (!text.includes("统计")) continue;
    const startMatch = PERIOD_START.exec(text);
    if (!startMatch) continue;
    const problems: PeriodProblem[] = [];
    const startText = startMatch[0].slice(startMatch[0].search(/\d/));
    const start = readDate(startText, startMatch.slice(1, 4), null, problems);
    const rest = text.slice(startMatch.index + startMatch[0].length);
    const endMatch = PERIOD_END.exec(rest);
    // A lone date is a period only when it is the first of January (「统计期限自2023年1月1日起」).
    if (!endMatch && !(start.month === 1 && start.day === 1)) continue;
    const end = endMatch
      ? readDate(
          endMatch[0].slice(endMatch[0].search(/\d/)),
          endMatch.slice(1, 4),
          start.year,
          problems,
        )
      : null;
    if (end && start.year !== null && problems.length === 0) checkOrder(start, end, problems);
    return {
      text,
      paragraphIndex: paragraph.paragraphIndex,
      startYear: start.year,
      endYear: end?.ownYear ?? null,
      problems,
    };
  }
  return null;
}

function readDate(
  written: string,
  [yearDigits, monthDigits = "", dayDigits = ""]: (string | undefined)[],
  yearBefore: number | null,
  problems: PeriodProblem[],
): WrittenDate {
  let ownYear: number | null = null;
  let monthText = monthDigits;
  let yearMarkMissing = false;
  const found: PeriodProblem[] = [];
  if (yearDigits !== undefined) {
    ownYear = yearDigits.length === 4 ? Number(yearDigits) : null;
    if (ownYear === null)
      found.push({
        kind: "year-digits",
        message: `“${written}”的年份“${yearDigits}”不是四位数`,
      });
  } else if (monthDigits.length > 2 && /^(19|20)\d{3,4}$/.test(monthDigits)) {
    // 「20211月1日」, 「202112月31日」: the year and the month run together, 年 left out.
    ownYear = Number(monthDigits.slice(0, 4));
    monthText = monthDigits.slice(4);
    yearMarkMissing = true;
  }
  const year = yearDigits !== undefined || ownYear !== null ? ownYear : yearBefore;
  const month = Number(monthText);
  const day = Number(dayDigits);
  if (month < 1 || month > 12) {
    found.push({ kind: "month", message: `“${written}”的月份 ${month} 不存在` });
  } else if (day < 1 || day > daysIn(year, month)) {
    found.push({ kind: "day", message: `“${written}”中 ${month} 月没有 ${day} 日` });
  }
  if (yearMarkMissing) {
    // The corrected date only when it is a real one; otherwise the other problem says why.
    const fix = found.length === 0 ? `，应为“${ownYear}年${month}月${day}日”` : "";
    found.unshift({ kind: "year-mark", message: `“${written}”缺少“年”字${fix}` });
  }
  problems.push(...found);
  return { written, year, ownYear, month, day };
}

function daysIn(year: number | null, month: number): number {
  if (month === 2) return year === null || isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function checkOrder(start: WrittenDate, end: WrittenDate, problems: PeriodProblem[]): void {
  if (end.year === null || start.year === null) return;
  const key = (d: WrittenDate) => (d.year ?? 0) * 10000 + d.month * 100 + d.day;
  if (key(start) > key(end))
    problems.push({
      kind: "order",
      message: `起始日期“${start.written}”晚于截止日期“${end.written}”`,
    });
}
