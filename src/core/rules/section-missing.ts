import { sectionTitle } from "../formats/describe";
import type { Rule } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

export const sectionMissing: Rule<"section-missing"> = {
  meta: {
    id: "section-missing",
    severity: "error",
    name: "缺少法定部分",
    description: "年度报告应包含六个法定部分（一、总体情况 … 六、其他需要报告的事项）",
    remedy: "请按法定格式补写这一部分。",
    basis: `《中华人民共和国政府信息公开条例》第五十条；${FORMAT_2021_NOTICE}一、报告内容：“年度报告内容，要严格按照《中华人民共和国政府信息公开条例》第五十条的规定确定，不能遗漏，也不宜泛化。”`,
  },
  check({ model }) {
    const found = new Set(model.sections.map((s) => s.id));
    return model.spec.sections
      .filter((spec) => !found.has(spec.id))
      .map((spec) => {
        const before = model.sections.filter((s) => ordinal(s.id) < spec.ordinal).pop();
        return {
          message: `缺少“${sectionTitle(model.spec, spec.id)}”`,
          location: { section: spec.id },
          anchors: before
            ? [{ kind: "paragraph" as const, paragraphIndex: before.paragraphIndex }]
            : [],
        };
      });
  },
};

function ordinal(id: string): number {
  return "一二三四五六".indexOf(id) + 1;
}
