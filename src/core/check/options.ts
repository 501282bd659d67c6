import { z } from "zod";
import { RULE_IDS } from "../rules/types";
import { documentSnapshotSchema } from "../model/snapshot";

export const ruleSettingSchema = z.enum(["off", "error", "warning", "info"]);

export const checkOptionsSchema = z
  .object({
    /** Turn a rule off or change its severity. */
    rules: z.partialRecord(z.enum(RULE_IDS), ruleSettingSchema).default({}),
    /** Last year's report, for `carryover-mismatch`. */
    previous: documentSnapshotSchema.nullable().default(null),
    /** `text-copied`: the share of prose found in last year's report that is reported (0–1). */
    similarityThreshold: z.number().min(0).max(1).default(0.5),
  })
  .strict();

export type CheckOptions = z.input<typeof checkOptionsSchema>;
export type ResolvedCheckOptions = z.output<typeof checkOptionsSchema>;
