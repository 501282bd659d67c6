/** `nianbao`: the command line. */
import { statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve as resolvePath } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { recognize } from "../core";
import { checkFiles } from "./batch/pool";
import { createProgress } from "./batch/progress";
import {
  notCheckedOutcome,
  readSnapshot,
  unitKey,
  type FileOutcome,
  type PreviousReports,
} from "./check-file";
import { identities } from "./file-identity";
import { scanInputs, type Excluded, type ScanEntry } from "./files";
import { formatCsv } from "./format-csv";
import { formatHtml } from "./format-html";
import { formatJson } from "./format-json";
import { sanitizeText } from "./sanitize";
import { COLOURS, formatText, PLAIN } from "./format-text";
import {
  annotateFolderProblem,
  createFolder,
  planCopies,
  reportTarget,
  writeCopy,
} from "./output-target";
import { cleanUpOnInterrupt, describeWriteError, onInterrupt, writeFileAtomic } from "./safe-write";
import { writeTemplate, type TemplateArguments } from "./template-command";

export const EXIT = { clean: 0, findings: 1, failure: 2 } as const;

/**
 * 2 when a file could not be read, a document that may be a report was not checked, or a copy
 * could not be made; 1 when errors were found; 0 otherwise.
 */
export function exitCodeFor(outcomes: FileOutcome[]): number {
  const failed = (o: FileOutcome) =>
    o.annotateError || (o.error && (o.status !== "not-checked" || o.mayBeReport));
  if (outcomes.some(failed)) return EXIT.failure;
  if (outcomes.some((o) => o.findings.some((f) => f.severity === "error"))) return EXIT.findings;
  return EXIT.clean;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  /** The terminal to draw the progress line on, if any. */
  progressStream?: NodeJS.WriteStream | null;
}

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  progressStream: process.stderr.isTTY ? process.stderr : null,
};

interface CheckArguments {
  format: "text" | "json" | "csv" | "html";
  output?: string;
  jobs?: string;
  previous?: string;
  annotate?: string;
}

const FORMATTERS = {
  json: formatJson,
  csv: formatCsv,
  html: (o: FileOutcome[], excluded: Excluded[]) => formatHtml(o, excluded),
};

async function runCheck(paths: string[], options: CheckArguments, io: Io): Promise<number> {
  let jobs = options.jobs === undefined ? undefined : Number(options.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
    io.stderr(`nianbao: --jobs 应为正整数，收到“${sanitizeText(options.jobs ?? "")}”\n`);
    return EXIT.failure;
  }
  // More workers than cores only add memory (each holds a file) and contention.
  const cores = Math.max(1, availableParallelism());
  if (jobs !== undefined && jobs > cores) {
    io.stderr(`nianbao: --jobs ${jobs} 超过本机 CPU 核数 ${cores}，按 ${cores} 个同时检查\n`);
    jobs = cores;
  }
  const scan = scanInputs(paths);
  const previousScan = options.previous === undefined ? null : scanInputs([options.previous]);
  // Everything the run reads or lists: no output may land on any of it.
  const inputs = identities([
    ...scan.entries.map((e) => e.path),
    ...(previousScan?.entries.map((e) => e.path) ?? []),
  ]);
  let output: string | undefined;
  let direct = false;
  if (options.output !== undefined) {
    const target = reportTarget(options.output, options.format, inputs);
    if (!target.ok) {
      io.stderr(`nianbao: ${sanitizeText(target.message)}\n`);
      return EXIT.failure;
    }
    output = target.path;
    direct = Boolean(target.direct);
  }
  if (options.annotate !== undefined) {
    const problem =
      options.output !== undefined && resolvePath(options.output) === resolvePath(options.annotate)
        ? `报告文件与批注副本文件夹不能是同一个位置“${options.output}”`
        : annotateFolderProblem(options.annotate);
    if (problem) {
      io.stderr(`nianbao: ${sanitizeText(problem)}\n`);
      return EXIT.failure;
    }
  }
  const previous =
    previousScan === null
      ? ({ kind: "none" } as const)
      : previousReports(options.previous as string, previousScan.entries, io);
  if (previous === null) return EXIT.failure;
  const toCheck = scan.entries.filter((e) => !e.notChecked).map((e) => e.path);
  let annotateTo: string[] | undefined;
  if (options.annotate !== undefined) {
    const problem = createFolder(options.annotate);
    if (problem) {
      io.stderr(`nianbao: ${sanitizeText(problem)}\n`);
      return EXIT.failure;
    }
    annotateTo = planCopies(toCheck, options.annotate, inputs);
  }
  const progress =
    io.progressStream && toCheck.length > 1
      ? createProgress(toCheck.length, io.progressStream)
      : null;
  const forget = progress ? onInterrupt(() => progress.stop()) : () => undefined;
  const checked = await checkFiles(toCheck, {
    ...(jobs !== undefined && { jobs }),
    ...(annotateTo && { annotateTo, writeCopy: (path, bytes) => writeCopy(path, bytes, inputs) }),
    previous,
    onStart: (file) => progress?.start(file),
    onDone: (outcome, done) => progress?.done(outcome, done),
  });
  progress?.stop();
  forget();
  let next = 0;
  const outcomes = scan.entries.map((entry) =>
    entry.notChecked
      ? notCheckedOutcome(entry.path, entry.notChecked)
      : (checked[next++] as FileOutcome),
  );
  for (const outcome of outcomes) {
    if (outcome.status === "unreadable" && outcome.error)
      io.stderr(`nianbao: ${sanitizeText(outcome.file)}: ${sanitizeText(outcome.error.detail)}\n`);
    if (outcome.annotateError)
      io.stderr(
        `nianbao: ${sanitizeText(outcome.file)}: ${sanitizeText(outcome.annotateError.message)}\n`,
      );
  }
  if (toCheck.length === 0) io.stderr("nianbao: 没有找到可检查的 .docx 文件\n");
  const report =
    options.format === "text"
      ? formatText(outcomes, io.isTty && output === undefined ? COLOURS : PLAIN, scan.excluded)
      : FORMATTERS[options.format](outcomes, scan.excluded);
  if (output !== undefined) {
    try {
      if (direct) writeFileSync(output, report);
      else writeFileAtomic(output, report, { replace: true });
    } catch (error) {
      io.stderr(`nianbao: 无法写入“${sanitizeText(output)}”：${describeWriteError(error)}\n`);
      return EXIT.failure;
    }
  } else io.stdout(report);
  return toCheck.length === 0 ? EXIT.failure : exitCodeFor(outcomes);
}

