import { jsonReportSchema, toJsonFinding, type JsonReport } from "../core";
import type { FileOutcome } from "./check-file";

export function formatJson(outcomes: FileOutcome[]): string {
  const report: JsonReport = {
    files: outcomes.map(({ file, format, year, unit, error, findings }) => ({
      file,
      format,
      year,
      unit,
      error: error ? { code: error.code, message: error.message } : null,
      findings: findings.map(toJsonFinding),
    })),
  };
  return `${JSON.stringify(jsonReportSchema.parse(report), null, 2)}\n`;
}
