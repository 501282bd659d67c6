/** `nianbao`: the command line. */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { recognize } from "../core";
import { checkFiles } from "./batch/pool";
import { createProgress } from "./batch/progress";
import {
  inputName,
  notCheckedOutcome,
  readProblem,
  readSnapshot,
  unitKey,
  type CheckInput,
  type FileOutcome,
  type PreviousFile,
  type PreviousReports,
} from "./check-file";
import { fileIdentity, identities } from "./file-identity";
import { scanInputs, type Excluded, type ScanEntry } from "./files";
import { formatCsv } from "./format-csv";
import { formatHtml } from "./format-html";
import { buildJsonReport, formatJson } from "./format-json";
import { formatXlsx } from "./format-xlsx";
import { sanitizeText } from "./sanitize";
import { COLORS, formatText, PLAIN, summaryCounts } from "./format-text";
import {
  annotateFolderProblem,
  createFolder,
  overlapProblem,
  planCopies,
  reportTarget,
  type CopyPlan,
  replaceRefusal,
  writeCopy,
} from "./output-target";
import { OWN_REPORT } from "./not-checked";
import {
  cleanUpOnInterrupt,
  describeWriteError,
  onInterrupt,
  ReplaceRefused,
  writeFileAtomic,
} from "./safe-write";
import { writeTemplate, type TemplateArguments } from "./template-command";
import { ruleSettings } from "./rule-settings";
import { CHINESE_HELP, describeArgumentError } from "./help";
import { SUMMARY } from "./report-strings";
import {
  BASELINE,
  CHECK,
  HELP,
  INPUT,
  INTERNAL,
  KEPT_COPIES,
  OUTPUT,
  PREFIX,
  PREVIOUS_YEAR,
  TARGET,
  TEMPLATE,
} from "./strings";
import { applyBaseline, crossSimilarity, readBaseline, type BatchReview } from "./review";

/**
 * 0 no errors; 1 errors found (whatever else happened); 2 wrong arguments, nothing could be
 * checked, or the report could not be written; 3 some files could not be read or checked (or a
 * copy not made) and none of the others had errors.
 */
/** The share of prose in common above which reports are said to be copied. */
const DEFAULT_THRESHOLD = 0.5;

export const EXIT = { clean: 0, errors: 1, failure: 2, incomplete: 3 } as const;

export function exitCodeFor(outcomes: FileOutcome[]): number {
  const checked = outcomes.filter((o) => o.status === "checked");
  if (checked.length === 0) return EXIT.failure;
  if (checked.some((o) => o.findings.some((f) => f.severity === "error"))) return EXIT.errors;
  const incomplete = outcomes.some(
    (o) =>
      o.status === "unreadable" ||
      (o.status === "not-checked" && o.mayBeReport) ||
      Boolean(o.annotateError),
  );
  return incomplete ? EXIT.incomplete : EXIT.clean;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  /** The terminal to draw the progress line on, if any. */
  progressStream?: NodeJS.WriteStream | null;
}

/** What the run says besides the report: one Chinese line per message; details with --debug. */
class Say {
  constructor(
    private readonly io: Io,
    readonly debug: boolean,
  ) {}
  error(message: string, detail?: unknown): void {
    // Each line escaped on its own: a file name cannot break a line or recolour the terminal.
    this.io.stderr(
      `${PREFIX}${message
        .split("\n")
        .map((line) => sanitizeText(line))
        .join("\n")}\n`,
    );
    if (this.debug && detail !== undefined) this.details(detail);
  }
  details(detail: unknown): void {
    const text = detail instanceof Error ? (detail.stack ?? detail.message) : String(detail);
    this.io.stderr(`${PREFIX}${INTERNAL.debugNote}\n${text}\n`);
  }
}

