/**
 * --config FILE and --rule id=setting: which rules run, at what severity and with which limits.
 * The file is read first, then each --rule, so a rule given on the command line wins. Every
 * problem is one Chinese line (the run then exits with 2, like any argument error).
 */
import {
  RULE_IDS,
  type CheckOptions,
  type RuleId,
  parseConfig,
  ruleSettingSchema,
  similarity,
} from "../core";
import { readRegularFile } from "./review";
import { RULE_SETTINGS, REFUSED_READ } from "./strings";

/** A configuration file lists rules and a few limits: a few kilobytes. A megabyte is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** What --config and --rule ask of the check: passed to every file's check(). */
export type RuleSettings = Pick<CheckOptions, "rules" | "ruleOptions">;

export function ruleSettings(
  config: string | undefined,
  rules: string[] = [],
): { ok: true; settings: RuleSettings } | { ok: false; message: string } {
  const settings: RuleSettings = {};
  if (config !== undefined) {
    const read = readConfig(config);
    if (!read.ok) return read;
    Object.assign(settings, read.settings);
  }
  for (const value of rules) {
    const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(value);
    if (!match) return { ok: false, message: RULE_SETTINGS.ruleMalformed(value) };
    const [, id = "", setting = ""] = match;
    if (!(RULE_IDS as readonly string[]).includes(id))
      return { ok: false, message: RULE_SETTINGS.unknownRule(id, nearestRule(id)) };
    const parsed = ruleSettingSchema.safeParse(setting.toLowerCase());
    if (!parsed.success) return { ok: false, message: RULE_SETTINGS.invalidSetting(id, setting) };
    settings.rules = { ...settings.rules, [id as RuleId]: parsed.data };
  }
  return { ok: true, settings };
}

function readConfig(
  path: string,
): { ok: true; settings: RuleSettings } | { ok: false; message: string } {
  const read = readRegularFile(path, MAX_CONFIG_BYTES);
  if (!read.ok) {
    const code = (read.error as NodeJS.ErrnoException | undefined)?.code;
    const why =
      read.why === "folder"
        ? RULE_SETTINGS.isFolder
        : read.why === "special"
          ? REFUSED_READ.configNotRegular
          : read.why === "tooLarge"
            ? REFUSED_READ.configTooLarge(MAX_CONFIG_BYTES / 1024 / 1024)
            : code === "ENOENT"
              ? RULE_SETTINGS.notFound
              : RULE_SETTINGS.cannotOpen;
    return { ok: false, message: RULE_SETTINGS.configUnreadable(path, why) };
  }
  const text = read.text;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: RULE_SETTINGS.configNotJson(path) };
  }
  const parsed = parseConfig(data);
  if (!parsed.ok) {
    const problems = parsed.problems.map((p) => RULE_SETTINGS.problemAt(p.path, p.message));
    return { ok: false, message: RULE_SETTINGS.configInvalid(path, problems) };
  }
  const { rules, ruleOptions } = parsed.config;
  return { ok: true, settings: { ...(rules && { rules }), ...(ruleOptions && { ruleOptions }) } };
}

function nearestRule(id: string): string | null {
  let best: string | null = null;
  let score = 0.5;
  for (const candidate of RULE_IDS) {
    const s = similarity(id.toLowerCase(), candidate);
    if (s > score) [best, score] = [candidate, s];
  }
  return best;
}
