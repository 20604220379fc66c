// silo.effective_size v1: Burt's (1992) effective size per member, = networkx
// `effective_size(G)` on the directed, unweighted graph (formula in burt.ts):
//   e_i = Σ_{j ∈ N(i)} (1 − Σ_{q ∈ N(i)} p_iq m_jq / max_k m_jk)
// The number of i's contacts minus their redundancy: non-redundant contacts bridge holes.
// Not attribute-based. byMember: e_i, null for isolates.
// value: mean of the non-null e_i (null if none).
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { meanOf } from "../support/graph.js";
import { effectiveSize } from "./burt.js";

export function effectiveSizeResult(graph: CommunityGraph): IndicatorResult {
  const byMember = effectiveSize(graph);
  return { value: meanOf(Object.values(byMember)), byMember };
}

export const effectiveSizeIndicator: Indicator = {
  id: "silo.effective_size",
  version: 1,
  title: "Burt effective size (mean)",
  compute: (snapshot) => effectiveSizeResult(snapshot.graph),
};
