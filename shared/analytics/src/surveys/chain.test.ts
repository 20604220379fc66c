import { describe, expect, it } from "vitest";
import { chainTest, chainTestOver } from "./chain.js";
import { matrixOfPairs } from "./dyad-matrix.js";
import { seededPermutations } from "./permutations.js";
import { SurveyInputError } from "./responses.js";

// Four members, six pairs (ab, ac, ad, bc, bd, cd):
//   reversal     1 0 0 1 0 0
//   reciprocity  1 1 0 1 0 0   (reversal implies reciprocity)
//   trust        1 1 0 0 0 1
// By hand, over the pairs (each counted twice over the 12 ordered cells, which changes no r, b or R²):
//   r(reversal, reciprocity) = (2 − 6·⅓·½) / √((2 − 6·⅑)(3 − 6·¼)) = 1 / √(4/3 · 3/2) = 1/√2
//   r(reversal, trust)       = (1 − 6·⅓·½) / … = 0
//   r(reciprocity, trust)    = (2 − 6·½·½) / √(3/2 · 3/2) = ½ / (3/2) = ⅓
// OLS: three (reversal, reciprocity) patterns, three coefficients: the fit is the pattern means.
//   (0,0): ad, bd, cd → trust ⅓ = intercept;  (0,1): ac → 1 = ⅓ + b_reciprocity;
//   (1,1): ab, bc → ½ = ⅓ + b_reversal + b_reciprocity.  So b_reciprocity = ⅔, b_reversal = −½.
//   RSS = 2·¼ + 0 + (⅑ + ⅑ + 4/9) = 7/6, TSS = 6·¼ = 3/2, R² = 1 − (7/6)/(3/2) = 2/9.
const members = ["a", "b", "c", "d"];
const reversal = matrixOfPairs(members, [
  ["a", "b"],
  ["b", "c"],
]);
const reciprocity = matrixOfPairs(members, [
  ["a", "b"],
  ["a", "c"],
  ["b", "c"],
]);
const trust = matrixOfPairs(members, [
  ["a", "b"],
  ["a", "c"],
  ["c", "d"],
]);
const matrices = { reversal, reciprocity, trust };

describe("the chain test on a hand-worked example", () => {
  const result = chainTestOver(matrices, []);

  it("gives the three correlations", () => {
    expect(result.members).toBe(4);
    expect(result.dyads).toBe(6);
    expect(result.correlations.reversalReciprocity.r).toBeCloseTo(Math.SQRT1_2, 12);
    expect(result.correlations.reversalTrust.r).toBeCloseTo(0, 12);
    expect(result.correlations.reciprocityTrust.r).toBeCloseTo(1 / 3, 12);
  });

  it("gives the OLS coefficients of trust on reversal and reciprocity, and R²", () => {
    const [intercept, rev, rec] = result.regression.coefficients;
    expect(result.regression.cells).toBe(12);
    expect(intercept!.estimate).toBeCloseTo(1 / 3, 12);
    expect(rev!.estimate).toBeCloseTo(-1 / 2, 12);
    expect(rec!.estimate).toBeCloseTo(2 / 3, 12);
    expect(result.regression.r2).toBeCloseTo(2 / 9, 12);
    expect(intercept!.p).toBeNull();
  });

  it("counts permuted values as extreme by hand: swapping c and d turns r(reciprocity, trust) from ⅓ to −⅓", () => {
    // Trust with c and d swapped: ab 1, ac 0, ad 1, bc 0, bd 0, cd 1; Σ reciprocity·trust = 1, r = −⅓.
    const swap = Int32Array.from([0, 1, 3, 2]);
    const tested = chainTestOver(matrices, [swap]).correlations.reciprocityTrust;
    expect(tested).toEqual({ r: expect.closeTo(1 / 3, 12), p: 1, pGreater: 0.5, pLess: 1, permutations: 1 });
  });

  it("over all 24 permutations, r = 0 is never beyond chance: p = 1", () => {
    const all: Int32Array[] = [];
    const build = (prefix: number[]) => {
      if (prefix.length === 4) all.push(Int32Array.from(prefix));
      for (let i = 0; i < 4; i++) if (!prefix.includes(i)) build([...prefix, i]);
    };
    build([]);
    expect(chainTestOver(matrices, all).correlations.reversalTrust.p).toBe(1);
  });

  it("leaves the regression undefined, saying why, when the predictors are collinear", () => {
    const collinear = chainTestOver({ reversal, reciprocity: reversal, trust }, []);
    expect(collinear.regression.r2).toBeNull();
    expect(collinear.regression.undefinedBecause).toMatch(/collinear/);
    expect(collinear.correlations.reversalReciprocity.r).toBeCloseTo(1, 12);
  });

  it("is undefined, not zero, with fewer than two respondents", () => {
    for (const few of [[], ["a"]]) {
      const empty = matrixOfPairs(few, []);
      const result = chainTest({ reversal: empty, reciprocity: empty, trust: empty }, { seed: 1, permutations: 10 });
      expect(result.dyads).toBe(0);
      expect(result.correlations.reciprocityTrust).toMatchObject({ r: null, p: null });
      expect(result.regression.r2).toBeNull();
    }
  });

  it("gives no r for a constant matrix", () => {
    const none = matrixOfPairs(members, []);
    expect(chainTestOver({ reversal: none, reciprocity, trust }, []).correlations.reversalTrust.r).toBeNull();
  });

  it("is reproducible from the seed, and refuses matrices over other members or too many permutations", () => {
    const once = chainTest(matrices, { seed: 7, permutations: 50 });
    expect(chainTest(matrices, { seed: 7, permutations: 50 })).toEqual(once);
    expect(once.permutations).toBe(50);
    expect(seededPermutations(4, 7, 2)).toHaveLength(2);
    const other = matrixOfPairs(["a", "b", "d", "c"], []);
    expect(() => chainTest({ ...matrices, trust: other }, { seed: 1, permutations: 0 })).toThrow(
      new SurveyInputError("trust must list the same members in the same order as reversal"),
    );
    expect(() => chainTest(matrices, { seed: 1, permutations: 10_001 })).toThrow(
      "permutations must be a whole number from 0 to 10000, not 10001",
    );
  });
});
