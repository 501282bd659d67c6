/**
 * The multi-report fixtures of test/fixtures/compilation (made by its generate.ts from the
 * shared seeds): a 40-report 汇编 with faults in three reports, a body pasted twice, a template
 * appended to a finished report. Scored by the rules of ../shared/tools/compare-expected.mjs
 * (every listed finding reported, no error outside `findings` and `may_report`), for the file
 * and for each report of the folder's `reports` extension.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { check, readDocument, type CheckResult } from "../../src/core";
import { checkFile } from "../../src/cli/check-file";
import { formatJson } from "../../src/cli/format-json";
import { scoreFindings, type ListedFinding } from "../support/fixture-score";
import { sharedAvailable } from "../support/shared";

interface Listed extends ListedFinding {
  paragraph?: number;
}
interface ExpectedReport {
  unit: string;
  year: number | null;
  startParagraph: number;
  findings?: Listed[];
  may_report?: Listed[];
}
interface Expected {
  format: string;
  year: number | null;
  findings: Listed[];
  may_report?: Listed[];
  reports: ExpectedReport[];
}

const dir = join(__dirname, "../fixtures/compilation");
const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Record<
  string,
  Expected
>;
const results = new Map<string, CheckResult>();
const resultOf = (name: string) => {
  const cached = results.get(name);
  if (cached) return cached;
  const result = check(readDocument(new Uint8Array(readFileSync(join(dir, name)))));
  results.set(name, result);
  return result;
};

(sharedAvailable() ? describe : describe.skip)("compilation fixtures", () => {
  it.each(Object.keys(expected))("%s gives the findings of expected.json", (name) => {
    const want = expected[name] as Expected;
    const result = resultOf(name);
    expect(scoreFindings(result.findings, want.findings, want.may_report)).toEqual({
      missing: [],
      falseAlarms: [],
    });
    expect(result.format).toBe(want.format);
    expect(result.year).toBe(want.year);
  });

  it.each(Object.keys(expected))("%s is read as the reports it holds, units right", (name) => {
    const want = expected[name] as Expected;
    const result = resultOf(name);
    expect(result.reports.map((r) => [r.unit, r.year, r.startParagraph])).toEqual(
      want.reports.map((r) => [r.unit, r.year, r.startParagraph]),
    );
  });

  it("finds each report's own faults in that report and nowhere else", () => {
    const want = expected["compilation-40.docx"] as Expected;
    const result = resultOf("compilation-40.docx");
    const scores = result.reports.map((report, i) => {
      const listed = want.reports[i] as ExpectedReport;
      return scoreFindings(report.findings, listed.findings ?? [], listed.may_report ?? []);
    });
    expect(scores.filter((s) => s.missing.length > 0 || s.falseAlarms.length > 0)).toEqual([]);
    const errors = result.reports.flatMap((r) =>
      r.findings.filter((f) => f.severity === "error").map(() => r.unit),
    );
    expect(errors).toEqual([
      "桃源街道办事处",
      "桃源街道办事处",
      "马坪市人民政府",
      "相山区福田镇政府",
    ]);
  });

  it("numbers every finding with its report, in document order, each with its section", () => {
    const result = resultOf("compilation-40.docx");
    expect(result.findings).toEqual(result.reports.flatMap((r) => r.findings));
    for (const report of result.reports)
      for (const finding of report.findings) expect(finding.report).toBe(report.index);
    const sectionMissing = result.findings.find((f) => f.rule === "section-missing");
    expect(sectionMissing?.section).toBe("五");
    const json = (
      JSON.parse(formatJson([checkFile(join(dir, "compilation-40.docx")).outcome])) as {
        files: { reports: { unit: string; findings: { rule: string }[] }[] }[];
      }
    ).files[0]!.reports;
    expect(json).toHaveLength(40);
    expect(json[24]).toMatchObject({ unit: "马坪市人民政府", year: 2021, format: "2021" });
    expect(json[24]?.findings.map((f) => f.rule)).toContain("table4-total");
  });

  it("anchors the repeated body on the second occurrence", () => {
    for (const name of ["body-repeated.docx", "template-appended.docx"]) {
      const listed = (expected[name] as Expected).findings.find(
        (f) => f.rule === "content-repeated",
      );
      const finding = resultOf(name).findings.find((f) => f.rule === "content-repeated");
      expect(finding?.anchors[0]).toEqual({
        kind: "paragraph",
        paragraphIndex: listed?.paragraph,
      });
    }
  });

  it("gives each file entry of the JSON report its reports, and a single report one entry", () => {
    const json = JSON.parse(
      formatJson([
        checkFile(join(dir, "compilation-40.docx")).outcome,
        checkFile(join(dir, "body-repeated.docx")).outcome,
      ]),
    ) as {
      files: {
        unit: string;
        findings: unknown[];
        reports: { unit: string; findings: unknown[] }[];
      }[];
    };
    const [compiled, single] = json.files;
    expect(compiled?.reports.map((r) => r.unit)).toEqual(
      (expected["compilation-40.docx"] as Expected).reports.map((r) => r.unit),
    );
    expect(compiled?.unit).toBe("东山镇");
    expect(compiled?.reports.flatMap((r) => r.findings)).toEqual(compiled?.findings);
    expect(single?.reports).toHaveLength(1);
    expect(single?.reports[0]?.findings).toEqual(single?.findings);
  });
});
