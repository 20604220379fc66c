// The permutation test: ei-permutation.ts.
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
  unit: "p-value",
  options: ["attribute", "seed", "permutations"],
  formula:
    "`p = (1 + #{r : EI_r ≤ EI_obs}) / (R + 1)`, R = `permutations` shuffles of the attribute values among members with a value (Fisher–Yates, `mulberry32(seed)`), ties fixed. **One-sided, toward silo**; never 0 (Phipson & Smyth 2010).",
  source: "Krackhardt & Stern (1988); UCINET's permutation practice.",
  baseline: "`E[EI]`, the baseline of EI (not of p), as in `silo.ei`.",
  returns:
    '`value` = `p` in (0, 1]; also `z` (as `silo.ei_z`), `baseline`; `details`: `observed`, `expected`, `mean`, `sd`, `permutations`, `tail: "lower"`, `p`, `z`. `value`, `p`, `z` null without ties between members with values or with `permutations` = 0.',
  reading:
    '"0.001 (1,000 permutations): no random re-labelling of sectors kept as many ties inside sectors as observed; the silo is not an accident of group sizes. Near 1: ties cross sectors at least as often as chance."',
  compute: (snapshot, options) => eiPResult(snapshot.graph, options.attribute, options.seed, options.permutations),
};
