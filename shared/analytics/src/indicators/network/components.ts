import { neighbourhoodsOf } from "../../compact/neighbourhoods.js";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator } from "../indicator.js";

/** Weakly connected components, each a list of members; largest first. */
export function weakComponents(graph: CommunityGraph): string[][] {
  // Breadth-first over the shared typed neighbourhoods (graphology's neighbour order).
  const { ids, offsets, neighbours } = neighbourhoodsOf(graph);
  const seen = new Uint8Array(ids.length);
  const components: string[][] = [];
  const queue = new Int32Array(ids.length);
  for (let start = 0; start < ids.length; start++) {
    if (seen[start]) continue;
    seen[start] = 1;
    queue[0] = start;
    let size = 1;
    for (let i = 0; i < size; i++) {
      const member = queue[i]!;
      for (let e = offsets[member]!; e < offsets[member + 1]!; e++) {
        const neighbour = neighbours[e]!;
        if (seen[neighbour]) continue;
        seen[neighbour] = 1;
        queue[size++] = neighbour;
      }
    }
    components.push(Array.from(queue.subarray(0, size), (member) => ids[member]!));
  }
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
