// network.ties v1: L, the number of ties (arcs), unweighted, self-loops excluded.
// A mutual pair counts 2. Source: standard (Wasserman & Faust 1994, ch. 4).
import type { Indicator } from "../indicator.js";
import { tieCount } from "../support/graph.js";

export { tieCount };

export const tiesIndicator: Indicator = {
  id: "network.ties",
  version: 1,
  title: "Ties",
  compute: (snapshot) => ({ value: tieCount(snapshot.graph) }),
};
