/**
 * Reads word/styles.xml far enough to know which paragraph styles are headings and which
 * styles hide text. WPS writes numeric style ids ("2", "3") whose names ("heading 1") carry
 * the meaning, Word and LibreOffice write "Heading1"; outline levels may sit on the style or on
 * a base style. Hidden text (w:vanish, w:specVanish) may come from a character style, a
 * paragraph style, a base style of either, or the document defaults.
 */
import type { Attributes, XmlHandler } from "./xml";
import { isOn } from "./on-off";

export interface StyleInfo {
  name: string | null;
  basedOn: string | null;
  outlineLevel: number | null;
  /** w:vanish or w:specVanish in the style's own w:rPr: true, false, or null when absent. */
  vanish: boolean | null;
}

export class StylesReader implements XmlHandler {
  /** Paragraph (and numbering) styles, by id. */
  readonly styles = new Map<string, StyleInfo>();
  readonly characterStyles = new Map<string, StyleInfo>();
  /** The styles marked w:default="1": they apply where no w:pStyle or w:rStyle is given. */
  defaultParagraphStyle: string | null = null;
  defaultCharacterStyle: string | null = null;
  /** w:vanish in w:docDefaults/w:rPrDefault/w:rPr. */
  defaultVanish: boolean | null = null;
  private current: StyleInfo | null = null;
  /** Names of the open elements, to tell a style's own w:rPr from nested ones. */
  private readonly path: string[] = [];

  open(name: string, attributes: Attributes): void {
    const parent = this.path[this.path.length - 1];
    const grandparent = this.path[this.path.length - 2];
    this.path.push(name);
    if (name === "w:style") {
      const id = attributes["w:styleId"];
      const type = attributes["w:type"];
      if (id !== undefined && type !== "table") {
        this.current = { name: null, basedOn: null, outlineLevel: null, vanish: null };
        const character = type === "character";
        (character ? this.characterStyles : this.styles).set(id, this.current);
        if (attributes["w:default"] !== undefined && isOn(attributes["w:default"])) {
          if (character) this.defaultCharacterStyle = id;
          else if (type === undefined || type === "paragraph") this.defaultParagraphStyle = id;
        }
      }
      return;
    }
    if (name === "w:vanish" || name === "w:specVanish") {
      if (parent !== "w:rPr") return;
      if (grandparent === "w:style" && this.current) {
        this.current.vanish = mergeVanish(this.current.vanish, attributes["w:val"]);
      } else if (grandparent === "w:rPrDefault") {
        this.defaultVanish = mergeVanish(this.defaultVanish, attributes["w:val"]);
      }
      return;
    }
    if (!this.current) return;
    if (name === "w:name") this.current.name = attributes["w:val"] ?? null;
    else if (name === "w:basedOn") this.current.basedOn = attributes["w:val"] ?? null;
    else if (name === "w:outlineLvl" && parent === "w:pPr") {
      const level = Number.parseInt(attributes["w:val"] ?? "", 10);
      this.current.outlineLevel = Number.isFinite(level) ? level : null;
    }
  }

  close(name: string): void {
    this.path.pop();
    if (name === "w:style") this.current = null;
  }

  text(): void {}
}

/**
 * One w:vanish or w:specVanish of a property set folded into what the set said so far: either
 * one on hides the text, an explicit off only counts when nothing in the set turned it on.
 */
export function mergeVanish(sofar: boolean | null, value: string | undefined): boolean {
  return sofar === true || isOn(value);
}

/**
 * Whether styles hide a run that sets no w:vanish of its own. ECMA-376 (17.7.2, style
 * hierarchy) applies direct formatting over the character style, over the paragraph style,
 * over the document defaults, and calls w:vanish a toggle property; Word treats w:vanish in
 * styles simply as on or off, so it is read that way here: the nearest explicit value wins,
 * a base style (w:basedOn) counting only where its derived style says nothing.
 */
export function stylesHideRun(
  sheet: StylesReader,
  runStyle: string | null,
  paragraphStyle: string | null,
): boolean {
  return (
    (vanishOf(sheet.characterStyles, runStyle ?? sheet.defaultCharacterStyle) ??
      vanishOf(sheet.styles, paragraphStyle ?? sheet.defaultParagraphStyle) ??
      sheet.defaultVanish) === true
  );
}

function vanishOf(styles: Map<string, StyleInfo>, styleId: string | null): boolean | null {
  const seen = new Set<string>();
  for (let id = styleId; id !== null && !seen.has(id);) {
    seen.add(id);
    const style = styles.get(id);
    if (!style) return null;
    if (style.vanish !== null) return style.vanish;
    id = style.basedOn;
  }
  return null;
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;

/**
 * Heading level 1–9 of a style, following base styles; null for body text. Without a styles
 * part (a bare document.xml) the style id is read as a name: "Heading1" still means level 1.
 */
export function headingLevelOfStyle(
  styles: Map<string, StyleInfo>,
  styleId: string | null,
): number | null {
  const seen = new Set<string>();
  for (let id = styleId; id !== null && !seen.has(id);) {
    seen.add(id);
    const style = styles.get(id);
    const byName = HEADING_NAME.exec((style?.name ?? id).trim());
    if (byName) return Number(byName[1]);
    if (!style) return null;
    if (style.outlineLevel !== null) return outlineToHeading(style.outlineLevel);
    id = style.basedOn;
  }
  return null;
}

/** w:outlineLvl 0–8 are heading levels 1–9; 9 is body text. */
export function outlineToHeading(outlineLevel: number): number | null {
  return outlineLevel >= 0 && outlineLevel <= 8 ? outlineLevel + 1 : null;
}
