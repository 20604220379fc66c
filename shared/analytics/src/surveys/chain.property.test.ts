// Properties of the chain test that hold for any matrices: renaming the members (rows and columns
// reordered together) changes nothing observed, r stays in [−1, 1], p-values in (0, 1], and the
// observed t of each predictor is that of the ordinary fit (the DSP residual spans the same space).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chainTestOver } from "./chain.js";
import type { DyadMatrix } from "./dyad-matrix.js";
import { seededPermutations } from "./permutations.js";

const symmetric = (n: number) =>
  fc.array(fc.constantFrom(0, 1), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((upper) => {
    const values = new Float64Array(n * n);
    let k = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        values[i * n + j] = upper[k]!;
        values[j * n + i] = upper[k++]!;
      }
    }
    return values;
  });

const round = fc.integer({ min: 3, max: 9 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    reversal: symmetric(n),
    reciprocity: symmetric(n),
    trust: symmetric(n),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
  }),
);

/** The matrix with members listed in `order` (order[k] = old position of the k-th member). */
function reordered(matrix: DyadMatrix, order: readonly number[]): DyadMatrix {
  const n = order.length;
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) values[i * n + j] = matrix.values[order[i]! * n + order[j]!]!;
  return { members: order.map((k) => matrix.members[k]!), values };
}

describe("the chain test, for any matrices", () => {
  it("keeps r, b, t and R² under a renaming of the members, with r in [−1, 1] and p in (0, 1]", () => {
    fc.assert(
      fc.property(round, ({ n, reversal, reciprocity, trust, seed }) => {
        const members = Array.from({ length: n }, (_, i) => `m${i}`);
        const matrices = {
          reversal: { members, values: reversal },
          reciprocity: { members, values: reciprocity },
          trust: { members, values: trust },
        };
        const permutations = seededPermutations(n, seed, 20);
        const result = chainTestOver(matrices, permutations);
        const order = [...seededPermutations(n, seed + 1, 1)[0]!];
        const renamed = chainTestOver(
          {
            reversal: reordered(matrices.reversal, order),
            reciprocity: reordered(matrices.reciprocity, order),
            trust: reordered(matrices.trust, order),
          },
          permutations,
        );
        for (const key of ["reversalReciprocity", "reversalTrust", "reciprocityTrust"] as const) {
          const { r, p, pGreater, pLess } = result.correlations[key];
          const other = renamed.correlations[key].r;
          if (r === null) expect(other).toBeNull();
          else {
            expect(Math.abs(r - other!)).toBeLessThan(1e-9);
            expect(Math.abs(r)).toBeLessThanOrEqual(1 + 1e-12);
            for (const value of [p, pGreater, pLess]) expect(value! > 0 && value! <= 1).toBe(true);
          }
        }
        const r2 = result.regression.r2;
        if (r2 === null) expect(renamed.regression.r2).toBeNull();
        else {
          expect(Math.abs(r2 - renamed.regression.r2!)).toBeLessThan(1e-9);
          result.regression.coefficients.forEach((c, k) => {
            const twin = renamed.regression.coefficients[k]!;
            expect(Math.abs(c.estimate! - twin.estimate!)).toBeLessThan(1e-9);
            if (c.t !== null) expect(Math.abs(c.t - twin.t!)).toBeLessThan(1e-6 * Math.max(1, Math.abs(c.t)));
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("refits to the observed t and r under the identity permutation (the DSP residual spans the predictor's space)", () => {
    fc.assert(
      fc.property(round, ({ n, reversal, reciprocity, trust }) => {
        const members = Array.from({ length: n }, (_, i) => `m${i}`);
        const identity = Int32Array.from(members, (_, i) => i);
        const result = chainTestOver(
          {
            reversal: { members, values: reversal },
            reciprocity: { members, values: reciprocity },
            trust: { members, values: trust },
          },
          [identity],
        );
        for (const tested of [...Object.values(result.correlations), ...result.regression.coefficients.slice(1)]) {
          if (tested.p === null) continue;
          expect([tested.p, tested.pGreater, tested.pLess]).toEqual([1, 1, 1]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
