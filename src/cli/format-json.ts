import { jsonReportSchema, toJsonFinding, type JsonReport } from "../core";
import type { FileOutcome } from "./check-file";
import { groupFindings } from "./describe-location";
import type { Excluded } from "./files";

/** The JSON report as data: what `--format json` prints and the other formats may read. */
export function buildJsonReport(outcomes: FileOutcome[], excluded: Excluded[] = []): JsonReport {
  return {
    files: outcomes.map((o) => ({
      file: o.file,
      format: o.format,
      year: o.year,
      unit: o.unit,
      error: o.error ? { code: o.error.code, message: o.error.message } : null,
      findings: o.findings.map(toJsonFinding),
      status: o.status,
      // Every report of the file with its own findings (one for most files, several in a 汇编).
      ...(o.status === "checked" && {
        reports: groupFindings(o).map(({ report, findings }) => ({
          unit: report.unit,
          year: report.year,
          format: report.format,
          findings: findings.map(toJsonFinding),
        })),
      }),
      ...(o.annotated !== undefined && { annotated: o.annotated }),
      ...(o.annotateError && {
        annotateError: { code: o.annotateError.code, message: o.annotateError.message },
      }),
    })),
    ...(excluded.length > 0 && {
      excluded: excluded.map(({ path, code, message }) => ({ path, code, message })),
    }),
  };
}

export function formatJson(outcomes: FileOutcome[], excluded: Excluded[] = []): string {
  const report = buildJsonReport(outcomes, excluded);
  return `${JSON.stringify(jsonReportSchema.parse(report), null, 2)}\n`;
}
