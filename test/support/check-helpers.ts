import { check, type CheckOptions, type CheckResult } from "../../src/core";
import { readDocument } from "../../src/core/ooxml/read-document";
import type { Finding, RuleId } from "../../src/core/rules/types";
import { statutoryReport, type ReportOptions } from "./docx-builder";

export function checkReport(
  options: ReportOptions = {},
  checkOptions: CheckOptions = {},
): CheckResult {
  return check(readDocument(statutoryReport(options)), checkOptions);
}

export function findingsOf(result: CheckResult, rule: RuleId): Finding[] {
  return result.findings.filter((f) => f.rule === rule);
}

export function locations(findings: Finding[]): string[] {
  return findings.map((f) => JSON.stringify(f.location));
}
