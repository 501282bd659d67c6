/**
 * How wide text is on a terminal: CJK ideographs, kana, hangul, full-width forms and CJK
 * punctuation take two columns, combining marks none, everything else one (the East Asian
 * Width property, Wide and Fullwidth, as terminals use it; ambiguous characters such as “ ”
 * count one, as in a Chinese Windows console and most Linux terminals). Commander measures
 * with `String.length`, which misaligns help columns by one column per Chinese character.
 */

/** Ranges of East Asian Wide (W) and Fullwidth (F) code points, sorted. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

function isZeroWidth(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0xfe00 && code <= 0xfe0f)
  );
}
// eslint-disable-next-line no-control-regex -- terminal colour codes (SGR) take no columns
const SGR = /\u001b\[[\d;]*m/g;

export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || isZeroWidth(code)) return 0;
  if (code < 0x1100) return 1;
  for (const [low, high] of WIDE) {
    if (code < low) return 1;
    if (code <= high) return 2;
  }
  return 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(SGR, "")) width += charWidth(char);
  return width;
}

/** Never at the start of a line (Chinese line-breaking rules, 避头). */
const NO_LINE_START = new Set("，。、；：！？）」』》”’…·,.;:!?)]");
/** Never at the end of a line (避尾). */
const NO_LINE_END = new Set("（「『《“‘([");

/**
 * Wraps text to `width` columns, breaking at spaces or between two CJK characters (Chinese has
 * no spaces between words), never putting closing punctuation first on a line or opening
 * punctuation last. Existing line breaks are kept; a word longer than a line is left whole.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => wrapLine(line, width))
    .join("\n");
}

function wrapLine(line: string, width: number): string {
  const chars = [...line];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let used = 0;
    let end = start;
    while (end < chars.length && used + charWidth(chars[end] as string) <= width) {
      used += charWidth(chars[end] as string);
      end++;
    }
    if (end >= chars.length) {
      lines.push(chars.slice(start).join(""));
      break;
    }
    let cut = end;
    while (cut > start && !canBreak(chars, cut)) cut--;
    if (cut === start) {
      // One unbreakable run wider than the line: break after it instead.
      cut = end;
      while (cut < chars.length && !canBreak(chars, cut)) cut++;
    }
    lines.push(chars.slice(start, cut).join("").trimEnd());
    start = cut;
    while (chars[start] === " ") start++;
  }
  return lines.join("\n");
}

/** Whether a line may break before `chars[index]`. */
function canBreak(chars: string[], index: number): boolean {
  const before = chars[index - 1] as string;
  const after = chars[index] as string;
  if (after === " ") return before !== " ";
  if (before === " ") return !NO_LINE_START.has(after);
  if (NO_LINE_START.has(after) || NO_LINE_END.has(before)) return false;
  return charWidth(before) === 2 || charWidth(after) === 2;
}
