import type { CommunityGraph, IndicatorValues } from "@copgraph/analytics";
import type { GraphResponse, MemberResponse } from "@copgraph/contract";

type Node = GraphResponse["nodes"][number];
type Tie = GraphResponse["ties"][number];
type MemberNode = MemberResponse["member"];

/**
 * Nodes with their attributes and, when `values` are given, their per-member values of those
 * indicators (`indicators` on every node); ties with layer weights.
 */
export function graphBody(
  graph: CommunityGraph,
  values: IndicatorValues,
  only?: ReadonlySet<string>,
): { nodes: MemberNode[]; ties: Tie[] };
export function graphBody(
  graph: CommunityGraph,
  values: IndicatorValues | undefined,
  only?: ReadonlySet<string>,
): { nodes: Node[]; ties: Tie[] };
export function graphBody(graph: CommunityGraph, values: IndicatorValues | undefined, only?: ReadonlySet<string>) {
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
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (only && !(only.has(source) && only.has(target))) return;
    ties.push({
      source,
      target,
      weight: attributes.weight,
      layers: { ...attributes.layers } as Record<string, number>,
    });
  });
  return { nodes, ties };
}

export function definedAttributes(attributes: Record<string, string | undefined>): Record<string, string> {
  const defined: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) defined[key] = value;
  return defined;
}
