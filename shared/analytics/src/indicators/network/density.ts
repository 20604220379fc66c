import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, Value } from "../indicator.js";
import { tieCount } from "../support/graph.js";

export function density(graph: CommunityGraph): Value {
  const n = graph.order;
  return n < 2 ? null : tieCount(graph) / (n * (n - 1));
}

export const densityIndicator: Indicator = {
  id: "network.density",
  version: 1,
  title: "Density",
  unit: "share",
  options: [],
  formula: "`L / (N(N − 1))`.",
  source: "Wasserman & Faust (1994) §4.2; = networkx `density` on a DiGraph.",
  returns: "`value` in [0, 1]; null when N < 2.",
  reading:
    '"0.05: of all the one-way ties that could exist, 5% do. Large communities are naturally sparser, so compare density only between communities of similar size."',
  compute: (snapshot) => ({ value: density(snapshot.graph) }),
};
