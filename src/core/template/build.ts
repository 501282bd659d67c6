/** Builds the template (or a part of it) from the format data. */
import { FORMATS } from "../formats";
import type { SectionId, SectionSpec } from "../formats/types";
import type { TemplateBlock, TemplateOptions, TemplateParagraph, TemplatePart } from "./model";
import { tableGrid } from "./grids";

export const UNIT_PLACEHOLDER = "（单位名称）";
export const PROSE_PLACEHOLDER = "（文字描述）";

const SUBHEADINGS_OF_OVERVIEW = [
  "（一）主动公开",
  "（二）依申请公开",
  "（三）政府信息管理",
  "（四）政府信息公开平台建设",
  "（五）监督保障",
];
const PLACEHOLDERS: Partial<Record<SectionId, string>> = {
  五: "（文字描述：本年度存在的主要问题及改进情况，上一年度问题的整改情况。）",
  六: "（文字描述：收取信息处理费情况在此处报告，以及其他需要报告的事项。）",
};

const paragraph = (role: TemplateParagraph["role"], text: string): TemplateParagraph => ({
  kind: "paragraph",
  role,
  text,
});

export function buildTemplate(options: TemplateOptions): TemplateBlock[] {
  const format = FORMATS[options.format];
  const year = options.year;
  return [
    // 公文 titles break by meaning: the unit on one line, the year and kind of report on the next.
    paragraph(
      "title",
      `${options.unit?.trim() || UNIT_PLACEHOLDER}\n${year}年政府信息公开工作年度报告`,
    ),
    paragraph(
      "body",
      `本报告根据《中华人民共和国政府信息公开条例》和${format.basis}的要求编制。` +
        `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    ),
    ...format.sections.flatMap((section) => sectionBlocks(section, options)),
  ];
}

export function buildPart(part: TemplatePart, options: TemplateOptions): TemplateBlock[] {
  const format = FORMATS[options.format];
  if ("table" in part) return [tableGrid(options.format, part.table, options.zeros)];
  const section = format.sections.find((s) => s.id === part.section);
  return section ? sectionBlocks(section, options) : [];
}

function sectionBlocks(section: SectionSpec, options: TemplateOptions): TemplateBlock[] {
  const blocks: TemplateBlock[] = [paragraph("heading1", `${section.id}、${section.title}`)];
  if (section.table) blocks.push(tableGrid(options.format, section.table, options.zeros));
  else if (section.id === "一") {
    for (const subheading of SUBHEADINGS_OF_OVERVIEW)
      blocks.push(paragraph("heading2", subheading), paragraph("placeholder", PROSE_PLACEHOLDER));
  } else blocks.push(paragraph("placeholder", PLACEHOLDERS[section.id] ?? PROSE_PLACEHOLDER));
  return blocks;
}
