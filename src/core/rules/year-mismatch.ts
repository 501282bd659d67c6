import type { Rule, RuleFinding } from "./types";

export const yearMismatch: Rule = {
  meta: {
    id: "year-mismatch",
    severity: "warning",
    category: "口径一致",
    description: "标题年份与统计期限年份应一致，统计期限应为同一年的 1 月 1 日至 12 月 31 日",
    basis: "《政府信息公开条例》第四十九条（上一年度的年度报告）；报告惯例写明统计期限",
  },
  check({ model }) {
    const { title, period } = model;
    const findings: RuleFinding[] = [];
    if (!period || period.startYear === null) return findings;
    const anchors = [{ kind: "paragraph" as const, paragraphIndex: period.paragraphIndex }];
    const location = { paragraph: period.paragraphIndex, text: period.text };
    if (title?.year != null && title.year !== period.startYear) {
      findings.push({
        message: `标题年份 ${title.year} 年与统计期限 ${period.startYear} 年不一致`,
        location,
        expected: title.year,
        actual: period.startYear,
        anchors,
      });
    }
    if (period.endYear !== null && period.endYear !== period.startYear) {
      findings.push({
        message: `统计期限起止年份不一致：自 ${period.startYear} 年 1 月 1 日至 ${period.endYear} 年 12 月 31 日`,
        location,
        anchors,
      });
    }
    return findings;
  },
};
