import { sectionTitle } from "../formats/describe";
import type { Rule } from "./types";

export const sectionTitleRule: Rule<"section-title"> = {
  meta: {
    id: "section-title",
    severity: "info",
    name: "部分标题不规范",
    description: "部分标题与法定标题不一致，建议改用法定标题",
    remedy: "建议改用法定标题。",
    basis: "国办公开办函〔2021〕30号 附件格式的标题表述",
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
