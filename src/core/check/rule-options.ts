/**
 * Settings of the rules that have any: limits a province or city may set for itself (a
 * minimum length for 五, a maximum for 一, its own deadlines). Validated with the check
 * options; the command line's --config file holds the same object under `ruleOptions`.
 */
import { z } from "zod";

/** A day of the year as MM-DD, e.g. 01-31 (no 29 February: deadlines fall on any year). */
const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: "应为“月-日”，如 01-31" })
  .refine(
    (text) => {
      const [month = 0, day = 0] = text.split("-").map(Number);
      return day <= ([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0);
    },
    { message: "该月没有这一天" },
  );

export const ruleOptionsSchema = z
  .object({
    "problems-vague": z
      .object({
        /** Fewer characters than this in 五 (headings and punctuation aside) is too brief. */
        minLength: z
          .number()
          .int()
          .min(0)
          .max(100_000)
          .default(50)
          .meta({ description: "“五、存在的主要问题及改进情况”的最少字数（0 为不检查字数）" }),
        /** Also ask for last year's problems and how they were rectified (上年度…问题…整改). */
        previousYear: z
          .boolean()
          .default(false)
          .meta({ description: "是否要求说明上一年度报告所提问题的整改情况" }),
      })
      .strict()
      .prefault({}),
    "summary-length": z
      .object({
        /** Most characters 一、总体情况 may have; null (the default) turns the rule off. */
        maxLength: z
          .number()
          .int()
          .positive()
          .max(1_000_000)
          .nullable()
          .default(null)
          .meta({ description: "“一、总体情况”的最多字数；null（默认）为不检查" }),
      })
      .strict()
      .prefault({}),
    "oversight-missing": z
      .object({
        /** Also ask it of 街道办事处, which the 条例 does not count among 各级人民政府. */
        subdistricts: z
          .boolean()
          .default(false)
          .meta({ description: "街道办事处的报告是否也要求写工作考核、社会评议和责任追究结果" }),
      })
      .strict()
      .prefault({}),
    "report-date": z
      .object({
        /** Deadline (MM-DD of the next year) for a department's report: 条例第四十九条, 1月31日. */
        departmentDeadline: monthDay
          .default("01-31")
          .meta({ description: "部门公布上一年度报告的期限（月-日），默认 01-31" }),
        /** Deadline for a government's report (and, the 条例 being silent, 乡镇 and 街道): 3月31日. */
        governmentDeadline: monthDay.default("03-31").meta({
          description: "人民政府（以及乡镇、街道）公布上一年度报告的期限（月-日），默认 03-31",
        }),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type RuleOptions = z.output<typeof ruleOptionsSchema>;
export type RuleOptionsInput = z.input<typeof ruleOptionsSchema>;

export const DEFAULT_RULE_OPTIONS: RuleOptions = ruleOptionsSchema.parse({});
