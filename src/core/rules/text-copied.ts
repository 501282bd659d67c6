import type { CopiedPassage } from "../similarity/similarity";
import type { Anchor, Rule } from "./types";

/** Passages quoted in the message, and paragraphs marked. */
const QUOTED = 3;
const MARKED = 5;
const QUOTE_LENGTH = 40;

export const textCopied: Rule<"text-copied"> = {
  meta: {
    id: "text-copied",
    severity: "info",
    name: "与上年报告文字雷同",
    remedy: "请按本年度工作情况重写相同的段落。",
    description:
      "正文与上年报告大段相同（重复率超过阈值，默认 50%；需提供上年报告；表格和标题不计）",
    basis:
      "《中华人民共和国政府信息公开条例》第五十条：年度报告的内容是“上一年度”的工作情况；照搬上年报告在多地考核中扣分（评估实践，非法定条款）",
  },
  check({ copying }) {
    if (!copying || copying.measure.similarity < copying.threshold) return [];
    const { measure, threshold } = copying;
    const passages = measure.passages.slice(0, QUOTED).map(quote).join("；");
    const anchors: Anchor[] = [
      ...new Set(measure.passages.slice(0, MARKED).map((p) => p.paragraphIndex)),
    ].map((paragraphIndex) => ({ kind: "paragraph", paragraphIndex }));
    return [
      {
        message: `正文与上年报告的文字重复率为 ${percent(measure.similarity)}%（超过 ${percent(threshold)}%），最长的相同段落：${passages}。请按本年度工作情况重写`,
        location: {},
        actual: percent(measure.similarity),
        expected: percent(threshold),
        anchors,
      },
    ];
  },
};

function percent(share: number): number {
  return Math.round(share * 100);
}

function quote(passage: CopiedPassage): string {
  const text =
    passage.text.length > QUOTE_LENGTH ? `${passage.text.slice(0, QUOTE_LENGTH)}…` : passage.text;
  return `“${text}”（第 ${passage.paragraphIndex + 1} 段，${passage.length} 字）`;
}
