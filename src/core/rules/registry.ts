/** Every rule, in the order findings are listed. Adding a rule: its file, one line here, tests, a doc. */
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
import { textCopied } from "./text-copied";
import { textTableMismatch } from "./text-table-mismatch";
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
  textCopied,
];
