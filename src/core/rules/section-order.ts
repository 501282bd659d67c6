import { chineseNumeral } from "../text/normalize";
import { sectionTitle } from "../formats/describe";
import type { Rule, RuleFinding } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

export const sectionOrder: Rule<"section-order"> = {
  meta: {
    id: "section-order",
    severity: "warning",
    name: "部分顺序不对",
    description: "六个部分应按一至六的顺序排列，编号与法定部分一致",
    remedy: "请按法定顺序和编号调整各部分标题。",
    basis: `${FORMAT_2021_NOTICE}附件：“一、总体情况”至“六、其他需要报告的事项”六个部分依次排列`,
  },
  check({ model }) {
    const findings: RuleFinding[] = [];
    const ordinalOf = (id: string) => model.spec.sections.find((s) => s.id === id)?.ordinal ?? 0;
    let highest = 0;
    for (const section of model.sections) {
      const ordinal = ordinalOf(section.id);
      const anchors = [{ kind: "paragraph" as const, paragraphIndex: section.paragraphIndex }];
      if (ordinal < highest) {
        findings.push({
          message: `“${section.text}”应为第${chineseNumeral(ordinal)}部分，却排在第${chineseNumeral(highest)}部分之后，请调整顺序`,
          location: { section: section.id },
          anchors,
        });
      } else if (section.writtenOrdinal !== null && section.writtenOrdinal !== ordinal) {
        findings.push({
          message: `“${section.text}”编号有误：按内容是第${chineseNumeral(ordinal)}部分，应为“${sectionTitle(model.spec, section.id)}”`,
          location: { section: section.id },
          anchors,
        });
      }
      highest = Math.max(highest, ordinal);
    }
    return findings;
  },
};
