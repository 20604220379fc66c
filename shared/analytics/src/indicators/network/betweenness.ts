// Self-loops do not change shortest paths.
import { brandesBetweenness } from "../../compact/brandes.js";
import { compactGraph } from "../../compact/compact-graph.js";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";
import { meanOf } from "../support/graph.js";

export function betweenness(graph: CommunityGraph): Record<string, Value> {
  if (graph.order < 3) return Object.fromEntries(graph.nodes().map((node) => [node, null]));
  const compact = compactGraph(graph);
  const values = brandesBetweenness(compact);
  return Object.fromEntries(compact.ids.map((id, i) => [id, values[i] as number]));
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
  unit: "index",
  options: [],
  formula:
    "`c_B(v) = Σ_{s≠v≠t} σ_st(v)/σ_st / ((N − 1)(N − 2))`, σ_st the number of shortest directed paths s → t, σ_st(v) those through v; directed, unweighted.",
  source:
    "Freeman (1977), Brandes (2001) algorithm over typed arrays; = networkx `betweenness_centrality(G)` on a DiGraph.",
  returns:
    '`byMember`: c_B per member, in [0, 1]; `value`: the maximum over members; `details.mean`. All null when N < 3. No list of "top" members: the values describe positions, they do not rank people.',
  reading:
    '"0.45: one position lies on almost half of the shortest paths between other members; connections between parts of the community run through very few people." A member\'s value says how much they bridge, not how much they are worth.',
  compute: (snapshot) => betweennessResult(snapshot.graph),
};
