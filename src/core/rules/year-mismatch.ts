import type { ReportModel } from "../recognize/model";
import type { Rule, RuleFinding } from "./types";

export const yearMismatch: Rule<"year-mismatch"> = {
  meta: {
    id: "year-mismatch",
    severity: "warning",
    name: "年度不一致",
    description:
      "标题年份与统计期限年份应一致，统计期限应为同一年的 1 月 1 日至 12 月 31 日；“总体情况”不应通篇写的是别的年份",
    remedy: "请核对标题、统计期限和正文中的年份。",
    basis:
      "《中华人民共和国政府信息公开条例》第四十九条（上一年度的年度报告）；报告惯例写明统计期限",
  },
  check({ model }) {
    const { title, period } = model;
    const findings: RuleFinding[] = [];
    const stale = staleBodyYear(model);
    if (!period) return stale ? [stale] : [];
    const anchors = [{ kind: "paragraph" as const, paragraphIndex: period.paragraphIndex }];
    const location = { paragraph: period.paragraphIndex, text: period.text };
    // Whatever year the period gives, even written wrongly (period-invalid says what is wrong).
    const periodYear = period.startYear ?? period.endYear;
    if (title?.year != null && periodYear !== null && title.year !== periodYear) {
      findings.push({
        message: `标题年份 ${title.year} 年与统计期限 ${periodYear} 年不一致`,
        location,
        expected: title.year,
        actual: periodYear,
        anchors,
      });
    }
    const reversed = period.problems.some((p) => p.kind === "order");
    if (
      period.startYear !== null &&
      period.endYear !== null &&
      period.endYear !== period.startYear &&
      !reversed
    ) {
      findings.push({
        message: `统计期限起于 ${period.startYear} 年、止于 ${period.endYear} 年，应为同一年的 1 月 1 日至 12 月 31 日`,
        location,
        anchors,
      });
    }
    if (stale) findings.push(stale);
    return findings;
  },
};

/** Sentences that speak of other years on purpose: plans, comparisons, history. */
const NOT_THE_WORKING_YEAR =
  /将|计划|下一步|明年|来年|同比|较|比上年|上年|去年|以来|自\d{4}|至今|历年|累计/;

/**
 * 一、总体情况 written for another year: the report year never appears there, while one other
 * year does, repeatedly (a report copied from last year's with only the title changed).
 */
function staleBodyYear(model: ReportModel): RuleFinding | null {
  if (model.year === null) return null;
  const counts = new Map<number, { n: number; paragraph: number; text: string }>();
  let reportYearMentioned = false;
  for (const paragraph of model.paragraphs) {
    if (paragraph.section !== "一" || paragraph.isHeading) continue;
    for (const sentence of paragraph.text.match(/[^。；;！!？?]+[。；;！!？?]?/g) ?? []) {
      if (NOT_THE_WORKING_YEAR.test(sentence)) continue;
      for (const match of sentence.matchAll(/((?:19|20)\d{2})\s*年/g)) {
        const year = Number(match[1]);
        if (year === model.year) reportYearMentioned = true;
        const seen = counts.get(year) ?? {
          n: 0,
          paragraph: paragraph.paragraphIndex,
          text: sentence.trim(),
        };
        seen.n++;
        counts.set(year, seen);
      }
    }
  }
  const others = [...counts].filter(([year]) => year !== model.year);
  if (reportYearMentioned || others.length !== 1) return null;
  const [year, seen] = others[0] as [number, { n: number; paragraph: number; text: string }];
  if (seen.n < 2) return null;
  return {
    message: `“一、总体情况”写的是 ${year} 年（${seen.n} 处），没有提到报告年度 ${model.year} 年，可能沿用了往年报告，请核对`,
    location: { paragraph: seen.paragraph, text: seen.text },
    expected: model.year,
    actual: year,
    anchors: [{ kind: "paragraph", paragraphIndex: seen.paragraph }],
  };
}
