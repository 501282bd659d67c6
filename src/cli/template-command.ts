/** `nianbao template`: the blank statutory template as a .docx. */
import { existsSync, writeFileSync } from "node:fs";
import { FORMATS, formatForYear, type FormatId } from "../core";
import type { SectionId, TableId } from "../core/formats/types";
import { buildPart, buildTemplate, toDocx, type TemplatePart } from "../core/template";

export interface TemplateArguments {
  year?: string;
  unit?: string;
  format?: string;
  zeros?: boolean;
  part?: string;
  output?: string;
  force?: boolean;
}

export type TemplateOutcome =
  { ok: true; path: string; notes: string[] } | { ok: false; message: string };

const SECTIONS = ["一", "二", "三", "四", "五", "六"];
const TABLES = ["table2", "table3", "table4"];

export function writeTemplate(args: TemplateArguments, now: Date = new Date()): TemplateOutcome {
  const notes: string[] = [];
  if (args.format !== undefined && args.format !== "2021" && args.format !== "2019") {
    return { ok: false, message: `不支持的格式“${args.format}”，可选 2021 或 2019` };
  }
  let year: number;
  if (args.year !== undefined) {
    if (
      !/^\d{4}$/.test(args.year) ||
      Number(args.year) < 2008 ||
      Number(args.year) > now.getFullYear() + 1
    ) {
      return {
        ok: false,
        message: `年份“${args.year}”无效，应为四位数字，如 ${now.getFullYear() - 1}`,
      };
    }
    year = Number(args.year);
  } else {
    // Reports are written early in the year about the year before; the trial format stops at 2020.
    year = args.format === "2019" ? Math.min(2020, now.getFullYear() - 1) : now.getFullYear() - 1;
  }
  const format: FormatId = (args.format as FormatId | undefined) ?? formatForYear(year);
  if (format !== formatForYear(year)) {
    notes.push(
      `注意：${year} 年度报告应使用${FORMATS[formatForYear(year)].name}，已按要求生成${FORMATS[format].name}`,
    );
  }
  let part: TemplatePart | undefined;
  if (args.part !== undefined) {
    if (SECTIONS.includes(args.part)) part = { section: args.part as SectionId };
    else if (TABLES.includes(args.part)) part = { table: args.part as TableId };
    else
      return {
        ok: false,
        message: `--part 应为 一…六 或 table2、table3、table4，收到“${args.part}”`,
      };
  }
  const options = {
    format,
    year,
    ...(args.unit !== undefined && { unit: args.unit }),
    zeros: Boolean(args.zeros),
  };
  const blocks = part ? buildPart(part, options) : buildTemplate(options);
  const path =
    args.output ??
    `${args.unit?.trim() || "政府信息公开"}${year}年度报告模板${part ? `-${args.part}` : ""}.docx`;
  if (existsSync(path) && !args.force) {
    return { ok: false, message: `文件“${path}”已存在，未覆盖。请换一个文件名，或加 --force 覆盖` };
  }
  const title =
    blocks[0]?.kind === "paragraph"
      ? blocks[0].text.replace(/\n/g, "")
      : "政府信息公开工作年度报告";
  try {
    writeFileSync(path, toDocx(blocks, title));
  } catch (error) {
    return {
      ok: false,
      message: `无法写入“${path}”：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    };
  }
  return { ok: true, path, notes };
}
