// Each member's successors and predecessors with the arc each comes from, in graphology's order
// (property-order.ts), built once per snapshot graph from its arc list.
import type { CommunityGraph } from "../projection/community-snapshot.js";
import { arcListOf } from "./arc-list.js";
import { memoisedOnGraph } from "./memo.js";
import { type Adjacency, adjacencyOrder } from "./property-order.js";

export function successorsOf(graph: CommunityGraph): Adjacency {
  return memoisedOnGraph(graph, "successors", () => {
    const arcs = arcListOf(graph);
    return adjacencyOrder(arcs.ids, arcs.sources, arcs.targets);
  });
}

export function predecessorsOf(graph: CommunityGraph): Adjacency {
  return memoisedOnGraph(graph, "predecessors", () => {
    const arcs = arcListOf(graph);
    return adjacencyOrder(arcs.ids, arcs.targets, arcs.sources);
  });
}
