// network.betweenness v1: Freeman betweenness (Freeman 1977; Brandes 2001 algorithm) of each
// member on the DIRECTED, UNWEIGHTED graph, normalised by 1/((N − 1)(N − 2)) — the same values as
// networkx `betweenness_centrality(G)` on a DiGraph (graphology-metrics, getEdgeWeight: null).
//   c_B(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st  /  ((N − 1)(N − 2))
// byMember: every member's c_B. value: the MAXIMUM over members (the strongest broker);
// details: the mean and the members reaching the maximum.
// Null (value and byMember) when N < 3: no member can lie between two others and the
// normalisation is undefined. Self-loops do not change shortest paths.
import betweennessCentrality from "graphology-metrics/centrality/betweenness.js";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";
import { meanOf } from "../support/graph.js";

export function betweenness(graph: CommunityGraph): Record<string, Value> {
  if (graph.order < 3) return Object.fromEntries(graph.nodes().map((node) => [node, null]));
  return betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
}

export function betweennessResult(graph: CommunityGraph): IndicatorResult {
  const byMember = betweenness(graph);
  const values = Object.values(byMember).filter((v): v is number => v !== null);
  if (values.length === 0) return { value: null, byMember, details: { mean: null } };
  const max = values.reduce((a, b) => Math.max(a, b));
  return { value: max, byMember, details: { mean: meanOf(values) } };
}

export const betweennessIndicator: Indicator = {
  id: "network.betweenness",
  version: 1,
  title: "Betweenness (max)",
  compute: (snapshot) => betweennessResult(snapshot.graph),
};