/** --previous: one report for every input, or a folder of last year's reports found by unit. */
function previousReports(path: string, entries: ScanEntry[], io: Io): PreviousReports | null {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    io.stderr(`nianbao: 找不到上年报告“${sanitizeText(path)}”\n`);
    return null;
  }
  if (!isFolder) return { kind: "file", path };
  for (const entry of entries)
    if (entry.notChecked?.mayBeReport)
      io.stderr(
        `nianbao: 上年报告文件夹中的 ${sanitizeText(entry.path)} 未使用：${entry.notChecked.message}\n`,
      );
  const files = entries.filter((e) => !e.notChecked).map((e) => e.path);
  if (files.length === 0) {
    io.stderr(`nianbao: 找不到上年报告“${sanitizeText(path)}”\n`);
    return null;
  }
  const units: Record<string, string> = {};
  for (const file of files) {
    try {
      const unit = recognize(readSnapshot(file)).title?.unit;
      if (unit) units[unitKey(unit)] ??= file;
      else io.stderr(`nianbao: 上年报告 ${sanitizeText(file)} 的标题中没有单位名称，无法匹配\n`);
    } catch (error) {
      io.stderr(
        `nianbao: 上年报告 ${sanitizeText(file)} 无法读取：${sanitizeText((error as Error).message)}\n`,
      );
    }
  }
  return { kind: "byUnit", units };
}

/** Runs a command with temporary files cleaned up on SIGINT / SIGTERM / SIGHUP. */
async function withInterruptCleanup(command: () => Promise<number>, io: Io): Promise<number> {
  const uninstall = cleanUpOnInterrupt(io.stderr);
  try {
    return await command();
  } finally {
    // A signal that arrived during the last synchronous write is handled before uninstalling.
    await new Promise((resolve) => setImmediate(resolve));
    uninstall();
  }
}

export async function run(argv: string[], io: Io = defaultIo): Promise<number> {
  let pending: Promise<number> | null = null;
  const program = new Command("nianbao")
    .description("年报校核：检查政府信息公开工作年度报告（.docx）的章节、表格勾稽关系和数据填写")
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [命令]", "显示某个命令的帮助")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command("check")
    .description(
      "检查一个或多个 .docx 文件（文件夹会递归查找；.docx 逐一检查，其他文件列为“未检查”并说明原因）",
    )
    .argument("<文件或文件夹...>", "要检查的 .docx 文件或文件夹")
    .addOption(
      new Option("-f, --format <格式>", "输出格式：text、json、csv（Excel/WPS 表格）、html")
        .choices(["text", "json", "csv", "html"])
        .default("text"),
    )
    .option("-o, --output <文件>", "把报告写入文件而不是屏幕")
    .option("-j, --jobs <数量>", "同时检查的文件数（默认等于 CPU 核数）")
    .option(
      "-p, --previous <上年报告>",
      "上年报告：一个文件，或按单位名称匹配的文件夹（核对上年结转、现行有效件数）",
    )
    .option("-a, --annotate <文件夹>", "为每个文件写一份带底色标记和批注的副本（原文件不改动）")
    .helpOption("-h, --help", "显示帮助")
    .action((paths: string[], options: CheckArguments) => {
      pending = withInterruptCleanup(() => runCheck(paths, options, io), io);
    });

  program
    .command("template")
    .description("生成空白的法定格式年度报告模板（.docx）")
    .option("-y, --year <年份>", "报告年度（默认上一年）")
    .option("-u, --unit <单位>", "单位名称，写入标题")
    .addOption(
      new Option(
        "--format <格式>",
        "格式：2021（国办公开办函〔2021〕30号）或 2019（试行）",
      ).choices(["2021", "2019"]),
    )
    .option("--zeros", "数据单元格填 0（默认留空）")
    .option("--part <部分>", "只生成一个部分（一…六）或一张表（table2、table3、table4）")
    .option("-o, --output <文件>", "输出文件（默认按单位和年度命名）")
    .option("--force", "覆盖本工具生成、尚未被编辑保存过的模板（已有的 Word/WPS 文档从不覆盖）")
    .helpOption("-h, --help", "显示帮助")
    .action((options: TemplateArguments) => {
      pending = withInterruptCleanup(async () => {
        const outcome = writeTemplate(options);
        if (!outcome.ok) {
          io.stderr(`nianbao: ${outcome.message}\n`);
          return EXIT.failure;
        }
        for (const note of outcome.notes) io.stderr(`nianbao: ${note}\n`);
        io.stdout(`已生成 ${outcome.path}\n`);
        return EXIT.clean;
      }, io);
    });

  try {
    program.parse(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.clean : EXIT.failure;
    }
    throw error;
  }
  return pending ?? EXIT.clean;
}
