/**
 * test/fixtures/rules: notes in figure cells, drafts and broken statistics periods. The
 * committed .docx files are what generate.ts builds, and the compiled command line scores them
 * against expected.json through ../shared/tools/compare-expected.mjs (run `npm run build:cli`
 * first), as the shared fixtures are scored.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { check, readDocument } from "../../src/core";
import { buildFixture, FIXTURES } from "../fixtures/rules/generate";
import { SHARED, sharedAvailable } from "../support/shared";

const DIR = join(__dirname, "../fixtures/rules");
const BIN = resolve(__dirname, "../../bin/nianbao.js");
const documentOf = (bytes: Uint8Array) =>
  strFromU8(unzipSync(bytes)["word/document.xml"] ?? new Uint8Array());

describe("rules fixtures", () => {
  it.each(Object.keys(FIXTURES))("%s is what generate.ts builds", (name) => {
    const committed = new Uint8Array(readFileSync(join(DIR, name)));
    expect(documentOf(committed)).toBe(documentOf(buildFixture(name)));
  });

  it("lists every fixture in expected.json with no finding beyond it in the same rules", () => {
    const expected = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as Record<
      string,
      { findings: { rule: string; severity: string }[] }
    >;
    expect(Object.keys(expected).sort()).toEqual(Object.keys(FIXTURES).sort());
    for (const [name, want] of Object.entries(expected)) {
      const got = check(readDocument(new Uint8Array(readFileSync(join(DIR, name))))).findings;
      const summary = (list: { rule: string; severity: string }[]) =>
        list.map((f) => `${f.rule}/${f.severity}`).sort();
      expect([name, summary(got)]).toEqual([name, summary(want.findings)]);
    }
  });

  const scorable =
    sharedAvailable() && existsSync(resolve(__dirname, "../../dist/node/cli/main.js"));
  (scorable ? it : it.skip)("scores 5/5 through compare-expected.mjs", () => {
    const out = execFileSync(
      process.execPath,
      [
        join(SHARED, "tools/compare-expected.mjs"),
        DIR,
        process.execPath,
        BIN,
        "check",
        "--format",
        "json",
      ],
      { encoding: "utf8" },
    );
    expect(out.trim().split("\n").pop()).toBe("fixtures: 5/5 files as expected");
  });
});
