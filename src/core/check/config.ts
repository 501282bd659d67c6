/**
 * A configuration file (`nianbao check --config 本省要求.json`): which rules run, at what
 * severity, with which limits, so that a province can set its own requirements without code.
 * schema/nianbao-config.schema.json is this schema as JSON Schema (config.test.ts keeps the
 * two equal), for editors that complete and check the file as it is written.
 */
import { z } from "zod";
import { ruleSettingsSchema } from "./options";
import { ruleOptionsSchema } from "./rule-options";

export const configFileSchema = z
  .object({
    /** Where the file's JSON Schema is, for an editor. */
    $schema: z
      .string()
      .optional()
      .meta({ description: "本文件的 JSON Schema 位置（供编辑器提示）" }),
    /** A rule's id and "off", "error", "warning" or "info". */
    rules: ruleSettingsSchema
      .optional()
      .meta({ description: "按规则编号设置：off 关闭，error、warning、info 改变严重程度" }),
    /** Limits and deadlines of the rules that have any. */
    ruleOptions: ruleOptionsSchema
      .optional()
      .meta({ description: "各规则的限值和期限，见 docs/rules/ 中各规则的“选项”" }),
  })
  .strict();

export type ConfigFile = z.output<typeof configFileSchema>;

/** The JSON Schema of the configuration file, as shipped in schema/. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configFileSchema, { io: "input" }),
    title: "年报校核配置文件",
    description:
      "nianbao check --config 读取的配置：rules 开关规则或改变严重程度，ruleOptions 设置规则的限值",
  };
}

export interface ConfigProblem {
  /** Where in the file, e.g. ruleOptions.summary-length.maxLength ("" for the whole file). */
  path: string;
  message: string;
}

/** Validates a parsed configuration; the problems are in Chinese. */
export function parseConfig(
  data: unknown,
): { ok: true; config: ConfigFile } | { ok: false; problems: ConfigProblem[] } {
  const result = configFileSchema.safeParse(data, { error: z.locales.zhCN().localeError });
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.flatMap((issue) => {
      const path = issue.path.map(String).join(".");
      if (issue.code === "unrecognized_keys")
        return issue.keys.map((key) => ({
          path,
          message: path === "rules" ? `没有“${key}”这条规则` : `没有“${key}”这一项`,
        }));
      return [{ path, message: describeIssue(issue) }];
    }),
  };
}

const TYPE_NAMES: Record<string, string> = {
  number: "数字",
  int: "整数",
  boolean: "true 或 false",
  string: "文字（加英文双引号）",
  object: "一组设置（用 { } 括起）",
  null: "null",
};

/** One problem in a clerk's words; our own refinements already are. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `应为${expected}`;
    }
    case "invalid_value":
      return `应为以下之一：${issue.values.map((v) => `“${String(v)}”`).join("、")}`;
    case "too_small":
      return `应不小于 ${String(issue.minimum)}`;
    case "too_big":
      return `应不大于 ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}
