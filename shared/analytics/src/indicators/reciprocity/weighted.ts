// reciprocity.weighted, version 1. Weighted reciprocity (Squartini et al. 2013):
//   r_w = Σ_{i≠j} min(w_ij, w_ji) / Σ_{i≠j} w_ij,   w_ij = tie weight i→j (0 without a tie).
// The share of the total tie weight that is returned. Null when the total weight is 0.
// Source: Squartini, Picciolo, Ruzzenenti & Garlaschelli, Sci. Rep. 3, 2729 (2013).
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";

export function computeWeightedReciprocity(snapshot: CommunitySnapshot): IndicatorResult {
  const { graph } = snapshot;
  let total = 0;
  let reciprocated = 0;
  graph.forEachEdge((_edge, tie, source, target) => {
    if (source === target) return;
    total += tie.weight;
    const back = graph.directedEdge(target, source);
    if (back !== undefined) reciprocated += Math.min(tie.weight, graph.getEdgeAttributes(back).weight);
  });
  return {
    value: total > 0 ? reciprocated / total : null,
    details: { totalWeight: total, reciprocatedWeight: reciprocated },
  };
}

export const weightedReciprocityIndicator: Indicator = {
  id: "reciprocity.weighted",
  version: 1,
  title: "Weighted reciprocity (share of tie weight returned)",
  compute: (snapshot) => computeWeightedReciprocity(snapshot),
};
