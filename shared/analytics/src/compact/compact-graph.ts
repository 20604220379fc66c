import type { CommunityGraph } from "../projection/community-snapshot.js";
import { successorsOf } from "./adjacency.js";
import { arcListOf } from "./arc-list.js";
import { memoisedOnGraph } from "./memo.js";

/**
 * A directed graph as typed arrays (compressed sparse rows): member i's out-neighbours are
 * `targets[offsets[i] .. offsets[i + 1])`, as indices into `ids`. Self-loops are left out: no
 * path measure uses them. Hot loops read numbers from flat memory instead of walking objects.
 */
export interface CompactGraph {
  /** Member ids, in the graph's node order. */
  readonly ids: readonly string[];
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

export function compactGraph(graph: CommunityGraph): CompactGraph {
  const ids = graph.nodes();
  const index = new Map<string, number>();
  for (const [i, id] of ids.entries()) index.set(id, i);
  const offsets = new Int32Array(ids.length + 1);
  const targets = new Int32Array(graph.size);
  let next = 0;
  ids.forEach((id, i) => {
    offsets[i] = next;
    graph.forEachOutNeighbor(id, (neighbour) => {
      if (neighbour !== id) targets[next++] = index.get(neighbour) as number;
    });
  });
  offsets[ids.length] = next;
  return { ids, offsets, targets: targets.subarray(0, next) };
}

/**
 * The graph's CompactGraph, built once per snapshot graph (from its arc list, in the order
 * `compactGraph` reads) and shared by every indicator of a report.
 */
export function compactGraphOf(graph: CommunityGraph): CompactGraph {
  return memoisedOnGraph(graph, "compact", () => {
    const { offsets, members } = successorsOf(graph);
    return { ids: arcListOf(graph).ids, offsets, targets: members };
  });
}
