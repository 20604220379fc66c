// reciprocity.cross_layer, version 1 (copgraph's definition). Reciprocity across layers:
// "A advises B, and B returns it in another way (shares knowledge with A)".
// Units: pairs (arc A→B, layer ℓ) with ℓ a directed layer (a non-mutual interaction kind or `led`)
// and positive weight of A→B in ℓ. A unit is
//   same-layer reciprocated   if B→A has positive weight in ℓ;
//   cross-layer reciprocated  if not, but B→A has positive weight in some other directed layer ℓ' ≠ ℓ;
//   unreciprocated            otherwise (mutual layers — collaboration, co-attendance — never count).
// value = cross-layer reciprocated units / units; null without units. Self-loops are left out.
// byGroup: the same share among the units of each directed layer ℓ present.
// details.matrix[ℓ][ℓ']: cross-layer units of ℓ that layer ℓ' returns (a unit may count under
// several ℓ'); details.sameLayer, crossLayer, unreciprocated, units: the counts.
import type { CommunitySnapshot, TieAttributes } from "../../projection/community-snapshot.js";
import type { TieLayer } from "../../projection/query.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";
import { directedLayers } from "./arcs.js";

function weightIn(tie: TieAttributes | undefined, layer: TieLayer): number {
  return tie?.layers[layer] ?? 0;
}

export function computeCrossLayerReciprocity(snapshot: CommunitySnapshot): IndicatorResult {
  const { graph } = snapshot;
  const units = new Map<TieLayer, number>();
  const cross = new Map<TieLayer, number>();
  const matrix: Record<string, Record<string, number>> = {};
  let sameLayer = 0;
  let unreciprocated = 0;
  graph.forEachEdge((_edge, tie, source, target) => {
    if (source === target) return;
    const backKey = graph.directedEdge(target, source);
    const back = backKey === undefined ? undefined : graph.getEdgeAttributes(backKey);
    for (const layer of directedLayers) {
      if (weightIn(tie, layer) <= 0) continue;
      units.set(layer, (units.get(layer) ?? 0) + 1);
      if (weightIn(back, layer) > 0) {
        sameLayer++;
        continue;
      }
      const returning = directedLayers.filter((other) => other !== layer && weightIn(back, other) > 0);
      if (returning.length === 0) {
        unreciprocated++;
        continue;
      }
      cross.set(layer, (cross.get(layer) ?? 0) + 1);
      const row = matrix[layer] ?? {};
      matrix[layer] = row;
      for (const other of returning) row[other] = (row[other] ?? 0) + 1;
    }
  });
  const byGroup: Record<string, Value> = {};
  let total = 0;
  let crossTotal = 0;
  for (const layer of directedLayers) {
    const n = units.get(layer);
    if (n === undefined) continue;
    const c = cross.get(layer) ?? 0;
    byGroup[layer] = c / n;
    total += n;
    crossTotal += c;
  }
  return {
    value: total === 0 ? null : crossTotal / total,
    byGroup,
    details: { units: total, sameLayer, crossLayer: crossTotal, unreciprocated, matrix },
  };
}

export const crossLayerReciprocityIndicator: Indicator = {
  id: "reciprocity.cross_layer",
  version: 1,
  title: "Reciprocity across layers (returned in another way)",
  compute: (snapshot) => computeCrossLayerReciprocity(snapshot),
};
