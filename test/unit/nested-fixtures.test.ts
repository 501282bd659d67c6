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
import { check, readDocument } from "../../src/core";
import { annotateDocx } from "../../src/core/annotate/annotate";
import type { SnapshotCell, SnapshotTable } from "../../src/core/model/snapshot";
import { cellAtAnchor } from "../../src/core/recognize/anchor";
import { scoreFindings, type ExpectedFile } from "../support/fixture-score";
import { NESTED_FIXTURES, NESTED_FIXTURES_DIR } from "../support/nested-fixtures";
import { addedViolations, validate, validatorUnavailable } from "../support/ooxml-validator";

const dir = NESTED_FIXTURES_DIR;
const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Record<
  string,
  ExpectedFile
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
    const want = expected[name] as ExpectedFile;
    const result = check(readDocument(bytesOf(name)));
    const { missing, falseAlarms } = scoreFindings(result.findings, want.findings, want.may_report);
    expect(missing).toEqual([]);
    expect(falseAlarms).toEqual([]);
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
