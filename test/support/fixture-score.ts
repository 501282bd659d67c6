/**
 * The scoring rules of ../shared/tools/compare-expected.mjs, for tests that score fixture folders
 * in process: a finding is keyed `rule @ where`; every listed finding must be reported, and an
 * error outside `findings` and `may_report` (or a `may_report` entry with no location, which
 * allows its rule anywhere) is a false alarm.
 */
import type { Finding } from "../../src/core";
import { toJsonFinding } from "../../src/core/report/json-report";

export interface ListedFinding {
  rule: string;
  location: Record<string, unknown>;
}

/** One file's entry in an expected.json of the shared format. */
export interface ExpectedFile {
  format: string;
  year: number | null;
  findings: ListedFinding[];
  may_report?: ListedFinding[];
}

export function findingKey(f: ListedFinding): string {
  const l = f.location as {
    section?: string;
    table?: string;
    row?: string | null;
    column?: string | null;
    paragraph?: number;
  };
  const where = l.section
    ? `section ${l.section}`
    : l.table
      ? [l.table, l.row, l.column].filter((x) => x != null).join("/")
      : l.paragraph != null
        ? `paragraph ${l.paragraph}`
        : "";
  return `${f.rule} @ ${where}`;
}

/** What is missing and what is a false alarm, as compare-expected.mjs decides. */
export function scoreFindings(
  findings: Finding[],
  must: ListedFinding[],
  may: ListedFinding[] = [],
): { missing: string[]; falseAlarms: string[] } {
  const keyOf = (f: Finding) => findingKey(toJsonFinding(f));
  const got = new Set(findings.map(keyOf));
  const allowed = new Set([...must.map(findingKey), ...may.map(findingKey)]);
  const anywhere = new Set(
    may.filter((m) => Object.keys(m.location).length === 0).map((m) => m.rule),
  );
  return {
    missing: must.map(findingKey).filter((k) => !got.has(k)),
    falseAlarms: findings
      .filter((f) => f.severity === "error" && !allowed.has(keyOf(f)) && !anywhere.has(f.rule))
      .map((f) => `${keyOf(f)}: ${f.message}`),
  };
}
