// The permutation test: ei-permutation.ts.
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
  unit: "z-score",
  options: ["attribute", "seed", "permutations"],
  formula: "`z = (EI_obs − mean_r EI_r) / sd_r EI_r` (sample sd, R − 1), same permutations as `silo.ei_p`.",
  source: "as `silo.ei_p`.",
  baseline: "`E[EI]`, the baseline of EI (z's own chance level is 0).",
  returns:
    "`value` = `z`; also `p` (one-sided toward silo), `baseline`, `details` as `silo.ei_p`. Null without ties, with R < 2, or when every permutation gives the same EI (one group).",
  reading:
    '"−4.2: the E-I index lies four standard deviations below what random mixing gives, a clear tendency to stay inside sectors. Around 0: as chance; positive: more crossing than chance."',
  compute: (snapshot, options) => eiZResult(snapshot.graph, options.attribute, options.seed, options.permutations),
};
