/**
 * The acceptance fixtures of ../shared/fixtures: every required finding is reported, no error
 * outside `findings` and `may_report`, format and year as expected. Same rules as
 * ../shared/tools/compare-expected.mjs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { check, readDocument } from "../../src/core";
import { scoreFindings, type ExpectedFile } from "../support/fixture-score";
import { SHARED, sharedAvailable } from "../support/shared";

const available = sharedAvailable();
const dir = join(SHARED, "fixtures/seeds-docx");
const expected: Record<string, ExpectedFile> = available
  ? (JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Record<string, ExpectedFile>)
  : {};
const checkFixture = (path: string) => check(readDocument(new Uint8Array(readFileSync(path))));

(available ? describe : describe.skip)("shared fixtures", () => {
  it.each(Object.keys(expected))("%s gives the findings of expected.json", (name) => {
    const want = expected[name] as ExpectedFile;
    const result = checkFixture(join(dir, name));
    const { missing, falseAlarms } = scoreFindings(result.findings, want.findings, want.may_report);
    expect(missing).toEqual([]);
    expect(falseAlarms).toEqual([]);
    expect(result.format).toBe(want.format);
    expect(result.year).toBe(want.year);
  });

  it("recognizes the WPS-saved blank template as a complete 2021 report: one note per empty table", () => {
    const result = checkFixture(join(SHARED, "fixtures/real/blank-template-2021-wps.docx"));
    expect(result.format).toBe("2021");
    expect(result.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ["cell-blank", "info", "表二尚未填写（10 个数据单元格均为空）；填报时无数据的请填 0"],
      ["cell-blank", "info", "表三尚未填写（175 个数据单元格均为空）；填报时无数据的请填 0"],
      ["cell-blank", "info", "表四尚未填写（15 个数据单元格均为空）；填报时无数据的请填 0"],
    ]);
  });

  it("gives each blank cell whose figure the relations imply its own finding with that figure", () => {
    const result = checkFixture(join(dir, "000-suxi-2021.docx"));
    const blanks = result.findings.filter((f) => f.rule === "cell-blank");
    const described = blanks.map((f) => [f.location, f.expected, f.cells]);
    expect(described).toEqual(
      expect.arrayContaining([
        [
          { table: "table3", row: "carried", column: "total" },
          0,
          [{ row: "carried", column: "total", expected: 0 }],
        ],
        [
          { table: "table3", row: "granted", column: "total" },
          8,
          [{ row: "granted", column: "total", expected: 8 }],
        ],
        [
          { table: "table3", row: "total", column: "otherOrg" },
          0,
          [{ row: "total", column: "otherOrg", expected: 0 }],
        ],
      ]),
    );
    expect(blanks).toHaveLength(3);
  });
});
