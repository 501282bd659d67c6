import fc from "fast-check";
import { containment } from "./similarity";
import { MIN_SAMPLE, similarPairs } from "./cross";

const sorted = (values: number[]) => Uint32Array.from(new Set(values)).sort();

describe("similarPairs", () => {
  it("reports the pairs at or above the threshold, most similar first", () => {
    const base = Array.from({ length: 40 }, (_, i) => i);
    const samples = [
      sorted(base),
      sorted([...base.slice(0, 30), ...Array.from({ length: 10 }, (_, i) => 1000 + i)]),
      sorted(Array.from({ length: 40 }, (_, i) => 5000 + i)),
      sorted(base.slice(0, 20)),
    ];
    expect(similarPairs(samples, 0.5)).toEqual([
      { a: 0, b: 3, similarity: 1 },
      { a: 1, b: 3, similarity: 1 },
      { a: 0, b: 1, similarity: 0.75 },
    ]);
  });

  it("does not judge a report with too few sampled shingles", () => {
    const tiny = sorted(Array.from({ length: MIN_SAMPLE - 1 }, (_, i) => i));
    const big = sorted(Array.from({ length: 50 }, (_, i) => i));
    expect(similarPairs([tiny, big], 0.1)).toEqual([]);
  });

  it("agrees with comparing every pair directly", () => {
    const sample = fc
      .array(fc.integer({ min: 0, max: 60 }), { minLength: 0, maxLength: 40 })
      .map(sorted);
    fc.assert(
      fc.property(
        fc.array(sample, { maxLength: 8 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (samples, threshold) => {
          const expected = [];
          for (let a = 0; a < samples.length; a++)
            for (let b = a + 1; b < samples.length; b++) {
              const x = samples[a] as Uint32Array;
              const y = samples[b] as Uint32Array;
              if (x.length < MIN_SAMPLE || y.length < MIN_SAMPLE) continue;
              const similarity = containment(x, y);
              if (similarity >= threshold && similarity > 0) expected.push({ a, b, similarity });
            }
          const found = similarPairs(samples, threshold);
          const key = (p: { a: number; b: number }) => `${p.a}-${p.b}`;
          expect(found.map(key).sort()).toEqual(expected.map(key).sort());
          for (const pair of found)
            expect(pair.similarity).toBeCloseTo(
              expected.find((e) => key(e) === key(pair))?.similarity ?? -1,
            );
        },
      ),
    );
  });
});
