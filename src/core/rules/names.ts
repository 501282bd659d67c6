/**
 * Each rule's short Chinese name, as the reports' 规则名称 column and the pane's list of ignored
 * rules show it. Each rule owns its name (RuleMeta.name); this is the lookup by id.
 */
import { byRule } from "./registry";

export const RULE_NAMES = byRule((meta) => meta.name);
