/**
 * test/fixtures/reader-habits: real reports re-written the ways other programs write them
 * (another namespace prefix, the default namespace, a hidden digit, a placeholder-only cell,
 * alternate content with an unknown Choice, tables in WPS and Word text boxes). Each gives
 * the findings of its expected.json, by the rules of ../shared/tools/compare-expected.mjs;
 * each file is what the generator builds from the shared seeds; each passes the validator.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { check, readDocument, type Finding } from "../src/core";
import { toJsonFinding } from "../src/core/report/json-report";
import { sharedAvailable } from "./support/shared";
import { validate, validatorUnavailable } from "./support/ooxml-validator";
import { HABITS, buildFixture, expectedFor } from "./fixtures/reader-habits/make-fixtures";

interface Located {
  rule: string;
  location: Record<string, unknown>;
}
interface Expected {
  format: string;
  year: number | null;
  findings: Located[];
  may_report?: Located[];
}

const DIR = join(__dirname, "fixtures/reader-habits");
const expected = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as Record<
  string,
  Expected
>;

/** As compare-expected.mjs keys a finding. */
const key = (f: Located) => {
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
};

const read = (name: string) => readDocument(new Uint8Array(readFileSync(join(DIR, name))));

describe("reader-habit fixtures", () => {
  it("lists every fixture the generator makes", () => {
    expect(Object.keys(expected).sort()).toEqual(HABITS.map((h) => h.file).sort());
  });

  it.each(Object.keys(expected))("%s gives the findings of expected.json", (name) => {
    const want = expected[name] as Expected;
    const result = check(read(name));
    const got = new Set(result.findings.map((f: Finding) => key(toJsonFinding(f))));
    const allowed = new Set([...want.findings.map(key), ...(want.may_report ?? []).map(key)]);
    const anywhere = new Set(
      (want.may_report ?? [])
        .filter((m) => Object.keys(m.location).length === 0)
        .map((m) => m.rule),
    );
    expect(want.findings.map(key).filter((k) => !got.has(k))).toEqual([]);
    const falseAlarms = result.findings.filter(
      (f) => f.severity === "error" && !allowed.has(key(toJsonFinding(f))) && !anywhere.has(f.rule),
    );
    expect(falseAlarms.map((f) => `${key(toJsonFinding(f))}: ${f.message}`)).toEqual([]);
    expect(result.format).toBe(want.format);
    expect(result.year).toBe(want.year);
  });

  it("reads the text-box tables as text-box blocks, never as body tables", () => {
    for (const name of ["textbox-wps.docx", "textbox-word.docx"]) {
      const tables = read(name).blocks.filter((b) => b.kind === "table");
      expect(tables.map((t) => t.tableIndex)).toEqual(
        name === "textbox-wps.docx" ? [0, -1, 1] : [0, 1, -1],
      );
      expect(tables.filter((t) => t.origin === "textbox")).toHaveLength(1);
    }
  });

  (sharedAvailable() ? it : it.skip)(
    "are what make-fixtures.ts builds from the shared seeds, with its expected.json",
    () => {
      for (const habit of HABITS) {
        expect(Buffer.from(buildFixture(habit)).equals(readFileSync(join(DIR, habit.file)))).toBe(
          true,
        );
        expect(expected[habit.file]).toEqual(expectedFor(habit));
      }
    },
  );

  const unavailable = validatorUnavailable();
  if (unavailable) console.warn(`skipping the validation of the reader habits: ${unavailable}`);
  (unavailable ? it.skip : it)("pass the OOXML validator with no violation", () => {
    const files = HABITS.map((h) => join(DIR, h.file));
    const violations = validate(files);
    expect(files.flatMap((f) => violations.get(f) ?? [])).toEqual([]);
  });
});
