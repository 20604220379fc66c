// The chain test against numpy (oracles/surveys/qap_oracle.py): the same matrices and the same
// explicit permutation list, so the observed values agree to 1e-12 and the p-values exactly.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { chainTestOver } from "./chain.js";
import type { DyadMatrix } from "./dyad-matrix.js";
import { seededPermutations } from "./permutations.js";

interface Expected {
  readonly [field: string]: number | string | null;
}
const oracle = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../oracles/surveys/qap_oracle.json", import.meta.url)), "utf8"),
) as {
  members: string[];
  seed: number;
  matrices: Record<"reversal" | "reciprocity" | "trust", number[][]>;
  permutationList: number[][];
  correlations: Record<string, Expected>;
  regression: { cells: number; r2: number; coefficients: Expected[] };
};

const matrix = (rows: number[][]): DyadMatrix => ({ members: oracle.members, values: Float64Array.from(rows.flat()) });
const permutations = oracle.permutationList.map((p) => Int32Array.from(p));
const observed = new Set(["r", "estimate", "standardError", "t", "r2"]);

function expectMatches(actual: object, expected: Expected, label: string): void {
  for (const [field, value] of Object.entries(expected)) {
    const got = (actual as Record<string, unknown>)[field];
    if (observed.has(field) && typeof value === "number") {
      expect(Math.abs((got as number) - value), `${label}.${field}: ${got} vs ${value}`).toBeLessThanOrEqual(1e-12);
    } else {
      expect(got, `${label}.${field}`).toEqual(value);
    }
  }
}

describe("the chain test matches numpy on 12 members", () => {
  const result = chainTestOver(
    {
      reversal: matrix(oracle.matrices.reversal),
      reciprocity: matrix(oracle.matrices.reciprocity),
      trust: matrix(oracle.matrices.trust),
    },
    permutations,
  );

  it("draws the same permutations from the seed as the oracle's mulberry32", () => {
    expect(seededPermutations(oracle.members.length, oracle.seed, permutations.length)).toEqual(permutations);
  });

  it("gives numpy's correlations (1e-12) and QAP p-values (exactly)", () => {
    for (const [name, expected] of Object.entries(oracle.correlations)) {
      expectMatches(result.correlations[name as keyof typeof result.correlations], expected, name);
    }
  });

  it("gives numpy's OLS coefficients, standard errors, t and R² (1e-12) and DSP p-values (exactly)", () => {
    expect(result.regression.cells).toBe(oracle.regression.cells);
    expect(Math.abs(result.regression.r2! - oracle.regression.r2)).toBeLessThanOrEqual(1e-12);
    expect(result.regression.coefficients.map((c) => c.name)).toEqual(
      oracle.regression.coefficients.map((c) => c.name),
    );
    oracle.regression.coefficients.forEach((expected, k) => {
      expectMatches(result.regression.coefficients[k]!, expected, String(expected.name));
    });
  });
});
