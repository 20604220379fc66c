import type { CommunityGraph } from "@copgraph/analytics";
import { tieLayers } from "@copgraph/analytics";
import { definedAttributes } from "./graph-body.js";

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] as string,
  );

/** GraphML 1.0 of the projected graph: node attributes as strings, tie weight and per-layer weights as doubles. */
export function toGraphml(graph: CommunityGraph, communityId: string): string {
  const nodeKeys = new Set<string>();
  graph.forEachNode((_id, attributes) => {
    for (const key of Object.keys(definedAttributes(attributes))) nodeKeys.add(key);
  });
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...[...nodeKeys].map(
      (key) => `  <key id="n:${escapeXml(key)}" for="node" attr.name="${escapeXml(key)}" attr.type="string"/>`,
    ),
    '  <key id="e:weight" for="edge" attr.name="weight" attr.type="double"/>',
    ...tieLayers.map((layer) => `  <key id="e:${layer}" for="edge" attr.name="${layer}" attr.type="double"/>`),
    `  <graph id="${escapeXml(communityId)}" edgedefault="directed">`,
  ];
  graph.forEachNode((id, attributes) => {
    const data = Object.entries(definedAttributes(attributes)).map(
      ([key, value]) => `<data key="n:${escapeXml(key)}">${escapeXml(value)}</data>`,
    );
    lines.push(`    <node id="${escapeXml(id)}">${data.join("")}</node>`);
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    const layers = Object.entries(attributes.layers).map(
      ([layer, weight]) => `<data key="e:${layer}">${weight}</data>`,
    );
    lines.push(
      `    <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}"><data key="e:weight">${attributes.weight}</data>${layers.join("")}</edge>`,
    );
  });
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}
