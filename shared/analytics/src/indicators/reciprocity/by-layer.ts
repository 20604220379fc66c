// reciprocity.by_layer, version 1. Edge reciprocity within each tie layer:
//   r_ℓ = (arcs i→j in ℓ whose reverse j→i is also in ℓ) / (arcs in ℓ),
// an arc being "in ℓ" when its weight in layer ℓ is positive. Self-loops are left out.
// byGroup: r_ℓ for every layer present on at least one arc (interaction kinds, `led`,
// `co-attendance`). Mutual layers (`collaboration`, `co-attendance`) are symmetric by construction.
// value: the pooled within-layer reciprocity over the directed layers (the non-mutual interaction
// kinds and `led`): Σ_ℓ reciprocated_ℓ / Σ_ℓ arcs_ℓ; null when no directed layer has an arc.
// Source: edge reciprocity (networkx `overall_reciprocity`) on each layer's subgraph.
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";
import { countArcs, directedLayers, edgeReciprocity, presentLayers } from "./arcs.js";

export function computeReciprocityByLayer(snapshot: CommunitySnapshot): IndicatorResult {
  const byGroup: Record<string, Value> = {};
  const arcsByLayer: Record<string, number> = {};
  let arcs = 0;
  let reciprocated = 0;
  for (const layer of presentLayers(snapshot.graph)) {
    const counts = countArcs(snapshot.graph, layer);
    byGroup[layer] = edgeReciprocity(counts);
    arcsByLayer[layer] = counts.arcs;
    if (directedLayers.includes(layer)) {
      arcs += counts.arcs;
      reciprocated += counts.reciprocated;
    }
  }
  return {
    value: arcs === 0 ? null : reciprocated / arcs,
    byGroup,
    details: { arcsByLayer, directedLayers },
  };
}

export const reciprocityByLayerIndicator: Indicator = {
  id: "reciprocity.by_layer",
  version: 1,
  title: "Reciprocity within each layer (advice, mentoring, …)",
  compute: (snapshot) => computeReciprocityByLayer(snapshot),
};
