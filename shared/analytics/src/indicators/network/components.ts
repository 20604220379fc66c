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
  unit: "count",
  options: [],
  formula: "number of weakly connected components (direction ignored; an isolate is one).",
  source: "Wasserman & Faust (1994) §4.3; = networkx `number_weakly_connected_components`.",
  returns: "`value` (0 for an empty graph); `details.sizes`: component sizes, largest first.",
  reading: '"3, sizes [38, 1, 1]: one connected body, and two members not tied to it yet."',
  compute: (snapshot) => {
    const components = weakComponents(snapshot.graph);
    return { value: components.length, details: { sizes: components.map((c) => c.length) } };
  },
};
