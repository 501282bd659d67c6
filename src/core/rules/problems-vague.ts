/**
 * 五、存在的主要问题及改进情况 written for form's sake: too short, naming no problem (「无」,
 * 「未发现问题」) or no improvement. With the option `previousYear`, it must also say how last
 * year's problems were rectified, as some provinces require (the national text we could read
 * does not say so, and none of the real reports we hold does it, so it is off by default).
 */
import { DEFAULT_RULE_OPTIONS } from "../check/rule-options";
import { characterCount, flat, headingAnchor, sectionParagraphs, sectionWritten } from "./prose";
import type { Rule } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

/** Saying there is no problem is not naming one. */
const DENIAL =
  /(?:不存在|没有|未发现|未发生|无|暂无|尚无)(?:明显|突出|主要|重大|任何|什么)?(?:的)?(?:问题|不足)/g;
const PROBLEM =
  /问题|不足|薄弱|短板|差距|欠缺|有待|不够|不到位|不及时|不全面|不规范|不充分|不强|不高|不深|不细|不均衡|不平衡|滞后|困难|缺乏|仍需|亟待|亟需|需进一步|需要进一步|偏少|偏低|较少|较弱|单一/;
const IMPROVEMENT =
  /改进|整改|加强|完善|提升|提高|推进|强化|优化|健全|建立|规范|落实|加大|深化|拓展|拓宽|创新|下一步|下步|计划|将|拟|着力|持续|继续|进一步/;
const PREVIOUS_YEAR = /上一?年度?|去年|上年|\d{4}年度?年报|往年/;
const RECTIFIED = /整改|改进|落实|解决|完成/;

export const problemsVague: Rule<"problems-vague"> = {
  meta: {
    id: "problems-vague",
    severity: "info",
    name: "存在问题写得过简",
    remedy: "请如实写明本年度存在的主要问题和具体改进措施。",
    description:
      "“五、存在的主要问题及改进情况”过于简略：字数少于下限，或没有写出具体问题、改进措施（可设置字数下限，并可要求说明上年度问题的整改情况）",
    basis: `《中华人民共和国政府信息公开条例》第五十条第（四）项：“上一年度政府信息公开工作存在的主要问题及改进情况”；${FORMAT_2021_NOTICE}一、报告内容：“不能遗漏，也不宜泛化”`,
  },
  check({ model, options = DEFAULT_RULE_OPTIONS }) {
    if (!sectionWritten(model, "五")) return [];
    const settings = options["problems-vague"];
    const paragraphs = sectionParagraphs(model, "五");
    const text = paragraphs.map((p) => flat(p.text)).join("\n");
    const count = characterCount(paragraphs);
    const reasons: string[] = [];
    if (count < settings.minLength)
      reasons.push(`只有 ${count} 字（下限 ${settings.minLength} 字）`);
    if (!PROBLEM.test(text.replace(DENIAL, ""))) reasons.push("没有写出存在的具体问题");
    if (!IMPROVEMENT.test(text)) reasons.push("没有写出改进措施");
    if (settings.previousYear && !mentionsPreviousYear(text))
      reasons.push("没有说明上一年度报告所提问题的整改情况");
    if (reasons.length === 0) return [];
    return [
      {
        message: `“五、存在的主要问题及改进情况”${reasons.join("，")}。请如实写明本年度存在的主要问题和具体改进措施${settings.previousYear ? "，以及上一年度所提问题的整改情况" : ""}`,
        location: { section: "五" },
        anchors: headingAnchor(model, "五"),
      },
    ];
  },
};

function mentionsPreviousYear(text: string): boolean {
  return text
    .split(/[。;\n]/)
    .some((sentence) => PREVIOUS_YEAR.test(sentence) && RECTIFIED.test(sentence));
}
