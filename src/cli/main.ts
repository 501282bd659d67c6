/** `nianbao`: the command line. */
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve as resolvePath } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { recognize } from "../core";
import { checkFiles } from "./batch/pool";
import { createProgress } from "./batch/progress";
import { readSnapshot, unitKey, type FileOutcome, type PreviousReports } from "./check-file";
import { expandInputs } from "./files";
import { formatCsv } from "./format-csv";
import { formatHtml } from "./format-html";
import { formatJson } from "./format-json";
import { COLOURS, formatText, PLAIN } from "./format-text";
import { writeTemplate, type TemplateArguments } from "./template-command";

export const EXIT = { clean: 0, findings: 1, failure: 2 } as const;

export function exitCodeFor(outcomes: FileOutcome[]): number {
  if (outcomes.some((o) => o.error)) return EXIT.failure;
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

const FORMATTERS = { json: formatJson, csv: formatCsv, html: (o: FileOutcome[]) => formatHtml(o) };

async function runCheck(paths: string[], options: CheckArguments, io: Io): Promise<number> {
  const inputs = expandInputs(paths);
  const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
    io.stderr(`nianbao: --jobs 应为正整数，收到“${options.jobs}”\n`);
    return EXIT.failure;
  }
  const previous =
    options.previous === undefined
      ? ({ kind: "none" } as const)
      : previousReports(options.previous, io);
  if (previous === null) return EXIT.failure;
  const files = inputs.map((i) => i.path);
  const annotateTo =
    options.annotate === undefined ? undefined : annotationPaths(files, options.annotate, io);
  if (annotateTo === null) return EXIT.failure;
  const progress =
    io.progressStream && inputs.length > 1
      ? createProgress(inputs.length, io.progressStream)
      : null;
  const outcomes = await checkFiles(files, {
    ...(jobs !== undefined && { jobs }),
    ...(annotateTo && { annotateTo }),
    previous,
    onStart: (file) => progress?.start(file),
    onDone: (outcome, done) => progress?.done(outcome, done),
  });
  progress?.stop();
  for (const outcome of outcomes) {
    if (outcome.error) io.stderr(`nianbao: ${outcome.file}: ${outcome.error.detail}\n`);
  }
  if (outcomes.length === 0) io.stderr("nianbao: 没有找到 .docx 文件\n");
  const toFile = options.output !== undefined;
  const report =
    options.format === "text"
      ? formatText(outcomes, io.isTty && !toFile ? COLOURS : PLAIN)
      : FORMATTERS[options.format](outcomes);
  if (toFile) writeFileSync(options.output as string, report);
  else io.stdout(report);
  return outcomes.length === 0 ? EXIT.failure : exitCodeFor(outcomes);
}

/** --annotate: one copy per input in the folder, names made unique; never an input's own path. */
function annotationPaths(files: string[], folder: string, io: Io): string[] | null {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    io.stderr(`nianbao: 无法创建批注副本文件夹“${folder}”：${(error as Error).message}\n`);
    return null;
  }
  const inputs = new Set(files.map((f) => resolvePath(f)));
  const used = new Set<string>();
  const paths: string[] = [];
  for (const file of files) {
    const name = basename(file, ".docx");
    let candidate = join(folder, `${name}.docx`);
    for (let n = 2; used.has(candidate) || inputs.has(resolvePath(candidate)); n++)
      candidate = join(folder, `${name}-${n}.docx`);
    used.add(candidate);
    paths.push(candidate);
  }
  return paths;
}

/** --previous: one report for every input, or a folder of last year's reports found by unit. */
function previousReports(path: string, io: Io): PreviousReports | null {
  const inputs = expandInputs([path]);
  if (inputs.length === 0 || inputs.some((i) => i.problem)) {
    io.stderr(`nianbao: 找不到上年报告“${path}”\n`);
    return null;
  }
  if (!statSync(path).isDirectory()) return { kind: "file", path };
  const units: Record<string, string> = {};
  for (const { path: file } of inputs) {
    try {
      const unit = recognize(readSnapshot(file)).title?.unit;
      if (unit) units[unitKey(unit)] ??= file;
      else io.stderr(`nianbao: 上年报告 ${file} 的标题中没有单位名称，无法匹配\n`);
    } catch (error) {
      io.stderr(`nianbao: 上年报告 ${file} 无法读取：${(error as Error).message}\n`);
    }
  }
  return { kind: "byUnit", units };
}

export async function run(argv: string[], io: Io = defaultIo): Promise<number> {
  let exitCode: number = EXIT.clean;
  let pending: Promise<number> | null = null;
  const program = new Command("nianbao")
    .description("年报校核：检查政府信息公开工作年度报告（.docx）的章节、表格勾稽关系和数据填写")
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [命令]", "显示某个命令的帮助")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command("check")
    .description("检查一个或多个 .docx 文件（文件夹会递归查找 .docx）")
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
      pending = runCheck(paths, options, io);
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
    .option("--force", "覆盖已存在的文件")
    .helpOption("-h, --help", "显示帮助")
    .action((options: TemplateArguments) => {
      const outcome = writeTemplate(options);
      if (!outcome.ok) {
        io.stderr(`nianbao: ${outcome.message}\n`);
        exitCode = EXIT.failure;
        return;
      }
      for (const note of outcome.notes) io.stderr(`nianbao: ${note}\n`);
      io.stdout(`已生成 ${outcome.path}\n`);
      exitCode = EXIT.clean;
    });

  try {
    program.parse(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.clean : EXIT.failure;
    }
    throw error;
  }
  return pending ?? exitCode;
}