/** The version in package.json (two folders up from src/cli, three from dist/node/cli). */
export function version(): string {
  for (let folder = __dirname, i = 0; i < 4; i++, folder = dirname(folder)) {
    try {
      const pkg = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "nianbao" && pkg.version) return pkg.version;
    } catch {
      // Not here: one folder up.
    }
  }
  return "0.0.0";
}

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  progressStream: process.stderr.isTTY ? process.stderr : null,
};

interface CheckArguments {
  format: "text" | "json" | "csv" | "html" | "xlsx";
  output?: string;
  jobs?: string;
  previous?: string;
  annotate?: string;
  rule?: string[];
  config?: string;
  baseline?: string;
  similarityThreshold?: string;
  crossSimilarity?: boolean;
}

const FORMATTERS = {
  json: formatJson,
  csv: formatCsv,
  html: (o: FileOutcome[], excluded: Excluded[], batch?: BatchReview) =>
    formatHtml(o, excluded, new Date(), batch),
  xlsx: (o: FileOutcome[], excluded: Excluded[], batch?: BatchReview) =>
    formatXlsx(o, excluded, { report: buildJsonReport(o, excluded, batch) }),
};

async function runCheck(
  paths: string[],
  options: CheckArguments,
  io: Io,
  say: Say,
): Promise<number> {
  let jobs = options.jobs === undefined ? undefined : Number(options.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
    say.error(CHECK.jobsInvalid(options.jobs ?? ""));
    return EXIT.failure;
  }
  // More workers than cores only add memory (each holds a file) and contention.
  const cores = Math.max(1, availableParallelism());
  if (jobs !== undefined && jobs > cores) {
    say.error(CHECK.jobsCapped(jobs, cores));
    jobs = cores;
  }
  // `--annotate -o r.csv` gives --annotate the value "-o": never create a folder named "-o".
  for (const [option, value] of [
    ["--output", options.output],
    ["--annotate", options.annotate],
    ["--previous", options.previous],
    ["--config", options.config],
    ["--baseline", options.baseline],
  ] as const) {
    if (value?.startsWith("-")) {
      say.error(CHECK.valueLooksLikeOption(option, value));
      return EXIT.failure;
    }
  }
  const rules = ruleSettings(options.config, options.rule);
  if (!rules.ok) {
    say.error(rules.message);
    return EXIT.failure;
  }
  const threshold =
    options.similarityThreshold === undefined ? undefined : Number(options.similarityThreshold);
  if (
    threshold !== undefined &&
    (options.similarityThreshold?.trim() === "" ||
      !Number.isFinite(threshold) ||
      threshold < 0 ||
      threshold > 1)
  ) {
    say.error(BASELINE.thresholdInvalid(options.similarityThreshold ?? ""));
    return EXIT.failure;
  }
  const baseline = options.baseline === undefined ? null : readBaseline(options.baseline);
  if (baseline && !baseline.ok) {
    say.error(baseline.message, baseline.detail);
    return EXIT.failure;
  }
  // A workbook is a file, never text on the terminal.
  if (options.format === "xlsx" && options.output === undefined) {
    say.error(CHECK.xlsxNeedsOutput);
    return EXIT.failure;
  }
  const scan = scanInputs(paths);
  const previousScan = options.previous === undefined ? null : scanInputs([options.previous]);
  // Everything the run reads or lists: no output may land on any of it. An earlier report of
  // ours is listed but not read: a report may replace it (reportTarget decides).
  const toProtect = (entries: ScanEntry[]) =>
    entries.filter((e) => e.notChecked !== OWN_REPORT).map(entryPath);
  const inputs = identities([
    ...toProtect(scan.entries),
    ...toProtect(previousScan?.entries ?? []),
    ...(options.config !== undefined ? [options.config] : []),
    ...(options.baseline === undefined ? [] : [options.baseline]),
  ]);
  let output: string | undefined;
  let direct = false;
  let replace = true;
  if (options.output !== undefined) {
    const target = reportTarget(options.output, options.format, inputs);
    if (!target.ok) {
      say.error(target.message);
      return EXIT.failure;
    }
    output = target.path;
    direct = Boolean(target.direct);
    replace = target.replace ?? true;
  }
  if (options.annotate !== undefined) {
    const problem =
      annotateFolderProblem(options.annotate) ??
      (options.output === undefined ? null : overlapProblem(options.output, options.annotate));
    if (problem) {
      say.error(problem);
      return EXIT.failure;
    }
  }
  const previous =
    previousScan === null
      ? ({ kind: "none" } as const)
      : previousReports(options.previous as string, previousScan.entries, say);
  if (previous === null) return EXIT.failure;
  const toCheck = scan.entries.filter((e) => !e.notChecked).map(checkInput);
  let annotateTo: string[] | undefined;
  if (options.annotate !== undefined) {
    const problem = createFolder(options.annotate);
    if (problem) {
      say.error(problem);
      return EXIT.failure;
    }
    const plan = planCopies(toCheck.map(inputName), options.annotate, inputs);
    annotateTo = plan.paths;
    sayKept(plan.kept, say);
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
    settings: rules.settings,
    extras: {
      ...(threshold !== undefined && { similarityThreshold: threshold }),
      ...(options.crossSimilarity && { fingerprints: true }),
    },
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
      say.error(CHECK.unreadable(outcome.file, outcome.error.message), outcome.error.detail);
    if (outcome.copyKept)
      say.error(OUTPUT.copyKept(outcome.copyKept.kept, outcome.copyKept.written));
    if (outcome.annotateError)
      say.error(
        CHECK.copyFailed(outcome.file, outcome.annotateError.message),
        outcome.annotateError.detail,
      );
  }
  if (toCheck.length === 0) say.error(CHECK.nothingToCheck);
  const noted = (older: boolean) =>
    outcomes
      .filter((o) => o.previousNote && (o.previousNote.code === "previous-not-last-year") === older)
      .map((o) => o.file);
  const uncompared = noted(false);
  if (uncompared.length > 0)
    say.error(INPUT.previousSummary(uncompared.length, listFiles(uncompared)));
  const olderYear = noted(true);
  if (olderYear.length > 0)
    say.error(PREVIOUS_YEAR.summary(olderYear.length, listFiles(olderYear)));
  const batch: BatchReview = {
    ...(baseline?.ok &&
      options.baseline !== undefined && {
        baseline: {
          file: options.baseline,
          missing: applyBaseline(outcomes, baseline.report),
        },
      }),
    ...(options.crossSimilarity && {
      crossSimilarity: crossSimilarity(outcomes, threshold ?? DEFAULT_THRESHOLD),
    }),
  };
  const report =
    options.format === "text"
      ? formatText(
          outcomes,
          io.isTty && output === undefined ? COLORS : PLAIN,
          scan.excluded,
          batch,
        )
      : FORMATTERS[options.format](outcomes, scan.excluded, batch);
  // Confirmations go where the report does not: stdout when the report went to a file.
  const confirm = (line: string) =>
    (output === undefined ? io.stderr : io.stdout)(`${sanitizeText(line)}\n`);
  /** The copies made are said even when the report could not be saved: they are there. */
  const sayCopies = () => {
    if (options.annotate === undefined || toCheck.length === 0) return;
    const made = outcomes.filter((o) => o.annotated).length;
    if (made > 0) confirm(CHECK.copiesWritten(made, options.annotate));
    const failed = outcomes.filter((o) => o.annotateError).length;
    if (failed > 0) say.error(CHECK.copiesFailed(failed));
  };
  const failure = (message: string, detail?: unknown) => {
    say.error(message, detail);
    sayCopies();
    return EXIT.failure;
  };
  if (output !== undefined) {
    // Messages name the file as the user typed it, not where a link led.
    const named = options.output ?? output;
    const target = output;
    const format = options.format;
    // Asked again now, and once more just before the rename: an earlier report or workbook of
    // ours may have been edited, filled in or made read-only meanwhile, and is then kept.
    const beforeReplace = () => replaceRefusal(target, format);
    const refusal = direct || !replace ? null : beforeReplace();
    if (refusal !== null) return failure(TARGET.refused(named, refusal));
    try {
      if (direct) writeFileSync(output, report);
      else writeFileAtomic(output, report, { replace, beforeReplace });
    } catch (error) {
      if (error instanceof ReplaceRefused) return failure(TARGET.refused(named, error.message));
      return failure(CHECK.writeFailed(named, describeWriteError(error)), error);
    }
    if (!direct) {
      const counts = summaryCounts(outcomes);
      confirm(
        CHECK.written(
          named,
          SUMMARY.totals(counts.total, counts.errors, counts.warnings, counts.unreadable),
        ),
      );
    }
  } else if (typeof report === "string") io.stdout(report);
  sayCopies();
  return exitCodeFor(outcomes);
}

