/**
 * Every rule, by id, in the order findings are listed. A Record over RuleId, so the compiler
 * asks for a rule when an id is added (and each entry's rule must carry that id). Adding a rule:
 * its file, one line here, tests, a doc (docs/adding-a-rule.md).
 */
import { carryoverMismatch } from "./carryover-mismatch";
import { cellBlank } from "./cell-blank";
import { cellInvalid } from "./cell-invalid";
import { cellNote } from "./cell-note";
import { contentRepeated } from "./content-repeated";
import { formatOutdated } from "./format-outdated";
import { inforceRollforward } from "./inforce-rollforward";
import { periodInvalid } from "./period-invalid";
import { sectionMissing } from "./section-missing";
import { sectionOrder } from "./section-order";
import { sectionTitleRule } from "./section-title";
import { table3Balance } from "./table3-balance";
import { table3ResultsTotal } from "./table3-results-total";
import { table3RowTotal } from "./table3-row-total";
import { table4Total } from "./table4-total";
import { tableMissing } from "./table-missing";
import { tableStructure } from "./table-structure";
import { textTableMismatch } from "./text-table-mismatch";
import { yearMismatch } from "./year-mismatch";
import { basisOutdated } from "./basis-outdated";
import { claimContradiction } from "./claim-contradiction";
import { feeStatementMissing } from "./fee-statement-missing";
import { oversightMissing } from "./oversight-missing";
import { problemsVague } from "./problems-vague";
import { reportDate } from "./report-date";
import { summaryLength } from "./summary-length";
import { textCopied } from "./text-copied";
import { titleWording } from "./title-wording";
import type { Rule, RuleId, RuleMeta } from "./types";

/** The listing order is this literal's order (string keys keep their insertion order). */
export const RULE_REGISTRY: { readonly [Id in RuleId]: Rule<Id> } = {
  "section-missing": sectionMissing,
  "section-order": sectionOrder,
  "section-title": sectionTitleRule,
  "table-missing": tableMissing,
  "table-structure": tableStructure,
  "format-outdated": formatOutdated,
  "period-invalid": periodInvalid,
  "year-mismatch": yearMismatch,
  "cell-invalid": cellInvalid,
  "cell-note": cellNote,
  "cell-blank": cellBlank,
  "table3-row-total": table3RowTotal,
  "table3-results-total": table3ResultsTotal,
  "table3-balance": table3Balance,
  "table4-total": table4Total,
  "text-table-mismatch": textTableMismatch,
  "carryover-mismatch": carryoverMismatch,
  "inforce-rollforward": inforceRollforward,
  "content-repeated": contentRepeated,
  "title-wording": titleWording,
  "basis-outdated": basisOutdated,
  "report-date": reportDate,
  "summary-length": summaryLength,
  "oversight-missing": oversightMissing,
  "problems-vague": problemsVague,
  "fee-statement-missing": feeStatementMissing,
  "claim-contradiction": claimContradiction,
  "text-copied": textCopied,
};

/** Every rule in listing order: the order the runner applies them and findings tie-break. */
export const RULES: readonly Rule[] = Object.values(RULE_REGISTRY);

/** One word of each rule's meta, by id (its name, its remedy…). */
export function byRule<T>(pick: (meta: RuleMeta) => T): Record<RuleId, T> {
  return Object.fromEntries(RULES.map((rule) => [rule.meta.id, pick(rule.meta)])) as Record<
    RuleId,
    T
  >;
}
