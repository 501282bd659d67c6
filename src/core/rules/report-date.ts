/**
 * The date the report carries (its 落款 under the last section, or a 成文日期/发布日期 line) is
 * after the statutory deadline for the report year, or before the statistics period ends.
 * 条例第四十九条: a 县级以上人民政府部门 publishes its report by 1月31日; a 县级以上地方人民政府's
 * report is published by 3月31日. The 条例 sets no date for 乡镇 and 街道: they get the later
 * one. Both dates can be set in the options (a province may ask for earlier ones).
 */
import { DEFAULT_RULE_OPTIONS } from "../check/rule-options";
import type { BodyParagraph } from "../recognize/model";
import { flat, unitKind, writtenParagraphs } from "./prose";
import type { Rule } from "./types";

interface WrittenDate {
  written: string;
  year: number;
  month: number;
  day: number;
}

const DIGITS = "〇○零一二三四五六七八九";
const ARABIC = /(\d{4})(?:年(\d{1,2})月(\d{1,2})日|[-./](\d{1,2})[-./](\d{1,2}))/;
const CHINESE = new RegExp(`([${DIGITS}]{4})年([${DIGITS}十]{1,3})月([${DIGITS}十]{1,3})日`);
/** A 落款 line: nothing but the date. */
const SIGNATURE = new RegExp(`^(?:${ARABIC.source}|${CHINESE.source})日?$`);
/** A labelled date: 成文日期：2022年1月17日. */
const LABELLED = new RegExp(
  `(?:成文日期|印发日期|发文日期|落款日期|发布日期|公开日期|发布时间)[:]?(?:${ARABIC.source}|${CHINESE.source})`,
);

export const reportDate: Rule<"report-date"> = {
  meta: {
    id: "report-date",
    severity: "info",
    name: "报告日期不合期限",
    remedy: "请核对报告日期，并按期公布年度报告。",
    description:
      "报告落款（或成文、发布）日期晚于法定公布期限（部门 1 月 31 日、人民政府 3 月 31 日），或早于统计期限结束",
    basis:
      "《中华人民共和国政府信息公开条例》第四十九条（县级以上人民政府部门每年 1 月 31 日前、县级以上地方人民政府每年 3 月 31 日前公布上一年度年度报告）",
  },
  check({ model, options = DEFAULT_RULE_OPTIONS }) {
    if (model.year === null) return [];
    const found = findDate(writtenParagraphs(model));
    if (!found) return [];
    const { paragraph, date } = found;
    const settings = options["report-date"];
    const department = unitKind(model.title?.unit ?? null) === "department";
    const [month, day] = (department ? settings.departmentDeadline : settings.governmentDeadline)
      .split("-")
      .map(Number) as [number, number];
    const key = (y: number, m: number, d: number) => y * 10000 + m * 100 + d;
    const dated = key(date.year, date.month, date.day);
    const who = department ? "部门" : "人民政府";
    let message: string | null = null;
    if (dated <= key(model.year, 12, 31))
      message = `报告日期“${date.written}”早于统计期限结束（${model.year} 年 12 月 31 日），请核对日期或年度`;
    else if (dated > key(model.year + 1, month, day))
      message = `报告日期“${date.written}”晚于${who}公布 ${model.year} 年度报告的期限（${model.year + 1} 年 ${month} 月 ${day} 日），请核对`;
    if (!message) return [];
    return [
      {
        message,
        location: { paragraph: paragraph.paragraphIndex, text: flat(paragraph.text) },
        anchors: [{ kind: "paragraph", paragraphIndex: paragraph.paragraphIndex }],
      },
    ];
  },
};

/** The 落款 among the last written paragraphs, else the first labelled date. */
function findDate(
  paragraphs: BodyParagraph[],
): { paragraph: BodyParagraph; date: WrittenDate } | null {
  for (const paragraph of paragraphs.slice(-3).reverse()) {
    const text = flat(paragraph.text);
    if (!SIGNATURE.test(text)) continue;
    const date = readDate(text);
    if (date) return { paragraph, date };
  }
  for (const paragraph of paragraphs) {
    const match = LABELLED.exec(flat(paragraph.text));
    const date = match ? readDate(match[0]) : null;
    if (date) return { paragraph, date };
  }
  return null;
}

function readDate(text: string): WrittenDate | null {
  const arabic = ARABIC.exec(text);
  if (arabic) {
    const [written, year = "", m1, d1, m2, d2] = arabic;
    return valid({ written, year: Number(year), month: Number(m1 ?? m2), day: Number(d1 ?? d2) });
  }
  const chinese = CHINESE.exec(text);
  if (!chinese) return null;
  const [written, year = "", month = "", day = ""] = chinese;
  return valid({
    written,
    year: Number([...year].map((c) => digit(c)).join("")),
    month: chineseNumber(month),
    day: chineseNumber(day),
  });
}

function valid(date: WrittenDate): WrittenDate | null {
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][date.month - 1] ?? 0;
  return date.year >= 1990 && date.day >= 1 && date.day <= days ? date : null;
}

function digit(c: string): number {
  return c === "〇" || c === "○" || c === "零" ? 0 : "一二三四五六七八九".indexOf(c) + 1;
}

/** 一 … 九, 十, 十七, 二十, 三十一. */
function chineseNumber(text: string): number {
  if (!text.includes("十")) return digit(text);
  const [tens = "", units = ""] = text.split("十");
  return (tens === "" ? 1 : digit(tens)) * 10 + (units === "" ? 0 : digit(units));
}
