// The ego's own value is not needed (it is about alters).
// Neighbourhoods and groups come from the compact forms shared by the report's indicators.
import { groupCodesOf } from "../../compact/group-codes.js";
import { neighbourhoodsOf } from "../../compact/neighbourhoods.js";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";
import { meanOf } from "../support/graph.js";
import { blauOf } from "./composition.js";

export function egoDiversity(
  graph: CommunityGraph,
  attribute: string,
): { byMember: Record<string, Value>; weighted: Record<string, Value> } {
  const { ids, offsets, neighbours, volume } = neighbourhoodsOf(graph);
  const { codes, labels } = groupCodesOf(graph, attribute);
  const byMember: Record<string, Value> = {};
  const weighted: Record<string, Value> = {};
  for (let ego = 0; ego < ids.length; ego++) {
    // Keyed by group, in order of first appearance among the neighbours (the order sums take).
    const counts = new Map<string, number>();
    const volumes = new Map<string, number>();
    for (let e = offsets[ego]!; e < offsets[ego + 1]!; e++) {
      const code = codes[neighbours[e]!]!;
      if (code < 0) continue;
      const group = labels[code]!;
      counts.set(group, (counts.get(group) ?? 0) + 1);
      volumes.set(group, (volumes.get(group) ?? 0) + volume[e]!);
    }
    byMember[ids[ego]!] = blauOf(counts);
    weighted[ids[ego]!] = counts.size === 0 ? null : blauOf(volumes);
  }
  return { byMember, weighted };
}

export function egoDiversityResult(graph: CommunityGraph, attribute: string): IndicatorResult {
  const { byMember, weighted } = egoDiversity(graph, attribute);
  return {
    value: meanOf(Object.values(byMember)),
    byMember,
    details: { weighted, weightedMean: meanOf(Object.values(weighted)) },
  };
}

export const egoDiversityIndicator: Indicator = {
  id: "diversity.ego",
  version: 1,
  title: "Ego-network diversity (mean)",
  unit: "index",
  options: ["attribute"],
  formula:
    "`D_i = 1 − Σ_k p_ik²`, p_ik the share of i's neighbours (predecessors ∪ successors, each once, i excluded, those without a value left out) in category k. Weighted variant: each neighbour j weighted by the volume `w_ij + w_ji` (tie weights).",
  source: "Blau (1977) applied to ego networks (Burt 1984).",
  returns:
    "`byMember`: D_i, null when i has no neighbour with a value (isolates included); `value`: mean of the non-null D_i (null if none); `details.weighted` (per member), `details.weightedMean`.",
  reading:
    "\"Mean 0.35: a typical member's contacts come from few sectors, although the community as a whole is diverse (`diversity.blau` 0.72).\" A member's value describes the mix around them.",
  compute: (snapshot, options) => egoDiversityResult(snapshot.graph, options.attribute),
};
