/**
 * `nianbao template`: the blank statutory template as a .docx. It is written atomically and
 * never replaces an existing file, except, with --force, a template this tool wrote that has
 * not been saved since (Word, WPS and LibreOffice all leave traces when they save). A Word or
 * WPS document is never replaced.
 */
import { accessSync, constants, lstatSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { FORMATS, formatForYear, type FormatId } from "../core";
import type { SectionId, TableId } from "../core/formats/types";
import { buildPart, buildTemplate, toDocx, type TemplatePart } from "../core/template";
import { describeWriteError, TargetExistsError, writeFileAtomic } from "./safe-write";

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
  const title =
    blocks[0]?.kind === "paragraph"
      ? blocks[0].text.replace(/\n/g, "")
      : "政府信息公开工作年度报告";
  const bytes = toDocx(blocks, title);
  const refusal = targetProblem(path, Boolean(args.force), bytes);
  if (refusal) return { ok: false, message: refusal };
  try {
    writeFileAtomic(path, bytes, { replace: Boolean(args.force) });
  } catch (error) {
    if (error instanceof TargetExistsError) return { ok: false, message: exists(path) };
    return {
      ok: false,
      message: `无法写入“${path}”：${describeWriteError(error)}`,
    };
  }
  return { ok: true, path, notes };
}

const exists = (path: string) =>
  `文件“${path}”已存在，未覆盖。请换一个文件名（--force 只覆盖本工具生成、尚未被编辑保存过的模板）`;

function targetProblem(path: string, force: boolean, ours: Uint8Array): string | null {
  let present = true;
  try {
    lstatSync(path);
  } catch {
    present = false;
  }
  if (!present) {
    const folder = dirname(resolve(path));
    try {
      if (!statSync(folder).isDirectory()) return `“${folder}”不是文件夹`;
    } catch {
      return `文件夹“${folder}”不存在，请先创建它或换一个位置`;
    }
    try {
      accessSync(folder, constants.W_OK | constants.X_OK);
    } catch {
      return `文件夹“${folder}”不可写（只读或没有权限）`;
    }
    return null;
  }
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return exists(path);
  }
  if (stats.isDirectory()) return `“${path}”是一个文件夹，请给出文件名，如 ${path}/模板.docx`;
  if (!force || !stats.isFile() || !isUntouchedTemplate(path, ours)) return exists(path);
  return null;
}

/**
 * A template nianbao wrote that no word processor has saved since: the same parts as ours,
 * created by nianbao, and no `lastModifiedBy`, which Word, WPS and LibreOffice write on save.
 */
function isUntouchedTemplate(path: string, ours: Uint8Array): boolean {
  try {
    const names = (bytes: Uint8Array) => {
      const found: string[] = [];
      unzipSync(bytes, { filter: (file) => (found.push(file.name), false) });
      return found.sort().join("\n");
    };
    const theirs = new Uint8Array(readFileSync(path));
    if (theirs.length > 4 << 20 || names(theirs) !== names(ours)) return false;
    const core = unzipSync(theirs, { filter: (file) => file.name === "docProps/core.xml" })[
      "docProps/core.xml"
    ];
    const properties = core ? strFromU8(core) : "";
    return (
      /<dc:creator>nianbao<\/dc:creator>/.test(properties) && !/lastModifiedBy/.test(properties)
    );
  } catch {
    return false;
  }
}
