/**
 * 一、总体情况 longer than a local limit (some cities ask for 1000 字 at most). There is no
 * national limit, so the rule does nothing until a limit is set in the options.
 */
import { DEFAULT_RULE_OPTIONS } from "../check/rule-options";
import { characterCount, headingAnchor, sectionParagraphs } from "./prose";
import type { Rule } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

export const summaryLength: Rule<"summary-length"> = {
  meta: {
    id: "summary-length",
    severity: "info",
    name: "总体情况篇幅过长",
    remedy: "请精简“一、总体情况”，只写综述。",
    description:
      "“一、总体情况”的字数超过设定的上限（全国格式未规定上限，默认不检查；可按本地要求设置，如 1000 字）",
    basis: `地方年度报告编制要求（如“总体情况不超过 1000 字”，评估实践，非法定条款）；${FORMAT_2021_NOTICE}附件“一、总体情况”`,
  },
  check({ model, options = DEFAULT_RULE_OPTIONS }) {
    const limit = options["summary-length"].maxLength;
    if (limit === null) return [];
    const count = characterCount(sectionParagraphs(model, "一"));
    if (count <= limit) return [];
    return [
      {
        message: `“一、总体情况”共 ${count} 字，超过 ${limit} 字的上限 ${count - limit} 字，请精简为综述`,
        location: { section: "一" },
        expected: limit,
        actual: count,
        anchors: headingAnchor(model, "一"),
      },
    ];
  },
};
