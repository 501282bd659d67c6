/** Parsing the figures typed into statutory data cells. */

export type ValueKind =
  /** A non-negative whole number of items (件数, 数量). */
  | "count"
  /** A whole number that may be negative (2019 format: 本年增/减). */
  | "signed"
  /** A non-negative amount that may have decimals (收费金额, 万元). */
  | "amount";

export type CellValue =
  /** `note`: a bracketed remark written after the figure (「22（其中修订16件）」), as written. */
  | { kind: "number"; value: number; note?: string }
  | { kind: "blank" }
  | { kind: "invalid"; reason: InvalidReason };

export type InvalidReason = "negative" | "fraction" | "text";

const BLANK_MARKS = new Set(["", "-", "--", "—", "——", "–", "/", "\\", "无", "空", "/"]);
const UNITS = "件|个|项|条|起|次|万元|元";
const UNIT_SUFFIX = new RegExp(`(${UNITS})$`);
const ONLY_UNIT = new RegExp(`^(单位[:：]?)?(${UNITS})$`);
const SPACES = /[\s\u3000\u00a0\u200b\ufeff]+/g;
/** Two figures kept apart by a space or a line break: 「22 16」 is not 2216. */
const SPLIT_FIGURES = /\d[\s\u3000\u00a0]+\d/;
/**
 * A figure, then a remark in brackets (full-width ones become ASCII under NFKC), a unit on
 * either side of it: 「22（其中修订16件）」, 「55件(含自然失效29件)」, 「3【其中2件已办结】」.
 */
const WITH_NOTE = /^([^([【〔〖]+?)[([【〔〖](.+)[)\]】〕〗]([^()[\]【】〔〕〖〗]*)$/;

export function parseCellValue(text: string, kind: ValueKind): CellValue {
  const normalized = text.normalize("NFKC");
  const compact = normalized.replace(SPACES, "");
  if (BLANK_MARKS.has(compact)) return { kind: "blank" };
  const noted = WITH_NOTE.exec(compact);
  if (noted) {
    const [, figureText = "", note = "", after = ""] = noted;
    if (after !== "" && !ONLY_UNIT.test(after)) return { kind: "invalid", reason: "text" };
    const figurePart = figureText.trim();
    if (SPLIT_FIGURES.test(normalized.slice(0, normalized.search(/[([【〔〖]/))))
      return { kind: "invalid", reason: "text" };
    const value = parseFigure(figurePart, kind);
    if (value.kind !== "number") return value;
    // 「1.2(万元)」: the bracket holds only a unit, not a remark.
    if (ONLY_UNIT.test(note)) return value;
    return { ...value, note: noteAsWritten(normalized, note) };
  }
  if (SPLIT_FIGURES.test(normalized)) return { kind: "invalid", reason: "text" };
  return parseFigure(compact, kind);
}

function parseFigure(compact: string, kind: ValueKind): CellValue {
  let numeric = compact.replace(UNIT_SUFFIX, "");
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(numeric)) numeric = numeric.replace(/,/g, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(numeric)) return { kind: "invalid", reason: "text" };
  const value = Number(numeric);
  if (!Number.isFinite(value)) return { kind: "invalid", reason: "text" };
  if (value < 0 && kind !== "signed") return { kind: "invalid", reason: "negative" };
  if (!Number.isInteger(value) && kind !== "amount") return { kind: "invalid", reason: "fraction" };
  return { kind: "number", value: Object.is(value, -0) ? 0 : value };
}

/** The remark with its own spacing (only the outer spaces trimmed), for the message. */
function noteAsWritten(normalized: string, compactNote: string): string {
  const open = normalized.search(/[([【〔〖]/);
  const close = Math.max(...[")", "]", "】", "〕", "〗"].map((c) => normalized.lastIndexOf(c)));
  const written = open >= 0 && close > open ? normalized.slice(open + 1, close).trim() : "";
  return written.replace(SPACES, "") === compactNote ? written : compactNote;
}

/** Sums with decimals (万元) without binary noise such as 0.30000000000000004. */
export function addExact(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return Math.round(total * 1e6) / 1e6;
}
