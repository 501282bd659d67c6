import { jsonReportSchema, toJsonFinding, toJsonFixedFinding, type JsonReport } from "../core";
import type { FileOutcome } from "./check-file";
import { groupFindings } from "./describe-location";
import type { Excluded } from "./files";
import type { BatchReview } from "./review";

/** The JSON report as data: what `--format json` prints and the other formats may read. */
export function buildJsonReport(
  outcomes: FileOutcome[],
  excluded: Excluded[] = [],
  batch: BatchReview = {},
): JsonReport {
  return {
    files: outcomes.map((o) => {
      const status = (finding: FileOutcome["findings"][number]) => {
        const index = o.findings.indexOf(finding);
        const value = o.review?.statuses[index];
        return value ? { ...toJsonFinding(finding), status: value } : toJsonFinding(finding);
      };
      const reviews = o.review?.reports;
      return {
        file: o.file,
        format: o.format,
        year: o.year,
        unit: o.unit,
        error: o.error ? { code: o.error.code, message: o.error.message } : null,
        findings: o.findings.map(status),
        status: o.status,
        // Every report of the file with its own findings (one for most files, several in a 汇编).
        ...(o.status === "checked" && {
          reports: groupFindings(o).map(({ report, findings, index }) => ({
            unit: report.unit,
            year: report.year,
            format: report.format,
            findings: findings.map(status),
            ...(report.similarity !== undefined && { similarity: report.similarity }),
            ...(reviews?.[index] && {
              baselineFile: reviews[index].baselineFile,
              fixed: reviews[index].fixed.map(toJsonFixedFinding),
            }),
          })),
        }),
        ...(o.annotated !== undefined && { annotated: o.annotated }),
        ...(o.annotateError && {
          annotateError: { code: o.annotateError.code, message: o.annotateError.message },
        }),
        ...(o.similarity !== undefined && { similarity: o.similarity }),
        ...(o.previousNote && {
          previousNote: { code: o.previousNote.code, message: o.previousNote.message },
        }),
        ...(o.previous !== null && {
          previous: { path: o.previous, year: o.previousYear ?? null },
        }),
        ...(reviews && { fixed: reviews.flatMap((r) => r.fixed.map(toJsonFixedFinding)) }),
      };
    }),
    ...(excluded.length > 0 && {
      excluded: excluded.map(({ path, code, message }) => ({ path, code, message })),
    }),
    ...(batch.baseline && {
      baseline: {
        file: batch.baseline.file,
        units: outcomes.flatMap((o) =>
          (o.review?.reports ?? []).map((r, index) => ({
            file: o.file,
            unit: groupFindings(o)[index]?.report.unit ?? null,
            baselineFile: r.baselineFile,
            fixed: r.fixed.length,
            open: r.open,
            new: r.new,
          })),
        ),
        missing: batch.baseline.missing,
      },
    }),
    ...(batch.crossSimilarity && { crossSimilarity: batch.crossSimilarity }),
  };
}

export function formatJson(
  outcomes: FileOutcome[],
  excluded: Excluded[] = [],
  batch: BatchReview = {},
): string {
  const report = buildJsonReport(outcomes, excluded, batch);
  return `${JSON.stringify(jsonReportSchema.parse(report), null, 2)}\n`;
}
