// Undirected neighbourhoods of a directed graph as typed arrays: N(i) = predecessors ∪ successors,
// i excluded, in graphology's neighbour order (so sums over N(i) add in today's order), with what
// ego measures read per pair: the mutual weight a_ij + a_ji and the volume w_ij + w_ji.
import type { CommunityGraph } from "../projection/community-snapshot.js";
import { predecessorsOf, successorsOf } from "./adjacency.js";
import { arcListOf } from "./arc-list.js";
import { memoisedOnGraph } from "./memo.js";

export interface Neighbourhoods {
  readonly ids: readonly string[];
  /** N(i) is `neighbours[offsets[i] .. offsets[i + 1])`. */
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  /** a_ij + a_ji ∈ {1, 2}, per entry. */
  readonly mutual: Uint8Array;
  /** w_ij + w_ji (tie weights, 0 for a missing direction), per entry. */
  readonly volume: Float64Array;
}

export function neighbourhoodsOf(graph: CommunityGraph): Neighbourhoods {
  return memoisedOnGraph(graph, "neighbourhoods", () => buildNeighbourhoods(graph));
}

function buildNeighbourhoods(graph: CommunityGraph): Neighbourhoods {
  const arcs = arcListOf(graph);
  const { ids } = arcs;
  const n = ids.length;
  // graphology lists a member's neighbours as its predecessors, then the successors not already
  // listed, each list in the order of its adjacency object's keys.
  const predecessors = predecessorsOf(graph);
  const successors = successorsOf(graph);
  const size = arcs.sources.length;
  const offsets = new Int32Array(n + 1);
  const neighbours = new Int32Array(2 * size);
  const mutual = new Uint8Array(2 * size);
  const volume = new Float64Array(2 * size);
  // Stamped marks: inMark[j] === i + 1 when j → i, so nothing is cleared between members.
  const outMark = new Int32Array(n);
  const inMark = new Int32Array(n);
  const outWeight = new Float64Array(n);
  const inWeight = new Float64Array(n);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const stamp = i + 1;
    offsets[i] = next;
    for (let e = predecessors.offsets[i]!; e < predecessors.offsets[i + 1]!; e++) {
      const j = predecessors.members[e]!;
      inMark[j] = stamp;
      inWeight[j] = arcs.weights[predecessors.arcs[e]!]!;
      neighbours[next++] = j;
    }
    for (let e = successors.offsets[i]!; e < successors.offsets[i + 1]!; e++) {
      const j = successors.members[e]!;
      outMark[j] = stamp;
      outWeight[j] = arcs.weights[successors.arcs[e]!]!;
      if (inMark[j] !== stamp) neighbours[next++] = j;
    }
    for (let e = offsets[i]!; e < next; e++) {
      const j = neighbours[e]!;
      const out = outMark[j] === stamp;
      const back = inMark[j] === stamp;
      mutual[e] = Number(out) + Number(back);
      volume[e] = (out ? outWeight[j]! : 0) + (back ? inWeight[j]! : 0);
    }
  }
  offsets[n] = next;
  return {
    ids,
    offsets,
    neighbours: neighbours.subarray(0, next),
    mutual: mutual.subarray(0, next),
    volume: volume.subarray(0, next),
  };
}
