/**
 * What a file name, a unit name or a cell's text may carry that must never act on the screen or
 * a report: C0 and C1 control characters and DEL (an ESC sequence retitles or recolours a
 * terminal, a newline forges a line), and the bidirectional controls (U+202A–U+202E,
 * U+2066–U+2069, U+200E/U+200F, U+061C) that show text in another order than it is.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** True when the text holds a character `sanitizeText` would escape. */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

function escapeCharacter(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * The text with every unsafe character shown as a visible escape (\x1b, \u202e). Tabs and
 * newlines are escaped too unless `keepLayout` (a cell's text in a multi-line report).
 */
export function sanitizeText(text: string, keepLayout = false): string {
  return text.replace(UNSAFE, (ch) =>
    keepLayout && (ch === "\n" || ch === "\t") ? ch : escapeCharacter(ch),
  );
}

/**
 * A copy of plain data (an outcome, its findings, the notes) with every string sanitized, for
 * the text, CSV and HTML reports; the JSON report keeps the text as it is (JSON escapes it).
 * CSV (quoted fields) and HTML keep newlines and tabs, which break nothing there.
 */
export function sanitizeDeep<T>(value: T, keepLayout = false): T {
  if (typeof value === "string") return sanitizeText(value, keepLayout) as T;
  if (Array.isArray(value))
    return value.map((item) => sanitizeDeep(item as unknown, keepLayout)) as T;
  if (value !== null && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = sanitizeDeep(item, keepLayout);
    return copy as T;
  }
  return value;
}
