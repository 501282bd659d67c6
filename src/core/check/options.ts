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
  })
  .strict();

export type CheckOptions = z.input<typeof checkOptionsSchema>;
