/**
 * Commander in Chinese. Commander 14 has no translations (a locale API was proposed and closed
 * unmerged: tj/commander.js#1801, #1807), but its Help class is configurable method by method
 * (`configureHelp`): the headings, the usage line, `(choices: … default: …)`, and the width
 * measure (`displayWidth`, which it uses both to pad terms and to wrap descriptions). Its
 * errors are thrown as CommanderError with a stable `code`; `describeArgumentError` turns each
 * into one Chinese line with what to do.
 */
import { Command, CommanderError, Help, type Argument, type Option } from "commander";
import { displayWidth, wrapText } from "./display-width";
import { ARGUMENT_ERRORS, HELP, PROGRAM } from "./strings";

function localizeUsage(usage: string): string {
  return usage
    .replace("[options]", HELP.optionsPlaceholder)
    .replace("[command]", HELP.commandPlaceholder);
}

export const CHINESE_HELP: Partial<Help> = {
  showGlobalOptions: true,
  displayWidth,
  boxWrap: (text: string, width: number) => (width < 40 ? text : wrapText(text, width)),
  commandUsage(command: Command): string {
    return localizeUsage(Help.prototype.commandUsage.call(this, command));
  },
  subcommandTerm(command: Command): string {
    return localizeUsage(Help.prototype.subcommandTerm.call(this, command));
  },
  optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(HELP.choices(option.argChoices));
    if (option.defaultValue !== undefined && (option.required || option.optional))
      extra.push(HELP.default(option.defaultValueDescription ?? String(option.defaultValue)));
    return extra.length ? `${option.description}（${extra.join("；")}）` : option.description;
  },
  argumentDescription(argument: Argument): string {
    return argument.description;
  },
  formatHelp(command: Command, helper: Help): string {
    const termWidth = helper.padWidth(command, helper);
    const item = (term: string, description: string) =>
      helper.formatItem(term, termWidth, description, helper);
    const list = (title: string, items: string[]) => (items.length ? [title, ...items, ""] : []);
    const option = (o: Option) => item(helper.optionTerm(o), helper.optionDescription(o));
    const description = helper.commandDescription(command);
    return [
      `${HELP.titles.usage}${helper.commandUsage(command)}`,
      "",
      ...(description ? [helper.boxWrap(description, helper.helpWidth ?? 80), ""] : []),
      ...list(
        HELP.titles.arguments,
        helper
          .visibleArguments(command)
          .map((a) => item(helper.argumentTerm(a), helper.argumentDescription(a))),
      ),
      ...list(HELP.titles.options, helper.visibleOptions(command).map(option)),
      ...list(HELP.titles.globalOptions, helper.visibleGlobalOptions(command).map(option)),
      ...list(
        HELP.titles.commands,
        helper
          .visibleCommands(command)
          .map((c) => item(helper.subcommandTerm(c), helper.subcommandDescription(c))),
      ),
    ].join("\n");
  },
};

/** Commander's "(Did you mean check?)" / "(Did you mean one of a, b?)". */
function suggestions(message: string): string[] {
  const match = /\(Did you mean (?:one of )?(.+)\?\)/.exec(message);
  return match ? (match[1] as string).split(", ") : [];
}

const quotedName = (message: string) => /'([^']*)'/.exec(message)?.[1] ?? "";

/**
 * One or two Chinese lines for an argument error; `command` is the subcommand the user typed,
 * if any, for the "see --help" hint.
 */
export function describeArgumentError(error: CommanderError, command: string | null): string {
  const { code, message } = error;
  const hint = (names: string[]) => (names.length ? ARGUMENT_ERRORS.suggestion(names) : "");
  switch (code) {
    case "commander.unknownCommand":
      return `${ARGUMENT_ERRORS.unknownCommand(quotedName(message))}${hint(suggestions(message))}\n${ARGUMENT_ERRORS.seeHelp(null)}`;
    case "commander.unknownOption":
      return `${ARGUMENT_ERRORS.unknownOption(quotedName(message))}${hint(suggestions(message))}\n${ARGUMENT_ERRORS.seeHelp(command)}`;
    case "commander.missingArgument":
      return command === "check"
        ? ARGUMENT_ERRORS.missingFiles
        : `${ARGUMENT_ERRORS.missingArgument(quotedName(message))}\n${ARGUMENT_ERRORS.seeHelp(command)}`;
    case "commander.optionMissingArgument":
      return `${ARGUMENT_ERRORS.optionMissingValue(flagsOf(message))}\n${ARGUMENT_ERRORS.seeHelp(command)}`;
    case "commander.invalidArgument": {
      const value = /argument '([^']*)' is invalid/.exec(message)?.[1] ?? "";
      const choices = /Allowed choices are (.+)\.$/.exec(message)?.[1]?.split(", ") ?? [];
      return ARGUMENT_ERRORS.invalidChoice(flagsOf(message), value, choices);
    }
    case "commander.excessArguments":
      return `${ARGUMENT_ERRORS.excessArguments(command ?? PROGRAM, Number(/but got (\d+)/.exec(message)?.[1] ?? 0) - Number(/Expected (\d+)/.exec(message)?.[1] ?? 0))}\n${ARGUMENT_ERRORS.seeHelp(command)}`;
    default:
      return `${ARGUMENT_ERRORS.other}${ARGUMENT_ERRORS.seeHelp(command)}`;
  }
}

/** '-o, --output <文件>' → -o, --output */
function flagsOf(message: string): string {
  return quotedName(message).replace(/\s*[<[].*$/, "");
}
