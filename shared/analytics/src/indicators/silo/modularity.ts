import { groupArcsOf } from "../../compact/group-arcs.js";
import { reverseArcsOf } from "../../compact/reverse-arcs.js";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";

export function attributeModularityResult(graph: CommunityGraph, attribute: string): IndicatorResult {
  const { labels, arcs, fromGroups, toGroups } = groupArcsOf(graph, attribute);
  const reverse = reverseArcsOf(graph);
  const inside = new Int32Array(labels.length);
  const degrees = new Int32Array(labels.length);
  let edges = 0;
  for (let k = 0; k < arcs.length; k++) {
    // A two-way tie is one edge: counted at the earlier of its two arcs.
    const back = reverse[arcs[k]!]!;
    if (back >= 0 && back < arcs[k]!) continue;
    edges++;
    degrees[fromGroups[k]!]!++;
    degrees[toGroups[k]!]!++;
    if (fromGroups[k] === toGroups[k]) inside[fromGroups[k]!]!++;
  }
  const m = edges;
  const byGroup: Record<string, Value> = {};
  const details: Record<string, { edges: number; degree: number }> = {};
  let q = 0;
  labels.forEach((group, code) => {
    const edgesInside = inside[code]!;
    const degree = degrees[code]!;
    details[group] = { edges: edgesInside, degree };
    const term = m === 0 ? null : edgesInside / m - (degree / (2 * m)) ** 2;
    byGroup[group] = term;
    q += term ?? 0;
  });
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
