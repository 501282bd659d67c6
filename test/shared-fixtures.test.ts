/**
 * The acceptance fixtures of ../shared/fixtures: every required finding is reported, no error
 * outside `findings` and `may_report`, format and year as expected. Same rules as
 * ../shared/tools/compare-expected.mjs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { check, readDocument, type Finding } from "../src/core";
import { toJsonFinding } from "../src/core/report/json-report";
import { SHARED, sharedAvailable } from "./support/shared";

interface Expected {
  format: string;
  year: number | null;
  findings: { rule: string; location: Record<string, unknown> }[];
  may_report?: { rule: string; location: Record<string, unknown> }[];
}

const key = (f: { rule: string; location: Record<string, unknown> }) => {
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

/** A finding about several cells of a table (cell-blank) counts for each of its cells as well. */
const keys = (f: ReturnType<typeof toJsonFinding>) => [
  key(f),
  ...(f.cells ?? []).map((c) =>
    key({ rule: f.rule, location: { ...f.location, row: c.row, column: c.column } }),
  ),
];

const available = sharedAvailable();
const dir = join(SHARED, "fixtures/seeds-docx");
const expected: Record<string, Expected> = available
  ? JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"))
  : {};
const checkFixture = (path: string) => check(readDocument(new Uint8Array(readFileSync(path))));

(available ? describe : describe.skip)("shared fixtures", () => {
  it.each(Object.keys(expected))("%s gives the findings of expected.json", (name) => {
    const want = expected[name] as Expected;
    const result = checkFixture(join(dir, name));
    const got = new Set(result.findings.flatMap((f: Finding) => keys(toJsonFinding(f))));
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
