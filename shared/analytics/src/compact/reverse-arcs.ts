// For every arc i → j of the arc list, the arc j → i (its position in the arc list) or −1: what
// reciprocity reads, without a graph look-up per arc. O(arcs): member j's successors are marked
// once, then each of its in-arcs finds its reverse by one array read.
import type { CommunityGraph } from "../projection/community-snapshot.js";
import { predecessorsOf, successorsOf } from "./adjacency.js";
import { arcListOf } from "./arc-list.js";
import { memoisedOnGraph } from "./memo.js";

export function reverseArcsOf(graph: CommunityGraph): Int32Array {
  return memoisedOnGraph(graph, "reverse", () => {
    const { ids, sources } = arcListOf(graph);
    const successors = successorsOf(graph);
    const predecessors = predecessorsOf(graph);
    const reverse = new Int32Array(sources.length).fill(-1);
    const markedBy = new Int32Array(ids.length);
    const arcTo = new Int32Array(ids.length);
    for (let j = 0; j < ids.length; j++) {
      for (let e = successors.offsets[j]!; e < successors.offsets[j + 1]!; e++) {
        markedBy[successors.members[e]!] = j + 1;
        arcTo[successors.members[e]!] = successors.arcs[e]!;
      }
      for (let e = predecessors.offsets[j]!; e < predecessors.offsets[j + 1]!; e++) {
        const i = predecessors.members[e]!;
        if (markedBy[i] === j + 1) reverse[predecessors.arcs[e]!] = arcTo[i]!;
      }
    }
    return reverse;
  });
}
