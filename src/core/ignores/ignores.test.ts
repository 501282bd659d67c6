import { check } from "../check/check";
import { readDocument } from "../ooxml/read-document";
import { bodyOf } from "../../../test/support/body-of";
import {
  BALANCED_TABLE3,
  docx,
  documentXml,
  statutoryReport,
} from "../../../test/support/docx-builder";
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

const resultWith = (granted: number[]) =>
  check(readDocument(statutoryReport({ table3: { ...BALANCED_TABLE3, granted } })));

/**
 * 忽略此处 on the row-total finding of resultWith([10, 1, 0, 0, 0, 0, 12]), as the version
 * before fingerprints left out the message saved it in a document (fingerprint over the message).
 */
const OLD_FORM_PART =
  `<ignores xmlns="${IGNORES_NAMESPACE}"><here rule="table3-row-total" ` +
  `location="{&quot;column&quot;:&quot;total&quot;,&quot;row&quot;:&quot;granted&quot;,&quot;table&quot;:&quot;table3&quot;}" ` +
  `fingerprint="c73378a0" message="（一）予以公开：自然人 10 + 商业企业 1 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 11，但总计为 12，相差 1"/></ignores>`;

describe("ignores", () => {
  const result = resultWith([10, 1, 0, 0, 0, 0, 12]);
  const { findings, reports } = result;
  const rowTotal = findings.find((f) => f.rule === "table3-row-total");
  if (!rowTotal) throw new Error("fixture has no row-total finding");

  it("忽略此处 hides that one finding while its figures stay the same", () => {
    const applied = applyIgnores(findings, [ignoreHere(rowTotal, reports)], reports);
    expect(applied.ignored.map((i) => i.finding)).toEqual([rowTotal]);
    expect(applied.active).toHaveLength(findings.length - 1);
    expect(applied.lapsed).toEqual([]);
  });

  it("lapses when the figures it was about change, and the finding comes back", () => {
    const ignore = ignoreHere(rowTotal, reports);
    const later = resultWith([10, 1, 0, 0, 0, 0, 13]);
    const again = later.findings.find((f) => f.rule === "table3-row-total");
    if (!again || ignore.scope !== "here") throw new Error("fixture lost its row-total finding");
    expect(fingerprintOf(again, later.reports)).not.toBe(ignore.fingerprint);
    const applied = applyIgnores(later.findings, [ignore], later.reports);
    expect(applied.ignored).toEqual([]);
    expect(applied.active).toContain(again);
    expect(applied.lapsed).toEqual([ignore]);
  });

  it("holds when only the wording of the message changes", () => {
    const ignore = ignoreHere(rowTotal, reports);
    const reworded = { ...rowTotal, message: "（一）予以公开的总计与六类申请人之和不符" };
    const applied = applyIgnores([reworded], [ignore], reports);
    expect(applied.ignored.map((i) => i.finding)).toEqual([reworded]);
    expect(applied.lapsed).toEqual([]);
  });

  it("keeps matching an ignore saved in the old form, and rewrites it in the new one", () => {
    const stored = ignoresFromXml(OLD_FORM_PART);
    if (!stored) throw new Error("the old-form part did not parse");
    expect(stored).toHaveLength(1);
    const applied = applyIgnores(findings, stored, reports);
    expect(applied.ignored.map((i) => i.finding)).toEqual([rowTotal]);
    expect(applied.lapsed).toEqual([]);
    // New ignores are written in the new form; the old entry comes back in it, same place.
    expect(applied.current).toEqual([ignoreHere(rowTotal, reports)]);
    expect(applied.current[0]).not.toEqual(stored[0]);
    const upgraded = applyIgnores(findings, applied.current, reports);
    expect(upgraded.ignored.map((i) => i.finding)).toEqual([rowTotal]);
    // The old form hashed the figures through the message: changed figures still revive it.
    const later = resultWith([10, 1, 0, 0, 0, 0, 13]);
    const lapsed = applyIgnores(later.findings, stored, later.reports);
    expect(lapsed.lapsed).toEqual(stored);
    expect(lapsed.current).toEqual(stored);
  });

  it("tells apart the same finding in two reports of one document by their units", () => {
    const table3 = { ...BALANCED_TABLE3, granted: [10, 1, 0, 0, 0, 0, 12] };
    const body = (unit: string) => bodyOf(statutoryReport({ table3, unit }));
    const both = check(readDocument(docx(documentXml(body("甲镇") + body("乙镇")))));
    const totals = both.findings.filter((f) => f.rule === "table3-row-total");
    expect(totals.map((f) => f.report)).toEqual([0, 1]);
    const [first, second] = totals as [(typeof totals)[0], (typeof totals)[0]];
    expect(first.message).toBe(second.message);
    const applied = applyIgnores(totals, [ignoreHere(second, both.reports)], both.reports);
    expect(applied.ignored.map((i) => i.finding)).toEqual([second]);
    expect(applied.active).toEqual([first]);
  });

  it("本文档忽略此规则 hides every finding of the rule", () => {
    const applied = applyIgnores(findings, [ignoreRule("table3-results-total")], reports);
    const hidden = findings.filter((f) => f.rule === "table3-results-total");
    expect(hidden.length).toBeGreaterThan(0);
    expect(applied.ignored.map((i) => i.finding)).toEqual(hidden);
    expect(applied.active.some((f) => f.rule === "table3-results-total")).toBe(false);
  });

  it("round-trips through the document part and drops entries it cannot trust", () => {
    const ignores: Ignore[] = [ignoreHere(rowTotal, reports), ignoreRule("cell-blank")];
    expect(ignoresFromXml(ignoresToXml(ignores))).toEqual(ignores);
    const tampered = `<ignores xmlns="${IGNORES_NAMESPACE}"><rule id="no-such-rule"/><rule id="cell-blank"/><here rule="cell-blank" location="{}" fingerprint="zz" message=""/></ignores>`;
    expect(ignoresFromXml(tampered)).toEqual([ignoreRule("cell-blank")]);
    expect(ignoresFromXml('<ignores xmlns="urn:other"/>')).toBeNull();
    expect(ignoresFromXml("<ignores")).toBeNull();
  });
});
