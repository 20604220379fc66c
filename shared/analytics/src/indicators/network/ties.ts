import type { Indicator } from "../indicator.js";
import { tieCount } from "../support/graph.js";

export { tieCount };

export const tiesIndicator: Indicator = {
  id: "network.ties",
  version: 1,
  title: "Ties",
  unit: "count",
  options: [],
  formula: "`L` = arcs i → j, i ≠ j, each once whatever its weight; a two-way relationship counts 2.",
  source: "standard (Wasserman & Faust 1994, ch. 4); networkx `number_of_edges` on a DiGraph.",
  returns: "`value`: L.",
  reading: '"180 ties: one-way relationships in the selected layers; a two-way one counts twice."',
  compute: (snapshot) => ({ value: tieCount(snapshot.graph) }),
};
