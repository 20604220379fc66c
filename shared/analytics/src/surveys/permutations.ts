// Seeded permutations of n members for QAP: each one is the previous shuffled again by mulberry32
// (Fisher–Yates), so every permutation is uniform and the list is reproducible from (n, seed).
// The Python oracle (oracles/surveys/qap_oracle.py) rebuilds the same list.
import { mulberry32 } from "../compact/random.js";
import { SurveyInputError } from "./responses.js";

/** The most permutations a chain test runs: the cap on every permutation test (queryCaps in the contract). */
export const maxChainPermutations = 10_000;

/** Permutations from the options, checked: a whole number from 0 to the cap. */
export function checkPermutationCount(count: number): number {
  if (!Number.isInteger(count) || count < 0 || count > maxChainPermutations) {
    throw new SurveyInputError(`permutations must be a whole number from 0 to ${maxChainPermutations}, not ${count}`);
  }
  return count;
}

export function seededPermutations(n: number, seed: number, count: number): Int32Array[] {
  checkPermutationCount(count);
  const random = mulberry32(seed);
  const current = Int32Array.from({ length: n }, (_, i) => i);
  const list: Int32Array[] = [];
  for (let k = 0; k < count; k++) {
    random.shuffle(current);
    list.push(current.slice());
  }
  return list;
}
