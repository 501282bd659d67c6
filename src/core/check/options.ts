import { z } from "zod";
import { RULE_IDS } from "../rules/types";
import { documentSnapshotSchema } from "../model/snapshot";
import { ruleOptionsSchema } from "./rule-options";

export const ruleSettingSchema = z.enum(["off", "error", "warning", "info"]);

/** Which rules run and how: what a user (or a province's config file) may set. */
export const ruleSettingsSchema = z.partialRecord(z.enum(RULE_IDS), ruleSettingSchema);

export const checkOptionsSchema = z
  .object({
    /** Turn a rule off or change its severity. */
    rules: ruleSettingsSchema.default({}),
    /** Limits and deadlines of the rules that have any (rule-options.ts). */
    ruleOptions: ruleOptionsSchema.prefault({}),
    /** Last year's report, for `carryover-mismatch`. */
    previous: documentSnapshotSchema.nullable().default(null),
    /** `text-copied`: the share of prose found in last year's report that is reported (0–1). */
    similarityThreshold: z.number().min(0).max(1).default(0.5),
  })
  .strict();

export type CheckOptions = z.input<typeof checkOptionsSchema>;

/** The options after defaults: what check() works with. */
export type ResolvedCheckOptions = z.output<typeof checkOptionsSchema>;
