// reciprocity.edge, version 1. Edge reciprocity: the share of arcs whose reverse exists,
//   r = (arcs i→j with j→i) / L = 2M / (2M + A)   (M mutual, A asymmetric dyads).
// Source: networkx `overall_reciprocity` (Wasserman & Faust 1994). Self-loops are left out.
// Baseline: ā = L / (N(N−1)), the expected r in a random directed graph of the same density.
// Null without arcs.
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
  title: "Edge reciprocity (share of ties returned)",
  compute: (snapshot) => computeEdgeReciprocity(snapshot),
};
