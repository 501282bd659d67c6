/**
 * The nested-tables fixtures (test/fixtures/nested-tables): statutory tables inside the layout
 * tables of a web page pasted into Word. They are what their generator writes; they score as
 * expected.json says under the rules of ../shared/tools/compare-expected.mjs; and an annotated
 * copy is a valid package whose shading lands in the nested cells the findings name, and nowhere
 * else.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { check, readDocument, type Finding } from "../src/core";
import { annotateDocx } from "../src/core/annotate/annotate";
import type { SnapshotCell, SnapshotTable } from "../src/core/model/snapshot";
import { cellAtAnchor } from "../src/core/recognize/anchor";
import { toJsonFinding } from "../src/core/report/json-report";
import { NESTED_FIXTURES, NESTED_FIXTURES_DIR } from "./support/nested-fixtures";
import { addedViolations, validate, validatorUnavailable } from "./support/ooxml-validator";

interface Expected {
  format: string;
  year: number | null;
  findings: { rule: string; location: Record<string, unknown> }[];
  may_report?: { rule: string; location: Record<string, unknown> }[];
}

/** A finding's key as compare-expected.mjs makes it: rule @ where. */
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

const dir = NESTED_FIXTURES_DIR;
const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Record<
  string,
  Expected
>;
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

describe("the nested-tables fixtures", () => {
  it("are exactly what the generator writes, and each is listed in expected.json", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".docx"));
    expect(files.sort()).toEqual(Object.keys(NESTED_FIXTURES).sort());
    expect(Object.keys(expected).sort()).toEqual(files.sort());
    for (const [name, build] of Object.entries(NESTED_FIXTURES))
      expect(Buffer.from(bytesOf(name)).equals(Buffer.from(build()))).toBe(true);
  });

  it.each(Object.keys(expected))("%s scores as expected.json says", (name) => {
    const want = expected[name] as Expected;
    const result = check(readDocument(bytesOf(name)));
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
    expect(result.findings.map((f) => f.rule)).not.toContain("table-missing");
  });

  it.each(Object.keys(expected))(
    "%s: the annotated copy shades exactly the nested cells its findings name",
    (name) => {
      const bytes = bytesOf(name);
      const findings = check(readDocument(bytes)).findings;
      const copy = readDocument(annotateDocx(bytes, findings));
      const named = new Set<SnapshotCell>();
      for (const finding of findings) {
        if (finding.severity === "info" || !("table" in finding.location)) continue;
        for (const anchor of finding.anchors) {
          if (anchor.kind !== "cell") continue;
          expect(anchor.nesting?.length).toBeGreaterThan(0);
          const cell = cellAtAnchor(copy, anchor);
          if (cell) named.add(cell);
        }
      }
      const shaded: { cell: SnapshotCell; nested: boolean }[] = [];
      const visit = (table: SnapshotTable, nested: boolean) => {
        for (const row of table.rows)
          for (const cell of row.cells) {
            if (cell.shading) shaded.push({ cell, nested });
            for (const inner of cell.nestedTables) visit(inner, true);
          }
      };
      for (const block of copy.blocks) if (block.kind === "table") visit(block, false);
      expect(shaded.filter((s) => !s.nested)).toEqual([]);
      expect(new Set(shaded.map((s) => s.cell))).toEqual(named);
      expect(shaded.every((s) => s.cell.shading === "#FFC7CE")).toBe(true);
      if (findings.some((f) => f.severity === "error")) expect(shaded.length).toBeGreaterThan(0);
    },
  );

  const unavailable = validatorUnavailable();
  (unavailable ? it.skip : it)(
    `annotated copies pass the OOXML validator, as the inputs do${unavailable ? ` (skipped: ${unavailable})` : ""}`,
    () => {
      const out = mkdtempSync(join(tmpdir(), "nianbao-nested-"));
      const pairs = Object.keys(expected).map((name) => {
        const bytes = bytesOf(name);
        const copy = join(out, name.replace(/\.docx$/, ".校核.docx"));
        writeFileSync(copy, annotateDocx(bytes, check(readDocument(bytes)).findings));
        return { input: join(dir, name), copy };
      });
      const violations = validate(pairs.flatMap((p) => [p.input, p.copy]));
      for (const { input, copy } of pairs) {
        expect(violations.get(input)).toEqual([]);
        expect(addedViolations(violations.get(input) ?? [], violations.get(copy) ?? [])).toEqual(
          [],
        );
      }
    },
  );
});
