/**
 * Namespace URIs the readers match by name, and the ones a markup-compatibility Choice may
 * require for us to take it.
 */

export const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

export const WORDPROCESSINGML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/** ISO/IEC 29500 Strict conformance: same elements, another URI. */
export const WORDPROCESSINGML_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";
export const MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006";
export const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELATIONSHIPS_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";
export const XML_PACKAGE = "http://schemas.microsoft.com/office/2006/xmlPackage";
const VML = "urn:schemas-microsoft-com:vml";
const WORDPROCESSING_SHAPE = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape";
const WORD_2010 = "http://schemas.microsoft.com/office/word/2010/wordml";

/**
 * Each namespace a reader matches, with the prefix the reader uses for it whatever prefix a
 * document binds (see xml.ts).
 */
export const CANONICAL_PREFIXES: ReadonlyMap<string, string> = new Map([
  [WORDPROCESSINGML, "w"],
  [WORDPROCESSINGML_STRICT, "w"],
  [MARKUP_COMPATIBILITY, "mc"],
  [RELATIONSHIPS, "r"],
  [RELATIONSHIPS_STRICT, "r"],
  [XML_PACKAGE, "pkg"],
  [VML, "v"],
  [WORDPROCESSING_SHAPE, "wps"],
  [WORD_2010, "w14"],
]);

/**
 * The namespaces an mc:Choice may require for the reader to take it, as Word 2016 and later
 * do: WordprocessingML (Transitional and Strict) and its Office 2010–2024 extensions (w14, w15,
 * w16*), DrawingML and Word's drawing wrappers (wp, wp14, wps, wpg, wpc, wpi, a, a14, pic),
 * VML (v, o, w10), math and relationships. Word takes a Choice requiring any of these, so its
 * text (a text box's wps:txbx) is what the user sees. Anything else (a namespace a later Word
 * or another program invented) is not understood, and the Fallback is read instead.
 */
export const UNDERSTOOD_NAMESPACES: ReadonlySet<string> = new Set([
  WORDPROCESSINGML,
  WORDPROCESSINGML_STRICT,
  MARKUP_COMPATIBILITY,
  RELATIONSHIPS,
  RELATIONSHIPS_STRICT,
  VML,
  "urn:schemas-microsoft-com:office:office",
  "urn:schemas-microsoft-com:office:word",
  "http://schemas.openxmlformats.org/officeDocument/2006/math",
  "http://schemas.openxmlformats.org/drawingml/2006/main",
  "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
  "http://schemas.openxmlformats.org/drawingml/2006/picture",
  "http://schemas.microsoft.com/office/drawing/2010/main",
  WORDPROCESSING_SHAPE,
  "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingInk",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
  WORD_2010,
  "http://schemas.microsoft.com/office/word/2012/wordml",
  "http://schemas.microsoft.com/office/word/2015/wordml/symex",
  "http://schemas.microsoft.com/office/word/2016/wordml/cid",
  "http://schemas.microsoft.com/office/word/2018/wordml",
  "http://schemas.microsoft.com/office/word/2018/wordml/cex",
  "http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash",
  "http://schemas.microsoft.com/office/word/2023/wordml/word16du",
  "http://schemas.microsoft.com/office/word/2024/wordml/sdtformatlock",
]);
