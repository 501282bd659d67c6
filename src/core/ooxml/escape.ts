/** Text made safe for the XML parts we write. */

/**
 * Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return; U+FFFE,
 * U+FFFF; unpaired surrogates). Word uses some in its text (U+000B a manual line break, U+000C a
 * page break, U+0013–U+0015 field marks), so they reach us from cells and unit names.
 */
const FORBIDDEN_IN_XML =
  // eslint-disable-next-line no-control-regex -- these characters are the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters XML 1.0 forbids. */
export function withoutForbiddenXmlChars(text: string): string {
  return text.replace(FORBIDDEN_IN_XML, "");
}

/**
 * Text or an attribute value, escaped, with the characters XML forbids dropped. Tab, line feed
 * and carriage return are written as references, so an attribute keeps them when read back.
 */
export function escapeXml(text: string): string {
  return withoutForbiddenXmlChars(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}
