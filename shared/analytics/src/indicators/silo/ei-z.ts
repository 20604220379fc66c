// silo.ei_z v1: permutation z-score of the E-I index
//   z = (EI_obs − mean of permuted EI) / sd of permuted EI   (sample sd)
// R = options.permutations label permutations seeded by options.seed (see ei-permutation.ts).
// Negative: more internal ties than random mixing gives (toward silo). value = z; also p
// (one-sided toward silo), z, baseline = E[EI]. Null without ties, with R < 2, or when every
// permutation gives the same EI.
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { eiPermutationTest } from "./ei-permutation.js";

export function eiZResult(
  graph: CommunityGraph,
  attribute: string,
  seed: number,
  permutations: number,
): IndicatorResult {
  const test = eiPermutationTest(graph, attribute, seed, permutations);
  return { value: test.z, baseline: test.expected, p: test.p, z: test.z, details: test };
}

export const eiZIndicator: Indicator = {
  id: "silo.ei_z",
  version: 1,
  title: "E-I permutation z-score",
  compute: (snapshot, options) => eiZResult(snapshot.graph, options.attribute, options.seed, options.permutations),
};
