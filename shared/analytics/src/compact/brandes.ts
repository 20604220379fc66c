import type { CompactGraph } from "./compact-graph.js";

/** Thrown by a computation told to stop: an analytics thread whose request was given up. */
export class ComputationStopped extends Error {
  constructor() {
    super("the computation was stopped");
  }
}

let stopRequested: () => boolean = () => false;

/**
 * Brandes asks `check` once per source and throws ComputationStopped when it answers true. An
 * analytics thread sets it once (each thread has its own module state); elsewhere it never stops.
 */
export function stopBrandesWhen(check: () => boolean): void {
  stopRequested = check;
}

/**
 * Exact shortest-path betweenness of every member of a directed, unweighted graph, normalised
 * by (N − 1)(N − 2) as networkx does for directed graphs (Brandes 2001). One breadth-first search
 * per source over the typed adjacency; dependencies flow back along the out-edges of each node
 * (w → x with dist[x] = dist[w] + 1), so no predecessor lists are kept: O(N·L) time, O(N) memory.
 */
export function brandesBetweenness(graph: CompactGraph): Float64Array {
  const { offsets, targets } = graph;
  const n = graph.ids.length;
  const centrality = new Float64Array(n);
  if (n < 3) return centrality;
  const order = new Int32Array(n);
  const distance = new Int32Array(n);
  const paths = new Float64Array(n);
  const dependency = new Float64Array(n);
  for (let source = 0; source < n; source++) {
    if (stopRequested()) throw new ComputationStopped();
    distance.fill(-1);
    paths.fill(0);
    dependency.fill(0);
    distance[source] = 0;
    paths[source] = 1;
    order[0] = source;
    let reached = 1;
    for (let head = 0; head < reached; head++) {
      const v = order[head] as number;
      const next = (distance[v] as number) + 1;
      for (let e = offsets[v] as number, end = offsets[v + 1] as number; e < end; e++) {
        const w = targets[e] as number;
        if (distance[w] === -1) {
          distance[w] = next;
          order[reached++] = w;
        }
        if (distance[w] === next) paths[w] = (paths[w] as number) + (paths[v] as number);
      }
    }
    // Back from the farthest: each node collects what its shortest-path successors depend on it.
    for (let i = reached - 1; i > 0; i--) {
      const w = order[i] as number;
      const next = (distance[w] as number) + 1;
      let collected = 0;
      for (let e = offsets[w] as number, end = offsets[w + 1] as number; e < end; e++) {
        const x = targets[e] as number;
        if (distance[x] === next) collected += (1 + (dependency[x] as number)) / (paths[x] as number);
      }
      dependency[w] = (paths[w] as number) * collected;
      centrality[w] = (centrality[w] as number) + (dependency[w] as number);
    }
  }
  const scale = 1 / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) centrality[i] = (centrality[i] as number) * scale;
  return centrality;
}
