// network.density v1: L / (N (N − 1)), directed density (= networkx `density` on a DiGraph
// without self-loops). Null when N < 2 (no possible tie). Source: Wasserman & Faust (1994) §4.2.
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
  compute: (snapshot) => ({ value: density(snapshot.graph) }),
};
