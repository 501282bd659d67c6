/**
 * Finds the six statutory sections among the paragraphs, styled as headings or not, numbered
 * 一、/一./一， or unnumbered, under the statutory title, a known variant or a title that
 * carries the section's key words.
 */
import { normalizeLabel, splitNumbering } from "../text/normalize";
import type { SectionSpec } from "../formats/types";
import type { SnapshotParagraph } from "../model/snapshot";
import type { SectionMatch } from "./model";

const MAX_TITLE_LENGTH = 40;
const QUALITY_RANK = { exact: 3, variant: 2, loose: 1 } as const;

interface Candidate extends SectionMatch {
  rank: number;
}

export function findSections(
  paragraphs: SnapshotParagraph[],
  specs: SectionSpec[],
): SectionMatch[] {
  const best = new Map<string, Candidate>();
  for (const paragraph of paragraphs) {
    const candidate = matchHeading(paragraph, specs);
    if (!candidate) continue;
    const current = best.get(candidate.id);
    if (!current || candidate.rank > current.rank) best.set(candidate.id, candidate);
  }
  return [...best.values()]
    .sort((a, b) => a.paragraphIndex - b.paragraphIndex)
    .map(({ id, paragraphIndex, text, writtenOrdinal, quality }) => ({
      id,
      paragraphIndex,
      text,
      writtenOrdinal,
      quality,
    }));
}

function matchHeading(paragraph: SnapshotParagraph, specs: SectionSpec[]): Candidate | null {
  const normalized = normalizeLabel(paragraph.text);
  if (normalized.length === 0 || normalized.length > MAX_TITLE_LENGTH + 4) return null;
  const numbered = splitNumbering(normalized);
  if (numbered.level === "bracketed" || numbered.level === "arabic") return null;
  const title = numbered.core.replace(/[.:;,。:;,]+$/, "");
  if (title.length === 0 || title.length > MAX_TITLE_LENGTH) return null;
  // A sentence ending with a full stop is prose that happens to mention a title.
  if (/[。.]$/.test(normalized) && numbered.level === "none") return null;
  const isHeading = paragraph.headingLevel !== null || numbered.level === "chinese";

  for (const spec of specs) {
    const quality = titleQuality(title, spec);
    if (!quality) continue;
    if (!isHeading && quality === "loose") continue;
    const rank =
      QUALITY_RANK[quality] * 10 +
      (numbered.ordinal === spec.ordinal ? 2 : 0) +
      (isHeading ? 1 : 0);
    return {
      id: spec.id,
      paragraphIndex: paragraph.paragraphIndex,
      text: paragraph.text.trim(),
      writtenOrdinal: numbered.level === "chinese" ? numbered.ordinal : null,
      quality,
      rank,
    };
  }
  return null;
}

function titleQuality(title: string, spec: SectionSpec): SectionMatch["quality"] | null {
  if (title === normalizeLabel(spec.title)) return "exact";
  if (spec.variants.some((variant) => normalizeLabel(variant) === title)) return "variant";
  if (
    title.length <= 24 &&
    spec.keywords.some((group) => group.every((word) => title.includes(word)))
  )
    return "loose";
  return null;
}
