/**
 * The one place that touches Office.js globals: Word.run, the requirement sets, the Common
 * API's custom XML parts and the theme. Everything else sees a DocumentHost.
 */
import type { OfficeCustomXmlParts, WordRun } from "./word-api";
import { WordHost } from "./word-host";

interface OfficeGlobal {
  onReady(): Promise<{ host: string | null }>;
  HostType: { Word: string };
  context: {
    requirements: { isSetSupported(name: string, version?: string): boolean };
    officeTheme?: { bodyBackgroundColor?: string };
    document?: { customXmlParts?: OfficeCustomXmlParts };
  };
}

export function officeGlobal(scope: object): OfficeGlobal | null {
  const office = (scope as { Office?: OfficeGlobal }).Office;
  return office && typeof office.onReady === "function" ? office : null;
}

/**
 * Office's isSetSupported, answering false where Office throws instead (a set name this Office
 * does not know).
 */
export function requirementCheck(office: {
  context: { requirements: { isSetSupported(name: string, version?: string): boolean } };
}): (set: string, version: string) => boolean {
  return (set, version) => {
    try {
      return office.context.requirements.isSetSupported(set, version);
    } catch {
      return false;
    }
  };
}

export function createWordHost(scope: object, office: OfficeGlobal): WordHost | null {
  const word = (scope as { Word?: { run: WordRun } }).Word;
  const supports = requirementCheck(office);
  if (!word || !supports("WordApi", "1.3")) return null;
  // Requirement set CustomXmlParts (Word 2016 and later): where WordApi 1.4 is missing, the
  // ledger and ignores are stored through it.
  const commonParts = supports("CustomXmlParts", "1.1")
    ? (office.context.document?.customXmlParts ?? null)
    : null;
  return new WordHost({ run: (batch) => word.run(batch), supports, commonParts });
}

/** Dark when Office's pane background is dark. */
export function officeIsDark(office: OfficeGlobal): boolean {
  const color = office.context.officeTheme?.bodyBackgroundColor;
  const match = color && /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0) < 128;
}
