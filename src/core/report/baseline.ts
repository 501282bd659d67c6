/**
 * A resubmission against the earlier round: which findings are still open, which are new and
 * which are fixed. Pure.
 *
 * The earlier round is a JSON report this tool wrote (json-report.ts). It is read leniently
 * (baselineReportSchema): fields a later or earlier version added are ignored and a rule id
 * this version does not know is kept as text, so an older report still serves.
 *
 * Findings are matched by what they are, never by their message text (wording changes between
 * versions): the rule, the location and the figures. A location is its table, row and column,
 * or its section, or, for a paragraph, the paragraph's text (its index moves whenever a line is
 * added above it). The figures are `expected`, `actual` and each cell of `cells`. So a sum that
 * is still wrong by the same figures is "open"; corrected to another wrong figure it is a new
 * finding and the old one is fixed. Equal keys pair one to one, in order.
 */
import { z } from "zod";
import { earlierFindingShape, findingCellShape } from "./json-report";

// Not strict: fields another version added are dropped, not refused.
const baselineFindingSchema = z.object({
  ...earlierFindingShape,
  cells: z.array(z.object(findingCellShape)).optional(),
});

const baselineReportEntrySchema = z.object({
  unit: z.string().nullable(),
  findings: z.array(baselineFindingSchema),
});

const baselineFileSchema = z.object({
  file: z.string(),
  unit: z.string().nullable().optional(),
  status: z.string().optional(),
  error: z.unknown().optional(),
  findings: z.array(baselineFindingSchema),
  reports: z.array(baselineReportEntrySchema).optional(),
});

export const baselineReportSchema = z.object({ files: z.array(baselineFileSchema) });

export type BaselineFinding = z.infer<typeof baselineFindingSchema>;
export type BaselineFile = z.infer<typeof baselineFileSchema>;
export type BaselineReport = z.infer<typeof baselineReportSchema>;

/** What a finding is, for matching: at least what the matcher reads. */
export interface Matchable {
  rule: string;
  location: object;
  expected?: number;
  actual?: number;
  cells?: { row: string | null; column: string | null; expected?: number }[];
}

export function matchKey(finding: Matchable): string {
  const location = finding.location as Record<string, unknown>;
  const place =
    "table" in location
      ? ["table", location.table, location.row ?? null, location.column ?? null]
      : "section" in location
        ? ["section", location.section]
        : "paragraph" in location
          ? [
              "paragraph",
              (typeof location.text === "string" ? location.text : "").replace(/\s+/g, ""),
            ]
          : ["document"];
  const cells = (finding.cells ?? []).map((c) => [c.row, c.column, c.expected ?? null]);
  return JSON.stringify([
    finding.rule,
    place,
    finding.expected ?? null,
    finding.actual ?? null,
    cells,
  ]);
}

export type FindingStatus = "new" | "open";

/**
 * Each current finding's status, in order, and the earlier findings that are gone (fixed), in
 * their order.
 */
export function compareFindings<T extends Matchable, B extends Matchable>(
  current: readonly T[],
  earlier: readonly B[],
): { statuses: FindingStatus[]; fixed: B[] } {
  const waiting = new Map<string, number[]>();
  for (const [index, finding] of earlier.entries()) {
    const key = matchKey(finding);
    const list = waiting.get(key);
    if (list) list.push(index);
    else waiting.set(key, [index]);
  }
  const matched = new Set<number>();
  const statuses = current.map((finding): FindingStatus => {
    const index = waiting.get(matchKey(finding))?.shift();
    if (index === undefined) return "new";
    matched.add(index);
    return "open";
  });
  return { statuses, fixed: earlier.filter((_, index) => !matched.has(index)) };
}
