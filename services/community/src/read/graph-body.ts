import type { CommunityGraph, IndicatorValues } from "@copgraph/analytics";
import type { GraphResponse } from "@copgraph/contract";

type Node = GraphResponse["nodes"][number];
type Tie = GraphResponse["ties"][number];

/** Nodes with their attributes and per-member indicator values; ties with layer weights. */
export function graphBody(graph: CommunityGraph, values: IndicatorValues, only?: ReadonlySet<string>) {
  const perMember = Object.entries(values).filter(([, value]) => value.byMember !== undefined);
  const nodes: Node[] = [];
  graph.forEachNode((id, attributes) => {
    if (only && !only.has(id)) return;
    const indicators: Node["indicators"] = {};
    for (const [indicatorId, value] of perMember) indicators[indicatorId] = value.byMember?.[id] ?? null;
    nodes.push({ id, attributes: definedAttributes(attributes), indicators });
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