/**
 * Copies written under a new name because the old one was not ours to replace: one line, however
 * many (a folder of copies from before the mark would otherwise say so once per file, each run).
 */
function sayKept(kept: CopyPlan["kept"], say: Say): void {
  const [only] = kept;
  if (kept.length === 1 && only)
    say.error(
      only.readOnly
        ? KEPT_COPIES.readOnly(only.kept, only.written)
        : OUTPUT.copyKept(only.kept, only.written),
    );
  else if (kept.length > 1)
    say.error(KEPT_COPIES.summary(kept.length, listFiles(kept.map((k) => k.kept))));
}

/** A scanned file as the checker takes it: by its bytes when its name is not valid UTF-8. */
function checkInput(entry: ScanEntry): CheckInput {
  return entry.source ? { name: entry.path, source: entry.source } : entry.path;
}

function entryPath(entry: ScanEntry): string | Buffer {
  return entry.source ? Buffer.from(entry.source) : entry.path;
}

/** A few names for one line: the first three, then how many in all. */
function listFiles(files: string[]): string {
  const shown = files
    .slice(0, 3)
    .map((f) => `“${f}”`)
    .join("、");
  return files.length > 3 ? INPUT.andMore(shown, files.length) : shown;
}

/**
 * --previous: one report for every input, or a folder of last year's reports found by unit.
 * Each is read now: a single report that cannot be read refuses the run before anything is
 * checked (the comparison asked for cannot happen); a folder's unreadable files are named.
 */
