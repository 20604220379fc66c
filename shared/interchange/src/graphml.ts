// GraphML 1.0 of a projected graph (one query's CommunityGraph): member attributes as strings,
// tie weight and per-layer weights as doubles, and optional graph-level data such as the query.
import { type CommunityGraph, tieLayers } from "@copgraph/analytics";
import { escapeXml, xmlAttributes } from "./xml.js";

export interface GraphmlOptions {
  /** The graph element's id, e.g. the community id. */
  readonly id?: string;
  /** Graph-level data, e.g. the resolved query (at, knownAt, layers…), so the file says what it shows. */
  readonly attributes?: Readonly<Record<string, string | number>>;
}

export function toGraphml(graph: CommunityGraph, options: GraphmlOptions = {}): string {
  const nodeKeys = new Set<string>();
  graph.forEachNode((_node, attributes) => {
    for (const [key, value] of Object.entries(attributes)) if (value !== undefined) nodeKeys.add(key);
  });
  const usedLayers = new Set<string>();
  graph.forEachEdge((_edge, attributes) => {
    for (const layer of Object.keys(attributes.layers)) usedLayers.add(layer);
  });
  // Catalogue order first, then anything else, so files of one community diff cleanly.
  const layers = [
    ...tieLayers.filter((layer) => usedLayers.has(layer)),
    ...[...usedLayers].filter((l) => !tieLayers.includes(l as never)).sort(),
  ];
  const graphData = Object.entries(options.attributes ?? {});
  const key = (id: string, target: string, name: string, type: string) =>
    `  <key${xmlAttributes({ id, for: target, "attr.name": name, "attr.type": type })}/>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...graphData.map(([name, value]) =>
      key(`g:${name}`, "graph", name, typeof value === "number" ? "double" : "string"),
    ),
    ...[...nodeKeys].map((name) => key(`n:${name}`, "node", name, "string")),
    key("e:weight", "edge", "weight", "double"),
    ...layers.map((layer) => key(`e:${layer}`, "edge", layer, "double")),
    `  <graph${xmlAttributes({ id: options.id, edgedefault: "directed" })}>`,
    ...graphData.map(([name, value]) => `    <data key="g:${escapeXml(name)}">${escapeXml(value)}</data>`),
  ];
  graph.forEachNode((node, attributes) => {
    const data = Object.entries(attributes)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `<data key="n:${escapeXml(name)}">${escapeXml(value!)}</data>`);
    lines.push(`    <node id="${escapeXml(node)}">${data.join("")}</node>`);
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    const data = [
      `<data key="e:weight">${attributes.weight}</data>`,
      ...Object.entries(attributes.layers).map(
        ([layer, weight]) => `<data key="e:${escapeXml(layer)}">${weight}</data>`,
      ),
    ];
    lines.push(`    <edge${xmlAttributes({ id: edge, source, target })}>${data.join("")}</edge>`);
  });
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}
