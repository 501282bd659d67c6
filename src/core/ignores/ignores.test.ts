import { check } from "../check/check";
import { readDocument } from "../ooxml/read-document";
import { BALANCED_TABLE3, statutoryReport } from "../../../test/support/docx-builder";
import {
  applyIgnores,
  fingerprintOf,
  ignoreHere,
  ignoreRule,
  ignoresFromXml,
  ignoresToXml,
  IGNORES_NAMESPACE,
  type Ignore,
} from "./ignores";

const findingsWith = (granted: number[]) =>
  check(readDocument(statutoryReport({ table3: { ...BALANCED_TABLE3, granted } }))).findings;

describe("ignores", () => {
  const findings = findingsWith([10, 1, 0, 0, 0, 0, 12]);
  const rowTotal = findings.find((f) => f.rule === "table3-row-total");
  if (!rowTotal) throw new Error("fixture has no row-total finding");

  it("忽略此处 hides that one finding while its figures stay the same", () => {
    const result = applyIgnores(findings, [ignoreHere(rowTotal)]);
    expect(result.ignored.map((i) => i.finding)).toEqual([rowTotal]);
    expect(result.active).toHaveLength(findings.length - 1);
    expect(result.lapsed).toEqual([]);
  });

  it("lapses when the figures it was about change, and the finding comes back", () => {
    const ignore = ignoreHere(rowTotal);
    const later = findingsWith([10, 1, 0, 0, 0, 0, 13]);
    const again = later.find((f) => f.rule === "table3-row-total");
    if (!again || ignore.scope !== "here") throw new Error("fixture lost its row-total finding");
    expect(fingerprintOf(again)).not.toBe(ignore.fingerprint);
    const result = applyIgnores(later, [ignore]);
    expect(result.ignored).toEqual([]);
    expect(result.active).toContain(again);
    expect(result.lapsed).toEqual([ignore]);
  });

  it("本文档忽略此规则 hides every finding of the rule", () => {
    const result = applyIgnores(findings, [ignoreRule("table3-results-total")]);
    const hidden = findings.filter((f) => f.rule === "table3-results-total");
    expect(hidden.length).toBeGreaterThan(0);
    expect(result.ignored.map((i) => i.finding)).toEqual(hidden);
    expect(result.active.some((f) => f.rule === "table3-results-total")).toBe(false);
  });

  it("round-trips through the document part and drops entries it cannot trust", () => {
    const ignores: Ignore[] = [ignoreHere(rowTotal), ignoreRule("cell-blank")];
    expect(ignoresFromXml(ignoresToXml(ignores))).toEqual(ignores);
    const tampered = `<ignores xmlns="${IGNORES_NAMESPACE}"><rule id="no-such-rule"/><rule id="cell-blank"/><here rule="cell-blank" location="{}" fingerprint="zz" message=""/></ignores>`;
    expect(ignoresFromXml(tampered)).toEqual([ignoreRule("cell-blank")]);
    expect(ignoresFromXml('<ignores xmlns="urn:other"/>')).toBeNull();
    expect(ignoresFromXml("<ignores")).toBeNull();
  });
});
