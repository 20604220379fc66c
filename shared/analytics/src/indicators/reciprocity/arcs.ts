// Shared counting for the structural reciprocity indicators. Self-loops are never arcs here.
import { interactionKinds, isMutualKind } from "@copgraph/domain";
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
  let arcs = 0;
  let reciprocated = 0;
  graph.forEachEdge((_edge, tie, source, target) => {
    if (source === target || !inLayer(tie, layer)) return;
    arcs++;
    const back = graph.directedEdge(target, source);
    if (back !== undefined && inLayer(graph.getEdgeAttributes(back), layer)) reciprocated++;
  });
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
  graph.forEachEdge((_edge, tie, source, target) => {
    if (source === target) return;
    for (const [layer, weight] of Object.entries(tie.layers)) if ((weight ?? 0) > 0) seen.add(layer as TieLayer);
  });
  return tieLayers.filter((layer) => seen.has(layer));
}
