import { sectionTitle } from "../formats/describe";
import type { Rule } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

export const sectionTitleRule: Rule<"section-title"> = {
  meta: {
    id: "section-title",
    severity: "info",
    name: "部分标题不规范",
    description: "部分标题与法定标题不一致，建议改用法定标题",
    remedy: "建议改用法定标题。",
    basis: `${FORMAT_2021_NOTICE}附件各部分的标题，如“五、存在的主要问题及改进情况”`,
  },
  check({ model }) {
    return model.sections
      .filter((s) => s.quality !== "exact")
      .map((s) => ({
        message: `标题“${s.text}”与法定标题不一致，建议改为“${sectionTitle(model.spec, s.id)}”`,
        location: { section: s.id },
        anchors: [{ kind: "paragraph" as const, paragraphIndex: s.paragraphIndex }],
      }));
  },
};
