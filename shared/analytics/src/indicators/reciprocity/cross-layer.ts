// Self-loops are left out. Arcs and reverses: the compact forms shared by the report.
import { arcListOf } from "../../compact/arc-list.js";
import { reverseArcsOf } from "../../compact/reverse-arcs.js";
import type { CommunitySnapshot, TieAttributes } from "../../projection/community-snapshot.js";
import type { TieLayer } from "../../projection/query.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";
import { directedLayers } from "./arcs.js";

function weightIn(layers: TieAttributes["layers"] | undefined, layer: TieLayer): number {
  return layers?.[layer] ?? 0;
}

export function computeCrossLayerReciprocity(snapshot: CommunitySnapshot): IndicatorResult {
  const { graph } = snapshot;
  const units = new Map<TieLayer, number>();
  const cross = new Map<TieLayer, number>();
  const matrix: Record<string, Record<string, number>> = {};
  let sameLayer = 0;
  let unreciprocated = 0;
  const arcs = arcListOf(graph);
  const reverse = reverseArcsOf(graph);
  for (let k = 0; k < arcs.sources.length; k++) {
    const tie = arcs.layers[k]!;
    const back = reverse[k]! < 0 ? undefined : arcs.layers[reverse[k]!];
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
  }
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
  title: "Reciprocity across layers",
  unit: "share",
  options: [],
  formula:
    "units: (arc A→B, directed layer ℓ with positive weight). A unit is returned *in kind* if B→A is in ℓ, *in another way* if not but B→A is in another directed layer, else unreturned. `value = units returned in another way / all units`.",
  source: 'copgraph\'s own definition ("A advises B, B shares knowledge with A", metrics.md).',
  returns:
    "`value`, null without units; `byGroup` keyed by directed **layer**: the same share among its units; `details`: `units`, `sameLayer`, `crossLayer`, `unreciprocated`, `matrix[ℓ][ℓ']` (units of ℓ returned by ℓ'; a unit may count under several ℓ').",
  reading:
    '"0.2: one in five things given comes back in a different form, advice answered by shared knowledge for instance; read it with `reciprocity.by_layer` (returns in kind)."',
  compute: (snapshot) => computeCrossLayerReciprocity(snapshot),
};