function previousReports(path: string, entries: ScanEntry[], say: Say): PreviousReports | null {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    say.error(CHECK.previousMissing(path), error);
    return null;
  }
  if (!isFolder) {
    try {
      return { kind: "file", file: previousFile(path) };
    } catch (error) {
      const problem = readProblem(error);
      say.error(INPUT.previousFileUnreadable(path, problem.message), problem.detail);
      return null;
    }
  }
  for (const entry of entries)
    if (entry.notChecked?.mayBeReport)
      say.error(CHECK.previousUnused(entry.path, entry.notChecked.message));
  const files = entries.filter((e) => !e.notChecked);
  if (files.length === 0) {
    say.error(CHECK.previousMissing(path));
    return null;
  }
  const units: Record<string, PreviousFile[]> = {};
  for (const entry of files) {
    try {
      const file = previousFile(checkInput(entry));
      if (file.unit) (units[unitKey(file.unit)] ??= []).push(file);
      else say.error(CHECK.previousNoUnit(entry.path));
    } catch (error) {
      const problem = readProblem(error);
      say.error(CHECK.previousUnreadable(entry.path, problem.message), problem.detail);
    }
  }
  return { kind: "byUnit", units };
}

/** Last year's report: which file it is, its unit and year; throws when it cannot be read. */
function previousFile(input: CheckInput): PreviousFile & { unit: string | null } {
  const model = recognize(readSnapshot(input));
  const id = fileIdentity(typeof input === "string" ? input : Buffer.from(input.source));
  return { path: input, id, year: model.year, unit: model.title?.unit ?? null };
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

const COMMANDS = ["check", "template", "help"];

/**
 * Runs the command line. Every failure becomes one Chinese line (and an exit code); a stack
 * trace or an English system message only with --debug.
 */
export async function run(argv: string[], io: Io = defaultIo): Promise<number> {
  const say = new Say(io, argv.includes("--debug"));
  const command = argv.find((a) => COMMANDS.includes(a)) ?? null;
  try {
    return await parseAndRun(argv, io, say);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.clean;
      // `nianbao` alone: commander has printed the help.
      if (error.code === "commander.help") return EXIT.failure;
      say.error(describeArgumentError(error, command), error.message);
      return EXIT.failure;
    }
    say.error(INTERNAL.error, error);
    return EXIT.failure;
  }
}

