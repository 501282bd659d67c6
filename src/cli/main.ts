/** `nianbao`: the command line. */
import { writeFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { checkFile, type FileOutcome } from "./check-file";
import { expandInputs } from "./files";
import { formatJson } from "./format-json";
import { COLOURS, formatText, PLAIN } from "./format-text";
import { writeTemplate, type TemplateArguments } from "./template-command";

export const EXIT = { clean: 0, findings: 1, failure: 2 } as const;

export function exitCodeFor(outcomes: FileOutcome[]): number {
  if (outcomes.some((o) => o.error)) return EXIT.failure;
  if (outcomes.some((o) => o.result?.findings.some((f) => f.severity === "error")))
    return EXIT.findings;
  return EXIT.clean;
}

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
}

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

export function run(argv: string[], io: Io = defaultIo): number {
  let exitCode: number = EXIT.clean;
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
      new Option("-f, --format <格式>", "输出格式").choices(["text", "json"]).default("text"),
    )
    .option("-o, --output <文件>", "把报告写入文件而不是屏幕")
    .helpOption("-h, --help", "显示帮助")
    .action((paths: string[], options: { format: "text" | "json"; output?: string }) => {
      const outcomes = expandInputs(paths).map((input) => checkFile(input));
      for (const outcome of outcomes) {
        if (outcome.error) io.stderr(`nianbao: ${outcome.file}: ${outcome.error.detail}\n`);
      }
      if (outcomes.length === 0) io.stderr("nianbao: 没有找到 .docx 文件\n");
      const toFile = options.output !== undefined;
      const report =
        options.format === "json"
          ? formatJson(outcomes)
          : formatText(outcomes, io.isTty && !toFile ? COLOURS : PLAIN);
      if (toFile) writeFileSync(options.output as string, report);
      else io.stdout(report);
      exitCode = outcomes.length === 0 ? EXIT.failure : exitCodeFor(outcomes);
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
  return exitCode;
}
