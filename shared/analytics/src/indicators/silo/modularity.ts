// silo.modularity v1: Newman–Girvan modularity (Newman & Girvan 2004; Newman 2006) of the
// partition of members by attribute value, on the UNDIRECTED, UNWEIGHTED graph (a pair is one
// edge if an arc runs either way; self-loops ignored):
//   Q = Σ_g [ m_g / m − (d_g / 2m)² ]
// m = edges, m_g = edges inside g, d_g = sum of degrees in g. = networkx
// `modularity(G.to_undirected(), parts, weight=None)` (networkx weights by default: not here).
// Members without a value are left out: Q is taken on the subgraph of members with a value.
// value: Q; null when that subgraph has no edge. byGroup: each group's term.
// details: m and, per group, m_g and d_g.
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";
import { arcsOf, groupsOf } from "../support/graph.js";

export function attributeModularityResult(graph: CommunityGraph, attribute: string): IndicatorResult {
  const groups = groupsOf(graph, attribute);
  const edges = new Set<string>();
  const inside = new Map<string, number>();
  const degrees = new Map<string, number>();
  for (const group of groups.values()) {
    inside.set(group, 0);
    degrees.set(group, 0);
  }
  for (const [source, target] of arcsOf(graph)) {
    const from = groups.get(source);
    const to = groups.get(target);
    if (from === undefined || to === undefined) continue;
    const key = JSON.stringify(source < target ? [source, target] : [target, source]);
    if (edges.has(key)) continue;
    edges.add(key);
    degrees.set(from, degrees.get(from)! + 1);
    degrees.set(to, degrees.get(to)! + 1);
    if (from === to) inside.set(from, inside.get(from)! + 1);
  }
  const m = edges.size;
  const byGroup: Record<string, Value> = {};
  const details: Record<string, { edges: number; degree: number }> = {};
  let q = 0;
  for (const [group, edgesInside] of inside) {
    const degree = degrees.get(group)!;
    details[group] = { edges: edgesInside, degree };
    const term = m === 0 ? null : edgesInside / m - (degree / (2 * m)) ** 2;
    byGroup[group] = term;
    q += term ?? 0;
  }
  return { value: m === 0 ? null : q, byGroup, details: { edges: m, byGroup: details } };
}

export const attributeModularityIndicator: Indicator = {
  id: "silo.modularity",
  version: 1,
  title: "Modularity of the attribute partition",
  compute: (snapshot, options) => attributeModularityResult(snapshot.graph, options.attribute),
};
