// network.components v1: number of weakly connected components (arc direction ignored; an
// isolate is a component of its own; 0 for an empty graph). Details: component sizes, largest
// first. Source: standard (Wasserman & Faust 1994 §4.3; networkx
// `number_weakly_connected_components`).
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator } from "../indicator.js";

/** Weakly connected components, each a list of members; largest first. */
export function weakComponents(graph: CommunityGraph): string[][] {
  const seen = new Set<string>();
  const components: string[][] = [];
  graph.forEachNode((start) => {
    if (seen.has(start)) return;
    seen.add(start);
    const component = [start];
    for (let i = 0; i < component.length; i++) {
      graph.forEachNeighbor(component[i]!, (neighbour) => {
        if (seen.has(neighbour)) return;
        seen.add(neighbour);
        component.push(neighbour);
      });
    }
    components.push(component);
  });
  return components.sort((a, b) => b.length - a.length);
}

export const componentsIndicator: Indicator = {
  id: "network.components",
  version: 1,
  title: "Connected components",
  compute: (snapshot) => {
    const components = weakComponents(snapshot.graph);
    return { value: components.length, details: { sizes: components.map((c) => c.length) } };
  },
};
