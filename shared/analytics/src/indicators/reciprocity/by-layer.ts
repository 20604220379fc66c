// Self-loops are left out.
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
  title: "Reciprocity within each layer",
  unit: "share",
  options: [],
  formula:
    "`r_ℓ = (arcs in ℓ whose reverse is also in ℓ) / (arcs in ℓ)`, an arc being in ℓ when its weight in ℓ is positive. `value` pools the directed layers (advice, knowledge-sharing, mentoring, feedback, introduction, led): `Σ_ℓ reciprocated_ℓ / Σ_ℓ arcs_ℓ`.",
  source: "edge reciprocity (networkx `overall_reciprocity`) on each layer's subgraph.",
  returns:
    "`byGroup` keyed by **layer**: r_ℓ for every layer present (`collaboration` and `co-attendance` are two-way by construction, so 1 unless `minWeight` dropped one direction); `value`, null when no directed layer has an arc; `details`: `arcsByLayer`, `directedLayers`.",
  reading:
    '"advice 0.1, knowledge-sharing 0.5: advice mostly flows one way (natural between mentors and newcomers), knowledge is shared both ways."',
  compute: (snapshot) => computeReciprocityByLayer(snapshot),
};
