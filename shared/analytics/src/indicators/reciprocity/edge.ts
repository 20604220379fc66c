// Self-loops are left out.
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { countArcs, density, edgeReciprocity } from "./arcs.js";

export function computeEdgeReciprocity(snapshot: CommunitySnapshot): IndicatorResult {
  const counts = countArcs(snapshot.graph);
  const value = edgeReciprocity(counts);
  return {
    value,
    baseline: value === null ? null : density(snapshot.graph, counts.arcs),
    details: { arcs: counts.arcs, reciprocatedArcs: counts.reciprocated },
  };
}

export const edgeReciprocityIndicator: Indicator = {
  id: "reciprocity.edge",
  version: 1,
  title: "Edge reciprocity",
  unit: "share",
  options: [],
  formula: "`r = (arcs i→j with j→i) / L = 2M / (2M + A)`.",
  source: "Wasserman & Faust (1994); = networkx `overall_reciprocity` on a DiGraph.",
  baseline: "`ā`: the r expected in a random directed graph of the same density.",
  returns: "`value` in [0, 1], null without arcs; `details`: `arcs`, `reciprocatedArcs`.",
  reading:
    '"0.47 with a baseline of 0.45: about half the ties are returned, but in a network this dense chance alone would return almost as many (see `reciprocity.rho`)." (Krackhardt\'s advice network.)',
  compute: (snapshot) => computeEdgeReciprocity(snapshot),
};
