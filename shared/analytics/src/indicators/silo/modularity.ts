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
  unit: "index",
  options: ["attribute"],
  formula:
    "`Q = Σ_g [ m_g/m − (d_g / 2m)² ]` on the **undirected, unweighted** graph (a pair is one edge if a tie runs either way), m edges, m_g inside g, d_g sum of degrees in g; members without a value left out.",
  source:
    "Newman & Girvan (2004); Newman (2006); = networkx `modularity(G.to_undirected(), parts, weight=None)` (networkx weights by default; copgraph does not).",
  baseline: "none reported; ≈ 0 for random mixing.",
  returns:
    "`value`, null when there is no edge among members with a value; `byGroup`: each group's term; `details`: `edges` and per group `edges`, `degree`.",
  reading:
    '"0.3: the sectors form fairly separate blocks of the network; near 0 as random, negative when ties run mostly across sectors." Not the same number as Louvain\'s `details.modularity`, which is directed and for the detected clusters.',
  compute: (snapshot, options) => attributeModularityResult(snapshot.graph, options.attribute),
};
