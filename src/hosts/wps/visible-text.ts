/**
 * Text as our OOXML reader reads it: without hidden text (w:vanish), so that a cell showing 63
 * that also holds a hidden 2 reads 63 whichever way WPS is asked. Word's Range.Text includes
 * hidden text when the view shows it (VBA reference, TextRetrievalMode.IncludeHiddenText: "The
 * default value is the same as the current setting of the Hidden text option on the View
 * tab"); WPS documents nothing. Kingsoft's typings (wps-jsapi-declare, lib.wps.d.ts) declare
 * Range.Font.Hidden (a number, as VBA's True, False or wdUndefined for a mix),
 * Range.TextRetrievalMode.IncludeHiddenText and Range.Characters; each is feature-detected:
 *
 * - Font.Hidden false: nothing hidden, the text as it is (the usual case, two calls);
 * - Font.Hidden true: everything hidden, no text;
 * - a mix: the text with IncludeHiddenText switched off on this range, taken only when it is
 *   shorter than the whole text (a WPS that ignores the switch is caught), else the characters
 *   that are not hidden, one by one;
 * - no Font.Hidden: the text with IncludeHiddenText off where WPS has it, else as it is.
 */
import { WD_UNDEFINED, type WpsRange } from "./wps-api";

/** A range's text without its hidden text, marks (\r, \x07) kept. */
export function visibleText(range: WpsRange): string {
  const hidden = hiddenOf(range);
  if (hidden === "none") return range.Text;
  if (hidden === "all") return "";
  if (hidden === "unknown") return withoutHidden(range) ?? range.Text;
  const whole = range.Text;
  const visible = withoutHidden(range);
  if (visible !== null && visible.length < whole.length) return visible;
  return visibleCharacters(range) ?? whole;
}

/** A cell's visible text without the paragraph and end-of-cell marks WPS ends it with. */
export function cellText(range: WpsRange): string {
  return stripCellMarks(visibleText(range));
}

/** A cell's text without the paragraph and end-of-cell marks WPS ends it with. */
export function stripCellMarks(text: string): string {
  // eslint-disable-next-line no-control-regex -- \x07 is WPS's end-of-cell mark, which we strip
  return text.replace(/[\r\x07]+$/, "").replace(/\r/g, "\n");
}

function hiddenOf(range: WpsRange): "none" | "all" | "mixed" | "unknown" {
  let value: unknown;
  try {
    value = range.Font?.Hidden;
  } catch {
    return "unknown";
  }
  if (value === false || value === 0) return "none";
  if (value === true || value === -1 || value === 1) return "all";
  return value === WD_UNDEFINED ? "mixed" : "unknown";
}

/** The text with IncludeHiddenText off; null where WPS has no TextRetrievalMode. */
function withoutHidden(range: WpsRange): string | null {
  try {
    const mode = range.TextRetrievalMode;
    if (!mode || typeof mode !== "object") return null;
    mode.IncludeHiddenText = false;
    return range.Text;
  } catch {
    return null;
  }
}

/** The characters whose Font.Hidden is false, in order; null when WPS cannot list them. */
function visibleCharacters(range: WpsRange): string | null {
  try {
    const characters = range.Characters;
    if (!characters) return null;
    let text = "";
    for (let i = 1; i <= characters.Count; i++) {
      const character = characters.Item(i);
      if (hiddenOf(character) === "none") text += character.Text;
    }
    return text;
  } catch (error) {
    console.warn("nianbao: WPS could not list a range's characters, hidden text kept", error);
    return null;
  }
}
