/** Parsing the figures typed into statutory data cells. */

export type ValueKind =
  /** A non-negative whole number of items (件数, 数量). */
  | "count"
  /** A whole number that may be negative (2019 format: 本年增/减). */
  | "signed"
  /** A non-negative amount that may have decimals (收费金额, 万元). */
  | "amount";

export type CellValue =
  | { kind: "number"; value: number }
  | { kind: "blank" }
  | { kind: "invalid"; reason: InvalidReason };

export type InvalidReason = "negative" | "fraction" | "text";

const BLANK_MARKS = new Set(["", "-", "--", "—", "——", "–", "/", "\\", "无", "空", "/"]);
const UNIT_SUFFIX = /(件|个|项|条|起|次|万元|元)$/;

export function parseCellValue(text: string, kind: ValueKind): CellValue {
  const compact = text.normalize("NFKC").replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "");
  if (BLANK_MARKS.has(compact)) return { kind: "blank" };
  let numeric = compact.replace(UNIT_SUFFIX, "");
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(numeric)) numeric = numeric.replace(/,/g, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(numeric)) return { kind: "invalid", reason: "text" };
  const value = Number(numeric);
  if (!Number.isFinite(value)) return { kind: "invalid", reason: "text" };
  if (value < 0 && kind !== "signed") return { kind: "invalid", reason: "negative" };
  if (!Number.isInteger(value) && kind !== "amount") return { kind: "invalid", reason: "fraction" };
  return { kind: "number", value: Object.is(value, -0) ? 0 : value };
}

/** Sums with decimals (万元) without binary noise such as 0.30000000000000004. */
export function addExact(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return Math.round(total * 1e6) / 1e6;
}
