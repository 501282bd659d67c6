/**
 * A people's government's report that never reports 工作考核、社会评议和责任追究结果情况:
 * 条例第五十条第（四）项 asks it of 各级人民政府, and the 2021 format puts it in 一、总体情况
 * under 监督保障. It applies to governments only (from a 乡镇 up, 人民政府 or 政府 in the unit's
 * name, or a bare place name such as 苏溪镇), not to departments, and not to a 街道办事处 (a
 * 派出机关, not a level of government) unless the options ask for it. Each of the three is
 * looked for anywhere in the report, in any of the words clerks use.
 */
import {
  flat,
  headingAnchor,
  sectionParagraphs,
  sectionWritten,
  unitKind,
  writtenParagraphs,
} from "./prose";
import { DEFAULT_RULE_OPTIONS } from "../check/rule-options";
import type { Rule } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

const ITEMS: { name: string; words: RegExp }[] = [
  { name: "工作考核", words: /考核|考评|绩效|督查|测评|评估/ },
  { name: "社会评议", words: /评议|满意度|群众评价|社会评价|第三方评估/ },
  {
    name: "责任追究",
    words: /责任追究|追究[^。;]{0,12}责任|问责|追责|通报批评|约谈|诫勉|处分/,
  },
];

export const oversightMissing: Rule<"oversight-missing"> = {
  meta: {
    id: "oversight-missing",
    severity: "warning",
    name: "未报告考核评议追责情况",
    remedy: "请在监督保障部分写明工作考核、社会评议和责任追究的结果。",
    description:
      "人民政府的报告没有报告政府信息公开工作考核、社会评议和责任追究结果情况（部门和街道办事处的报告不要求）",
    basis: `《中华人民共和国政府信息公开条例》第五十条第（四）项：“各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况”；${FORMAT_2021_NOTICE}附件“一、总体情况”`,
  },
  check({ model, options = DEFAULT_RULE_OPTIONS }) {
    const kind = unitKind(model.title?.unit ?? null);
    const applies =
      kind === "government" ||
      (kind === "subdistrict" && options["oversight-missing"].subdistricts);
    if (!applies || !sectionWritten(model, "一")) return [];
    const text = writtenParagraphs(model)
      .map((p) => flat(p.text))
      .join("\n");
    const missing = ITEMS.filter((item) => !item.words.test(text)).map((item) => item.name);
    if (missing.length === 0) return [];
    const oversight = sectionParagraphs(model, "一").find((p) => /监督保障/.test(p.text));
    return [
      {
        message: `报告没有写${missing.map((m) => `“${m}”`).join("、")}的结果情况；人民政府的年度报告应当在“一、总体情况”的监督保障部分报告工作考核、社会评议和责任追究结果情况`,
        location: { section: "一" },
        anchors: oversight
          ? [{ kind: "paragraph", paragraphIndex: oversight.paragraphIndex }]
          : headingAnchor(model, "一"),
      },
    ];
  },
};
