/**
 * The one place that touches Office.js globals: Word.run, the requirement sets and the theme.
 * Everything else sees a DocumentHost.
 */
import type { WordRun } from "./word-api";
import { WordHost } from "./word-host";

interface OfficeGlobal {
  onReady(): Promise<{ host: string | null }>;
  HostType: { Word: string };
  context: {
    requirements: { isSetSupported(name: string, version: string): boolean };
    officeTheme?: { bodyBackgroundColor?: string };
  };
}

export function officeGlobal(scope: object): OfficeGlobal | null {
  const office = (scope as { Office?: OfficeGlobal }).Office;
  return office && typeof office.onReady === "function" ? office : null;
}

export function createWordHost(scope: object, office: OfficeGlobal): WordHost | null {
  const word = (scope as { Word?: { run: WordRun } }).Word;
  const supports = (version: string) =>
    office.context.requirements.isSetSupported("WordApi", version);
  if (!word || !supports("1.3")) return null;
  return new WordHost({ run: (batch) => word.run(batch), supports });
}

/** Dark when Office's pane background is dark. */
export function officeIsDark(office: OfficeGlobal): boolean {
  const color = office.context.officeTheme?.bodyBackgroundColor;
  const match = color && /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0) < 128;
}
