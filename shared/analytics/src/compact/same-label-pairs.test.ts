import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mulberry32, shuffleInPlace } from "./random.js";
import { pairsByFirst, relabelledSameLabelPairs, sameLabelPairs } from "./same-label-pairs.js";

// The packed counts (eight labellings per pass below 16 labels, four below 256) against a direct
// count of each labelling, on random pairs: rows longer than a lane holds (255), round counts that
// are not multiples of the pass, and labels above 255 (the direct path).
const naive = (firsts: number[], seconds: number[], labels: Int32Array) =>
  firsts.filter((first, k) => labels[first] === labels[seconds[k]!]).length;

const caseArb = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    pairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 80 }),
    hub: fc.nat(700),
    labels: fc
      .oneof(fc.nat(15), fc.nat(255), fc.nat(300))
      .chain((top) => fc.array(fc.nat(top), { minLength: n, maxLength: n })),
    rounds: fc.nat(19),
    seed: fc.nat(),
  }),
);

describe("relabelledSameLabelPairs", () => {
  it("counts each relabelling's same-label pairs, in order, as a direct count does", () => {
    fc.assert(
      fc.property(caseArb, ({ n, pairs, hub, labels, rounds, seed }) => {
        // Member 0 sends `hub` pairs, more than one lane of a pass counts.
        const all = [...pairs, ...Array.from({ length: hub }, (_, k): [number, number] => [0, k % n])];
        const firsts = all.map(([first]) => first);
        const seconds = all.map(([, second]) => second);
        const grouped = pairsByFirst(n, firsts, seconds);
        const start = Int32Array.from(labels);
        expect(sameLabelPairs(grouped, start)).toBe(naive(firsts, seconds, start));
        const random = mulberry32(seed);
        const counts = relabelledSameLabelPairs(grouped, Int32Array.from(start), rounds, (codes) =>
          random.shuffle(codes),
        );
        const replay = mulberry32(seed);
        const expected = Array.from({ length: rounds }, () => {
          shuffleInPlace(start, replay);
          return naive(firsts, seconds, start);
        });
        expect([...counts]).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
