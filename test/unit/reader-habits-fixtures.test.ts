/**
 * test/fixtures/reader-habits: real reports re-written the ways other programs write them
 * (another namespace prefix, the default namespace, a hidden digit, a placeholder-only cell,
 * alternate content with an unknown Choice, tables in WPS and Word text boxes). Each gives
 * the findings of its expected.json, by the rules of ../shared/tools/compare-expected.mjs;
 * each file is what the generator builds from the shared seeds; each passes the validator.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { check, readDocument } from "../../src/core";
import { scoreFindings, type ExpectedFile } from "../support/fixture-score";
import { sharedAvailable } from "../support/shared";
import { validate, validatorUnavailable } from "../support/ooxml-validator";
import { HABITS, buildFixture, expectedFor } from "../fixtures/reader-habits/make-fixtures";

const DIR = join(__dirname, "../fixtures/reader-habits");
const expected = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as Record<
  string,
  ExpectedFile
>;

const read = (name: string) => readDocument(new Uint8Array(readFileSync(join(DIR, name))));

describe("reader-habit fixtures", () => {
  it("lists every fixture the generator makes", () => {
    expect(Object.keys(expected).sort()).toEqual(HABITS.map((h) => h.file).sort());
  });

  it.each(Object.keys(expected))("%s gives the findings of expected.json", (name) => {
    const want = expected[name] as ExpectedFile;
    const result = check(read(name));
    const { missing, falseAlarms } = scoreFindings(result.findings, want.findings, want.may_report);
    expect(missing).toEqual([]);
    expect(falseAlarms).toEqual([]);
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