function buildProgram(io: Io, say: Say, start: (work: () => Promise<number>) => void): Command {
  const program = new Command("nianbao")
    .description(HELP.program)
    .version(HELP.versionLine(version()), "-V, --version", HELP.version)
    .option("--debug", HELP.debug)
    .helpOption("-h, --help", HELP.help)
    .helpCommand(`help ${HELP.helpCommandArgument}`, HELP.helpCommand)
    .configureHelp(CHINESE_HELP)
    // Subcommands added below inherit the help, output and exit settings.
    .exitOverride()
    // Argument errors are said by run(), in Chinese.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .addHelpText("after", `\n${HELP.examples}\n\n${HELP.exitCodes}`);

  program
    .command("check")
    .summary(HELP.check.summary)
    .description(HELP.check.description)
    .argument(HELP.check.argument, HELP.check.argumentDescription)
    .addOption(
      new Option("-f, --format <格式>", HELP.check.format)
        .choices(["text", "json", "csv", "html", "xlsx"])
        .default("text"),
    )
    .option("-o, --output <文件>", HELP.check.output)
    .option("-j, --jobs <数量>", HELP.check.jobs)
    .option("-p, --previous <上年报告>", HELP.check.previous)
    .option("-a, --annotate <文件夹>", HELP.check.annotate)
    .option("--rule <规则=设置>", HELP.check.rule, (value: string, list: string[] = []) => [
      ...list,
      value,
    ])
    .option("--config <文件>", HELP.check.config)
    .option("--baseline <上一轮结果>", HELP.check.baseline)
    .option("--similarity-threshold <比例>", HELP.check.similarityThreshold)
    .option("--cross-similarity", HELP.check.crossSimilarity)
    .helpOption("-h, --help", HELP.help)
    .addHelpText("after", `\n${HELP.exitCodes}`)
    .action((paths: string[], options: CheckArguments) => {
      start(() => runCheck(paths, options, io, say));
    });

  program
    .command("template")
    .description(HELP.template.description)
    .option("-y, --year <年份>", HELP.template.year)
    .option("-u, --unit <单位>", HELP.template.unit)
    .addOption(new Option("--format <格式>", HELP.template.format).choices(["2021", "2019"]))
    .option("--zeros", HELP.template.zeros)
    .option("--part <部分>", HELP.template.part)
    .option("-o, --output <文件>", HELP.template.output)
    .option("--force", HELP.template.force)
    .helpOption("-h, --help", HELP.help)
    .action((options: TemplateArguments) => {
      start(async () => {
        const outcome = writeTemplate(options);
        if (!outcome.ok) {
          say.error(outcome.message, outcome.detail);
          return EXIT.failure;
        }
        for (const note of outcome.notes) say.error(note);
        io.stdout(`${sanitizeText(TEMPLATE.written(outcome.path))}\n`);
        return EXIT.clean;
      });
    });
  return program;
}

async function parseAndRun(argv: string[], io: Io, say: Say): Promise<number> {
  let pending: Promise<number> | null = null;
  const program = buildProgram(io, say, (work) => {
    pending = withInterruptCleanup(work, io);
  });
  program.parse(argv, { from: "user" });
  return pending ?? EXIT.clean;
}
