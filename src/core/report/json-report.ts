/** The JSON report of ../shared/spec/findings.md: its schema, and findings turned into it. */
import { z } from "zod";
import { RULE_IDS, type Finding } from "../rules/types";

const locationSchema = z.union([
  z
    .object({
      table: z.enum(["table2", "table3", "table4"]),
      row: z.string().nullable().optional(),
      column: z.string().nullable().optional(),
    })
    .strict(),
  z.object({ section: z.enum(["一", "二", "三", "四", "五", "六"]) }).strict(),
  z.object({ paragraph: z.number().int().nonnegative(), text: z.string() }).strict(),
  z.object({}).strict(),
]);

const severitySchema = z.enum(["error", "warning", "info"]);

/** One cell of a finding about several cells (blank cells of a draft). */
export const findingCellShape = {
  row: z.string().nullable(),
  column: z.string().nullable(),
  expected: z.number().optional(),
};

/**
 * A finding as any version of this report wrote it: its rule may be one this version no longer
 * has, and its location is kept as written. Read leniently from an earlier round (baseline.ts)
 * and written back as a fixed finding.
 */
export const earlierFindingShape = {
  rule: z.string().min(1),
  severity: severitySchema,
  message: z.string(),
  location: z.record(z.string(), z.unknown()),
  expected: z.number().optional(),
  actual: z.number().optional(),
};

export const jsonFindingSchema = z
  .object({
    ...earlierFindingShape,
    rule: z.enum(RULE_IDS),
    message: z.string().min(1),
    location: locationSchema,
    cells: z.array(z.object(findingCellShape).strict()).optional(),
    /** With --baseline: "open" when the earlier round had it too, else "new". */
    status: z.enum(["new", "open"]).optional(),
  })
  .strict();

/** With --baseline: a finding of the earlier round that is gone, as the earlier report had it. */
export const jsonFixedFindingSchema = z
  .object({
    ...earlierFindingShape,
    cells: z.array(z.object(findingCellShape).strict()).optional(),
  })
  .strict();

/** With --previous: share of the prose found in last year's report (0–1); null: none matched. */
const similaritySchema = z.number().min(0).max(1).nullable().optional();

/** One report of a file; a 汇编 holds several. The file's `findings` holds them all. */
export const jsonReportEntrySchema = z
  .object({
    unit: z.string().nullable(),
    year: z.number().int().nullable(),
    format: z.enum(["2021", "2019", "unknown"]),
    findings: z.array(jsonFindingSchema),
    similarity: similaritySchema,
    /** With --baseline: the earlier round's file matched (null: the unit is new) and what was fixed. */
    baselineFile: z.string().nullable().optional(),
    fixed: z.array(jsonFixedFindingSchema).optional(),
  })
  .strict();

export const jsonFileReportSchema = z
  .object({
    file: z.string(),
    format: z.enum(["2021", "2019", "unknown"]),
    year: z.number().int().nullable(),
    /** 〈单位〉 from the report title; added for the supervising office's batch reports. */
    unit: z.string().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).strict().nullable(),
    findings: z.array(jsonFindingSchema),
    /** Every report in the file (one for most files), each with its own findings. */
    reports: z.array(jsonReportEntrySchema).optional(),
    /**
     * Added for "nothing skipped silently": `checked`, `unreadable` (then `error` says why), or
     * `not-checked`: a file found in a folder and listed without being checked (`error` says why
     * and what to do, so a reader that knows only `error` never takes it for a clean report).
     */
    status: z.enum(["checked", "unreadable", "not-checked"]).optional(),
    /** With --annotate: where the annotated copy was written, or null when none was made. */
    annotated: z.string().nullable().optional(),
    /** With --annotate: why the copy could not be made (the findings still stand). */
    annotateError: z.object({ code: z.string(), message: z.string() }).strict().optional(),
    similarity: similaritySchema,
    /**
     * With --previous: why the file was not compared with last year's report (none found for its
     * unit, it was the file itself, it could not be read), and so which checks were not done; or,
     * `previous-not-last-year`, that the report compared is not of the year just before, so its
     * figures were not carried over (the text was still compared).
     */
    previousNote: z.object({ code: z.string(), message: z.string() }).strict().optional(),
    /**
     * With --previous: the report the file was compared with, and its year (null: not known).
     * Added later: older reports have no such field.
     */
    previous: z.object({ path: z.string(), year: z.number().int().nullable() }).strict().optional(),
    /** With --baseline: the earlier round's findings that are gone, every report's together. */
    fixed: z.array(jsonFixedFindingSchema).optional(),
  })
  .strict();

const unitRefSchema = z.object({ file: z.string(), unit: z.string().nullable() }).strict();

/** With --baseline: the earlier round, counts per unit, and its units this round lacks. */
export const jsonBaselineSchema = z
  .object({
    file: z.string(),
    units: z.array(
      z
        .object({
          file: z.string(),
          unit: z.string().nullable(),
          baselineFile: z.string().nullable(),
          fixed: z.number().int().nonnegative(),
          open: z.number().int().nonnegative(),
          new: z.number().int().nonnegative(),
        })
        .strict(),
    ),
    missing: z.array(unitRefSchema),
  })
  .strict();

/** Found but left out on purpose: our own annotated copies, folders and files reached twice. */
export const jsonExcludedSchema = z
  .object({
    path: z.string(),
    code: z.enum(["annotated-copy", "folder-seen", "file-seen"]),
    message: z.string(),
  })
  .strict();

export const jsonReportSchema = z
  .object({
    files: z.array(jsonFileReportSchema),
    excluded: z.array(jsonExcludedSchema).optional(),
    baseline: jsonBaselineSchema.optional(),
    /** With --cross-similarity: pairs of units whose prose overlaps at least the threshold. */
    crossSimilarity: z
      .array(
        z
          .object({ a: unitRefSchema, b: unitRefSchema, similarity: z.number().min(0).max(1) })
          .strict(),
      )
      .optional(),
  })
  .strict();

export type JsonFinding = z.infer<typeof jsonFindingSchema>;
export type JsonFixedFinding = z.infer<typeof jsonFixedFindingSchema>;
export type JsonReportEntry = z.infer<typeof jsonReportEntrySchema>;
export type JsonFileReport = z.infer<typeof jsonFileReportSchema>;
export type JsonReport = z.infer<typeof jsonReportSchema>;

/** A finding of this run or an earlier round's, with only the fields the report defines. */
function reportedFields<Rule extends string, Location extends object>(
  finding: Omit<JsonFixedFinding, "rule" | "location"> & { rule: Rule; location: Location },
) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    location: finding.location,
    ...(finding.expected !== undefined && { expected: finding.expected }),
    ...(finding.actual !== undefined && { actual: finding.actual }),
    ...(finding.cells !== undefined && {
      cells: finding.cells.map(({ row, column, expected }) => ({
        row,
        column,
        ...(expected !== undefined && { expected }),
      })),
    }),
  };
}

export function toJsonFinding(finding: Finding): JsonFinding {
  return reportedFields(finding);
}

/** With --baseline: an earlier round's finding that is gone, as that round wrote it. */
export function toJsonFixedFinding(finding: JsonFixedFinding): JsonFixedFinding {
  return reportedFields(finding);
}
