// silo.ei_p v1: permutation p-value of the E-I index, ONE-SIDED toward silo:
//   p = (1 + #{permutations with EI ≤ EI_obs}) / (R + 1)
// R = options.permutations label permutations seeded by options.seed (see ei-permutation.ts;
// UCINET's practice, Krackhardt & Stern 1988). Small p: fewer cross-group ties than random
// mixing would give. value = p; also p, z, baseline = E[EI]. details: the whole test
// (observed, expected, mean, sd, permutations, tail). Null without ties or with R < 1.
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { eiPermutationTest } from "./ei-permutation.js";

export function eiPResult(
  graph: CommunityGraph,
  attribute: string,
  seed: number,
  permutations: number,
): IndicatorResult {
  const test = eiPermutationTest(graph, attribute, seed, permutations);
  return { value: test.p, baseline: test.expected, p: test.p, z: test.z, details: test };
}

export const eiPIndicator: Indicator = {
  id: "silo.ei_p",
  version: 1,
  title: "E-I permutation p-value (toward silo)",
  compute: (snapshot, options) => eiPResult(snapshot.graph, options.attribute, options.seed, options.permutations),
};
