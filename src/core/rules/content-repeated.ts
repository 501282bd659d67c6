import { TABLE_NAMES, TABLE_SHORT_NAMES } from "../formats/describe";
import type { SectionId } from "../formats/types";
import type { RepeatedPart } from "../recognize/reports";
import type { Anchor, Rule, RuleFinding } from "./types";
import { FORMAT_2021_NOTICE } from "./basis";

const TIMES = ["", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"];

export const contentRepeated: Rule<"content-repeated"> = {
  meta: {
    id: "content-repeated",
    severity: "warning",
    name: "内容重复",
    description: "报告的部分或统计表在同一份报告中重复出现",
    remedy: "请删除重复的一份。",
    basis: `${FORMAT_2021_NOTICE}附件：报告由“一、总体情况”至“六、其他需要报告的事项”六个部分组成，每部分一份`,
  },
  check({ model, repeated }) {
    return (repeated ?? []).map((part) => repeatedFinding(part, model.spec.sections));
  },
};

function repeatedFinding(
  part: RepeatedPart,
  specs: { id: SectionId; title: string }[],
): RuleFinding {
  const times = TIMES[part.occurrence]
    ? `出现了${TIMES[part.occurrence]}次`
    : `出现了 ${part.occurrence} 次`;
  const anchors: Anchor[] = [
    ...part.paragraphs.map((paragraphIndex) => ({ kind: "paragraph" as const, paragraphIndex })),
    ...(part.sections.length === 0
      ? part.tableIndices
          .filter((tableIndex) => tableIndex >= 0)
          .map((tableIndex) => ({ kind: "cell" as const, tableIndex, rowIndex: 0, cellIndex: 0 }))
      : []),
  ];
  const first = part.sections[0];
  if (first === undefined) {
    const table = part.tables[0] ?? "table3";
    return {
      message: `${TABLE_NAMES[table]}${times}，请删除多余的一份`,
      location: { table },
      anchors,
    };
  }
  const title = (id: SectionId) => specs.find((s) => s.id === id)?.title ?? "";
  const tables = part.tables.map((t) => TABLE_SHORT_NAMES[t]).join("、");
  const what =
    part.sections.length === 1
      ? `第${first}部分“${title(first)}”`
      : part.sections.length === 6
        ? `报告正文（第一至第六部分${tables ? `及${tables}` : ""}）`
        : `${part.sections.map((id) => `第${id}部分`).join("、")}${tables ? `及${tables}` : ""}`;
  const hint =
    part.sections.length === 1
      ? "请删除多余的一份"
      : `重复的一份从“${first}、${title(first)}”起，可能是重复插入了模板或重复粘贴，请删除多余的内容`;
  return {
    message: `${what}${times}，${hint}`,
    location: { section: first },
    anchors,
  };
}
