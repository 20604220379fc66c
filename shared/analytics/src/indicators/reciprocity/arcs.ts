// Shared counting for the structural reciprocity indicators. Self-loops are never arcs here.
// Arcs and their reverses come from the compact forms shared by the report's indicators.
import { interactionKinds, isMutualKind } from "@copgraph/domain";
import { arcListOf } from "../../compact/arc-list.js";
import { reverseArcsOf } from "../../compact/reverse-arcs.js";
import type { CommunityGraph, TieAttributes } from "../../projection/community-snapshot.js";
import { type TieLayer, tieLayers } from "../../projection/query.js";

export interface ArcCounts {
  /** L: arcs (i → j, i ≠ j). */
  readonly arcs: number;
  /** Arcs whose reverse exists. */
  readonly reciprocated: number;
}

/** Whether the tie counts in `layer` (positive weight there); no layer: the tie itself. */
export function inLayer(tie: TieAttributes, layer?: TieLayer): boolean {
  return layer === undefined || (tie.layers[layer] ?? 0) > 0;
}

/** L and the reciprocated arcs, of the whole graph or of one layer. */
export function countArcs(graph: CommunityGraph, layer?: TieLayer): ArcCounts {
  const { sources, layers } = arcListOf(graph);
  const reverse = reverseArcsOf(graph);
  let arcs = 0;
  let reciprocated = 0;
  for (let k = 0; k < sources.length; k++) {
    if (layer !== undefined && !((layers[k]![layer] ?? 0) > 0)) continue;
    arcs++;
    const back = reverse[k]!;
    if (back >= 0 && (layer === undefined || (layers[back]![layer] ?? 0) > 0)) reciprocated++;
  }
  return { arcs, reciprocated };
}

/** Edge reciprocity r = reciprocated arcs / L; null without arcs. */
export function edgeReciprocity(counts: ArcCounts): number | null {
  return counts.arcs === 0 ? null : counts.reciprocated / counts.arcs;
}

/** Density ā = L / (N(N−1)); null for fewer than two members. */
export function density(graph: CommunityGraph, arcs: number): number | null {
  const n = graph.order;
  return n < 2 ? null : arcs / (n * (n - 1));
}

/** Directed layers: the non-mutual interaction kinds and `led`, in catalogue order. */
export const directedLayers: readonly TieLayer[] = [...interactionKinds.filter((kind) => !isMutualKind(kind)), "led"];

/** The layers with positive weight on at least one arc, in `tieLayers` order. */
export function presentLayers(graph: CommunityGraph): TieLayer[] {
  const seen = new Set<TieLayer>();
  for (const layers of arcListOf(graph).layers) {
    for (const layer in layers) if ((layers[layer as TieLayer] ?? 0) > 0) seen.add(layer as TieLayer);
  }
  return tieLayers.filter((layer) => seen.has(layer));
}
