import {
  type CommunityGraph,
  type CompactSnapshot,
  type IndicatorValues,
  type LayerWeights,
  layersOf,
  type MemberAttributes,
  referenceOrder,
} from "@copgraph/analytics";
import type { GraphResponse, MemberResponse } from "@copgraph/contract";

type Node = GraphResponse["nodes"][number];
type Tie = GraphResponse["ties"][number];
type MemberNode = MemberResponse["member"];

/** What a graph body is drawn from: members with their attributes, ties with their weights per layer. */
export interface DrawnGraph {
  forEachNode(each: (id: string, attributes: MemberAttributes) => void): void;
  forEachTie(each: (source: string, target: string, weight: number, layers: LayerWeights) => void): void;
}

export const drawnFromGraph = (graph: CommunityGraph): DrawnGraph => ({
  forEachNode: (each) => graph.forEachNode(each),
  forEachTie: (each) => graph.forEachEdge((_edge, tie, source, target) => each(source, target, tie.weight, tie.layers)),
});

/** The engine's compact snapshot as it is: no graph of objects is built to draw it. */
export const drawnFromCompact = (compact: CompactSnapshot): DrawnGraph => ({
  forEachNode: (each) => {
    compact.ids.forEach((id, i) => {
      each(id, compact.attributes[i] as MemberAttributes);
    });
  },
  forEachTie: (each) => {
    const { ids, source, target, weight } = compact;
    for (const k of referenceOrder(compact)) {
      each(
        ids[source[k] as number] as string,
        ids[target[k] as number] as string,
        weight[k] as number,
        layersOf(compact, k),
      );
    }
  },
});

/**
 * Nodes with their attributes and, when `values` are given, their per-member values of those
 * indicators (`indicators` on every node); ties with layer weights.
 */
export function graphBody(
  graph: DrawnGraph,
  values: IndicatorValues,
  only?: ReadonlySet<string>,
): { nodes: MemberNode[]; ties: Tie[] };
export function graphBody(
  graph: DrawnGraph,
  values: IndicatorValues | undefined,
  only?: ReadonlySet<string>,
): { nodes: Node[]; ties: Tie[] };
export function graphBody(graph: DrawnGraph, values: IndicatorValues | undefined, only?: ReadonlySet<string>) {
  const perMember = values && Object.entries(values).filter(([, value]) => value.byMember !== undefined);
  const nodes: Node[] = [];
  graph.forEachNode((id, attributes) => {
    if (only && !only.has(id)) return;
    const node: Node = { id, attributes: definedAttributes(attributes) };
    if (perMember) {
      const indicators: Record<string, number | null> = {};
      for (const [indicatorId, value] of perMember) indicators[indicatorId] = value.byMember?.[id] ?? null;
      node.indicators = indicators;
    }
    nodes.push(node);
  });
  const ties: Tie[] = [];
  graph.forEachTie((source, target, weight, layers) => {
    if (only && !(only.has(source) && only.has(target))) return;
    ties.push({ source, target, weight, layers: { ...layers } as Record<string, number> });
  });
  return { nodes, ties };
}

export function definedAttributes(attributes: Record<string, string | undefined>): Record<string, string> {
  const defined: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) defined[key] = value;
  return defined;
}
