/**
 * `nianbao template`: the blank statutory template as a .docx. It is written atomically and
 * never replaces an existing file, except, with --force, a template this tool wrote that has
 * not been saved since (Word, WPS and LibreOffice all leave traces when they save). A Word or
 * WPS document is never replaced.
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import {
  buildPart,
  buildTemplate,
  formatForYear,
  toDocx,
  type FormatId,
  type SectionId,
  type TableId,
  type TemplatePart,
} from "../core";
import { folderProblem, present } from "./output-target";
import { describeWriteError, TargetExistsError, writeFileAtomic } from "./safe-write";
import { FORMAT_NAME, TEMPLATE } from "./strings";

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
  { ok: true; path: string; notes: string[] } | { ok: false; message: string; detail?: unknown };

/** The first year of a statutory format: 〔2019〕60号 (trial) applies from the 2019 reports. */
export const FIRST_TEMPLATE_YEAR = 2019;

const SECTIONS = ["一", "二", "三", "四", "五", "六"];
const TABLES = ["table2", "table3", "table4"];

export function writeTemplate(args: TemplateArguments, now: Date = new Date()): TemplateOutcome {
  const notes: string[] = [];
  if (args.format !== undefined && args.format !== "2021" && args.format !== "2019") {
    return { ok: false, message: TEMPLATE.formatInvalid(args.format) };
  }
  let year: number;
  if (args.year !== undefined) {
    const latest = now.getFullYear() + 1;
    if (!/^\d{4}$/.test(args.year.trim()))
      return { ok: false, message: TEMPLATE.yearNotNumber(args.year, now.getFullYear() - 1) };
    year = Number(args.year.trim());
    if (year < FIRST_TEMPLATE_YEAR) return { ok: false, message: TEMPLATE.yearTooEarly(year) };
    if (year > latest) return { ok: false, message: TEMPLATE.yearTooLate(year, latest) };
  } else {
    // Reports are written early in the year about the year before; the trial format stops at 2020.
    year = args.format === "2019" ? Math.min(2020, now.getFullYear() - 1) : now.getFullYear() - 1;
  }
  const format: FormatId = args.format ?? formatForYear(year);
  if (format !== formatForYear(year)) {
    notes.push(TEMPLATE.formatDiffers(year, FORMAT_NAME[formatForYear(year)], FORMAT_NAME[format]));
  }
  let part: TemplatePart | undefined;
  if (args.part !== undefined) {
    if (SECTIONS.includes(args.part)) part = { section: args.part as SectionId };
    else if (TABLES.includes(args.part)) part = { table: args.part as TableId };
    else return { ok: false, message: TEMPLATE.partInvalid(args.part) };
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
    TEMPLATE.defaultName(args.unit?.trim() || TEMPLATE.defaultUnit, year, part ? args.part! : null);
  const title =
    blocks[0]?.kind === "paragraph" ? blocks[0].text.replace(/\n/g, "") : TEMPLATE.defaultTitle;
  const bytes = toDocx(blocks, title);
  const refusal = targetProblem(path, Boolean(args.force), bytes);
  if (refusal) return { ok: false, message: refusal };
  try {
    writeFileAtomic(path, bytes, { replace: Boolean(args.force) });
  } catch (error) {
    if (error instanceof TargetExistsError) return { ok: false, message: exists(path) };
    return {
      ok: false,
      message: TEMPLATE.writeFailed(path, describeWriteError(error)),
      detail: error,
    };
  }
  return { ok: true, path, notes };
}

const exists = TEMPLATE.exists;

function targetProblem(path: string, force: boolean, ours: Uint8Array): string | null {
  if (!present(path)) return folderProblem(dirname(resolve(path)));
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return exists(path);
  }
  if (stats.isDirectory()) return TEMPLATE.isFolder(path);
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
