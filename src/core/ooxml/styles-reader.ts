/**
 * Reads word/styles.xml far enough to know which paragraph styles are headings. WPS writes
 * numeric style ids ("2", "3") whose names ("heading 1") carry the meaning, Word and
 * LibreOffice write "Heading1"; outline levels may sit on the style or on a base style.
 */
import type { Attributes, XmlHandler } from "./xml";

export interface StyleInfo {
  name: string | null;
  basedOn: string | null;
  outlineLevel: number | null;
}

export class StylesReader implements XmlHandler {
  readonly styles = new Map<string, StyleInfo>();
  private current: StyleInfo | null = null;
  private inPPr = false;

  open(name: string, attributes: Attributes): void {
    if (name === "w:style") {
      const id = attributes["w:styleId"];
      if (
        id !== undefined &&
        attributes["w:type"] !== "character" &&
        attributes["w:type"] !== "table"
      ) {
        this.current = { name: null, basedOn: null, outlineLevel: null };
        this.styles.set(id, this.current);
      }
      return;
    }
    if (!this.current) return;
    if (name === "w:name") this.current.name = attributes["w:val"] ?? null;
    else if (name === "w:basedOn") this.current.basedOn = attributes["w:val"] ?? null;
    else if (name === "w:pPr") this.inPPr = true;
    else if (name === "w:outlineLvl" && this.inPPr) {
      const level = Number.parseInt(attributes["w:val"] ?? "", 10);
      this.current.outlineLevel = Number.isFinite(level) ? level : null;
    }
  }

  close(name: string): void {
    if (name === "w:style") this.current = null;
    else if (name === "w:pPr") this.inPPr = false;
  }

  text(): void {}
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
