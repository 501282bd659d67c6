/**
 * 跨单位雷同: which reports of a batch share most of their prose with each other. Pure.
 *
 * Each report is reduced to a sample of its fingerprint (similarity.ts): the shingle hashes
 * divisible by SAMPLE, a fixed 1-in-SAMPLE choice that two reports make alike, so shared
 * shingles stay shared. An inverted index (hash → the reports holding it) counts the shared
 * sampled shingles of every pair that has any, in one pass over the posting lists; the cost is
 * the sum of the squared list lengths, not every pair's comparison. A pair's figure is the
 * shared count over the smaller sample (containment); pairs whose smaller sample has fewer
 * than MIN_SAMPLE hashes (a report of a few lines) are not judged.
 */

/** One hash in SAMPLE is kept. */
export const SAMPLE = 4;
/** A report needs this many sampled hashes (about 32 shingles' worth of prose) to be judged. */
export const MIN_SAMPLE = 8;

export function sampleFingerprint(print: Uint32Array): Uint32Array {
  return print.filter((hash) => hash % SAMPLE === 0);
}

export interface SimilarPair {
  /** Indices into the list given to similarPairs, a < b. */
  a: number;
  b: number;
  similarity: number;
}

/** Every pair whose figure is at least `threshold`, most similar first. */
export function similarPairs(samples: Uint32Array[], threshold: number): SimilarPair[] {
  const n = samples.length;
  const postings = new Map<number, number[]>();
  for (const [index, sample] of samples.entries()) {
    if (sample.length < MIN_SAMPLE) continue;
    for (const hash of sample) {
      const list = postings.get(hash);
      if (list) list.push(index);
      else postings.set(hash, [index]);
    }
  }
  // A dense upper triangle for a batch of a few thousand; a map beyond.
  const dense = n <= 4096 ? new Uint32Array((n * (n - 1)) / 2) : null;
  const sparse = dense ? null : new Map<number, number>();
  const slot = (a: number, b: number) => (a * (2 * n - a - 1)) / 2 + (b - a - 1);
  for (const list of postings.values()) {
    if (list.length < 2) continue;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as number;
        const b = list[j] as number;
        if (dense) dense[slot(a, b)] = (dense[slot(a, b)] as number) + 1;
        else sparse?.set(a * n + b, (sparse.get(a * n + b) ?? 0) + 1);
      }
  }
  const pairs: SimilarPair[] = [];
  const judge = (a: number, b: number, shared: number) => {
    const smaller = Math.min(
      (samples[a] as Uint32Array).length,
      (samples[b] as Uint32Array).length,
    );
    const similarity = shared / smaller;
    if (similarity >= threshold) pairs.push({ a, b, similarity });
  };
  if (dense) {
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++) {
        const shared = dense[slot(a, b)] as number;
        if (shared > 0) judge(a, b, shared);
      }
  } else {
    for (const [key, shared] of sparse ?? []) judge(Math.floor(key / n), key % n, shared);
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
}
