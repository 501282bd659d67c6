/** Every rule, in the order findings are listed. Adding a rule: its file, one line here, tests, a doc. */
import { basisOutdated } from "./basis-outdated";
import { carryoverMismatch } from "./carryover-mismatch";
import { cellBlank } from "./cell-blank";
import { cellInvalid } from "./cell-invalid";
import { cellNote } from "./cell-note";
import { claimContradiction } from "./claim-contradiction";
import { contentRepeated } from "./content-repeated";
import { feeStatementMissing } from "./fee-statement-missing";
import { formatOutdated } from "./format-outdated";
import { inforceRollforward } from "./inforce-rollforward";
import { oversightMissing } from "./oversight-missing";
import { periodInvalid } from "./period-invalid";
import { problemsVague } from "./problems-vague";
import { reportDate } from "./report-date";
import { sectionMissing } from "./section-missing";
import { sectionOrder } from "./section-order";
import { sectionTitleRule } from "./section-title";
import { summaryLength } from "./summary-length";
import { table3Balance } from "./table3-balance";
import { table3ResultsTotal } from "./table3-results-total";
import { table3RowTotal } from "./table3-row-total";
import { table4Total } from "./table4-total";
import { tableMissing } from "./table-missing";
import { tableStructure } from "./table-structure";
import { textCopied } from "./text-copied";
import { textTableMismatch } from "./text-table-mismatch";
import { titleWording } from "./title-wording";
import { yearMismatch } from "./year-mismatch";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [
  sectionMissing,
  sectionOrder,
  sectionTitleRule,
  tableMissing,
  tableStructure,
  formatOutdated,
  periodInvalid,
  yearMismatch,
  cellInvalid,
  cellNote,
  cellBlank,
  table3RowTotal,
  table3ResultsTotal,
  table3Balance,
  table4Total,
  textTableMismatch,
  carryoverMismatch,
  inforceRollforward,
  contentRepeated,
  titleWording,
  basisOutdated,
  reportDate,
  summaryLength,
  oversightMissing,
  problemsVague,
  feeStatementMissing,
  claimContradiction,
  textCopied,
];
