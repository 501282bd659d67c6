/**
 * False alarms of the content rules of issue 17, measured on real reports: the five shared seed
 * reports (as the .docx fixtures built from them and as the text copied from their web pages),
 * the shared fixtures and every fixture under test/fixtures. A careful reader finds nothing in
 * them for these rules to report, and they report nothing; with a province's stricter options
 * (last year's problems, 总体情况 ≤ 1000 字, 街道 too) they report exactly what is pinned here.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { check, readDocument, type CheckOptions, type RuleId } from "../../src/core";
import { SHARED, sharedAvailable } from "../support/shared";
import { snapshotFromText } from "../support/text-snapshot";

const CONTENT_RULES: RuleId[] = [
  "basis-outdated",
  "fee-statement-missing",
  "oversight-missing",
  "problems-vague",
  "claim-contradiction",
  "title-wording",
  "report-date",
  "summary-length",
];

const STRICT: CheckOptions = {
  ruleOptions: {
    "problems-vague": { previousYear: true },
    "summary-length": { maxLength: 1000 },
    "oversight-missing": { subdistricts: true },
  },
};

function docxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".docx"))
    .map((f) => join(dir, f))
    .sort();
}

function contentFindings(result: ReturnType<typeof check>): string[] {
  return result.findings
    .filter((f) => CONTENT_RULES.includes(f.rule))
    .map((f) => `${f.rule} @ ${f.section ?? "全文"}`);
}

const checkDocx = (path: string, options: CheckOptions = {}) =>
  check(readDocument(new Uint8Array(readFileSync(path))), options);

const SEEDS_DOCX = join(SHARED, "fixtures/seeds-docx");
const SEEDS_TEXT = join(SHARED, "seeds");

(sharedAvailable() ? describe : describe.skip)("content rules on the real seed reports", () => {
  it.each(docxFiles(join(SHARED, "fixtures")).map((p) => [p.slice(SHARED.length + 1), p]))(
    "%s: no content finding",
    (_name, path) => {
      expect(contentFindings(checkDocx(path))).toEqual([]);
    },
  );

  it.each(readdirSync(SEEDS_TEXT).filter((f) => f.endsWith(".txt")))(
    "seeds/%s as copied from the web page: no content finding",
    (name) => {
      const snapshot = snapshotFromText(readFileSync(join(SEEDS_TEXT, name), "utf8"));
      expect(contentFindings(check(snapshot))).toEqual([]);
    },
  );

  it("with a province's stricter options, finds what a reader finds", () => {
    const found = Object.fromEntries(
      [
        "000-suxi-2021",
        "001-nanmuping-2025",
        "002-jiyang-2023",
        "003-qugou-2021",
        "004-ruian-2021",
      ].map((name) => [name, contentFindings(checkDocx(join(SEEDS_DOCX, `${name}.docx`), STRICT))]),
    );
    expect(found).toEqual({
      // 一 is 1766 字; 五 says nothing of last year's problems.
      "000-suxi-2021": ["summary-length @ 一", "problems-vague @ 五"],
      // 一 is under 1000 字.
      "001-nanmuping-2025": ["problems-vague @ 五"],
      // A 街道 held to the government's duty: its 测评考核 and 问责 are there, no 社会评议.
      "002-jiyang-2023": ["summary-length @ 一", "oversight-missing @ 一", "problems-vague @ 五"],
      "003-qugou-2021": ["summary-length @ 一", "problems-vague @ 五"],
      "004-ruian-2021": ["summary-length @ 一", "problems-vague @ 五"],
    });
  });
});

describe("content rules on the fixtures of test/fixtures", () => {
  // Named from test/ ("fixtures/…"), as before the suites moved into folders.
  const TEST = join(__dirname, "..");
  it.each(docxFiles(join(TEST, "fixtures")).map((p) => [p.slice(TEST.length + 1), p]))(
    "%s: no content finding",
    (_name, path) => {
      expect(contentFindings(checkDocx(path))).toEqual([]);
    },
  );
});
