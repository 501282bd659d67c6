/**
 * 重复率: how much of a report's prose is found in another report. Pure; no Office, no Node.
 *
 * The algorithm (shingled character n-grams, suited to Chinese, which has no spaces):
 * 1. Prose: the report's body paragraphs outside tables, without the title, the statistics
 *    period (prescribed wording), the section headings and short numbered sub-headings
 *    (「（一）主动公开情况」). Each paragraph is
 *    normalised: white space dropped, full-width letters and digits folded to ASCII, and every
 *    run of digits replaced by one "#", so that a paragraph copied with this year's figures
 *    typed over last year's still counts as copied.
 * 2. Shingles: every run of SHINGLE (8) consecutive normalised characters within a paragraph,
 *    hashed to 32 bits (FNV-1a). Eight Chinese characters are about two words: common phrases
 *    of the statutory format are shorter than a shingle chain, copied sentences are not.
 * 3. Coverage: a character of this year's prose is "copied" when it lies inside at least one
 *    shingle that also occurs in last year's prose; a paragraph shorter than a shingle (「无。」)
 *    is copied when last year has the same short paragraph. similarity = copied characters / prose
 *    characters (normalised), 0 when there is no prose. The copied passages are the maximal
 *    runs of copied characters (at least a shingle long), mapped back to the text as written.
 * For comparing many reports with each other (crossSimilarity) each report is reduced to its
 * fingerprint: the sorted distinct shingle hashes. A pair's figure is the share of the smaller
 * fingerprint found in the other (containment), which tracks the character coverage above.
 */
import type { BodyParagraph, ReportModel } from "../recognize/model";

/** Characters per shingle. */
export const SHINGLE = 8;

/** A paragraph of prose as measured: its text as written and its normalised characters. */
export interface ProseParagraph {
  paragraphIndex: number;
  text: string;
  /** Normalised characters. */
  normal: string;
  /** For each normalised character, its offset in `text` (one past the end at the end). */
  offsets: number[];
}

export interface CopiedPassage {
  paragraphIndex: number;
  /** The passage as written in this year's report. */
  text: string;
  /** Its length in normalised characters. */
  length: number;
}

export interface CopyMeasure {
  /** Share of this year's prose characters found in the other report, 0–1. */
  similarity: number;
  proseCharacters: number;
  copiedCharacters: number;
  /** Every copied passage, longest first. */
  passages: CopiedPassage[];
}

const SUBHEADING = /^[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]/;

/** The prose of a recognised report: body paragraphs less title, headings and sub-headings. */
export function proseOf(
  model: Pick<ReportModel, "paragraphs" | "title"> & Partial<Pick<ReportModel, "period">>,
): ProseParagraph[] {
  const fixed = new Set([model.title?.paragraphIndex, model.period?.paragraphIndex]);
  return model.paragraphs
    .filter((p) => !p.isHeading && !fixed.has(p.paragraphIndex) && !isSubheading(p))
    .map((p) => normalizeParagraph(p.paragraphIndex, p.text))
    .filter((p) => p.normal.length > 0);
}

function isSubheading(p: BodyParagraph): boolean {
  const text = p.text.trim();
  return text.length <= 30 && SUBHEADING.test(text) && !/[。；;]$/.test(text);
}

/** White space out, full-width ASCII folded, each run of digits one "#". */
export function normalizeParagraph(paragraphIndex: number, text: string): ProseParagraph {
  let normal = "";
  const offsets: number[] = [];
  let inDigits = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
    if (code <= 0x20 || code === 0x3000 || code === 0xa0 || code === 0xfeff) continue;
    const digit = code >= 0x30 && code <= 0x39;
    if (digit && inDigits) continue;
    inDigits = digit;
    normal += digit ? "#" : String.fromCharCode(code);
    offsets.push(i);
  }
  offsets.push(text.length);
  return { paragraphIndex, text, normal, offsets };
}

/** FNV-1a over `SHINGLE` characters of `text` from `start`, as an unsigned 32-bit number. */
function shingleHash(text: string, start: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < start + SHINGLE; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function shingles(prose: ProseParagraph[]): Set<number> {
  const set = new Set<number>();
  for (const p of prose)
    for (let i = 0; i + SHINGLE <= p.normal.length; i++) set.add(shingleHash(p.normal, i));
  return set;
}

/** How much of `current`'s prose is found in `previous`'s (see the algorithm above). */
export function measureCopying(current: ProseParagraph[], previous: ProseParagraph[]): CopyMeasure {
  const known = shingles(previous);
  const short = new Set(previous.filter((p) => p.normal.length < SHINGLE).map((p) => p.normal));
  let prose = 0;
  let copied = 0;
  const passages: CopiedPassage[] = [];
  for (const p of current) {
    const n = p.normal.length;
    prose += n;
    const covered = new Uint8Array(n);
    for (let i = 0; i + SHINGLE <= n; i++)
      if (known.has(shingleHash(p.normal, i))) covered.fill(1, i, i + SHINGLE);
    if (n < SHINGLE && short.has(p.normal)) covered.fill(1);
    for (let i = 0; i < n;) {
      if (!covered[i]) {
        i++;
        continue;
      }
      let end = i;
      while (end < n && covered[end]) end++;
      copied += end - i;
      // A short paragraph the same as last year's (「无。」) counts, but is no passage to show.
      if (end - i >= SHINGLE)
        passages.push({
          paragraphIndex: p.paragraphIndex,
          text: p.text.slice(p.offsets[i], p.offsets[end]).trim(),
          length: end - i,
        });
      i = end;
    }
  }
  passages.sort((a, b) => b.length - a.length || a.paragraphIndex - b.paragraphIndex);
  return {
    similarity: prose === 0 ? 0 : copied / prose,
    proseCharacters: prose,
    copiedCharacters: copied,
    passages,
  };
}

/** A report's fingerprint: its distinct shingle hashes, sorted ascending. */
export function fingerprint(prose: ProseParagraph[]): Uint32Array {
  return Uint32Array.from(shingles(prose)).sort();
}

/** Share of the smaller fingerprint found in the other (0 when either is empty). */
export function containment(a: Uint32Array, b: Uint32Array): number {
  const smaller = Math.min(a.length, b.length);
  if (smaller === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / smaller;
}
