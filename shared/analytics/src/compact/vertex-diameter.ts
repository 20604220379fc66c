import type { CompactGraph } from "./compact-graph.js";
import { reversedGraph } from "./vertex-in-arcs.js";

/**
 * An upper bound on the vertex diameter of a directed graph: the most members on any shortest
 * path (a path of k arcs has k + 1 members; 1 when there is no arc). O(N + M), no search per member.
 *
 * Why it bounds: a shortest path visits the strongly connected components in the order of the
 * components' DAG, each one along a contiguous stretch, and that stretch is a shortest path inside
 * its component (any path between two members of a component stays in it). Inside a component,
 * through any member r: d(x, y) ≤ d(x, r) + d(r, y), so a stretch has at most
 * eccIn(r) + eccOut(r) + 1 members (and never more than the component has). The longest chain of
 * components in the DAG, each weighted by that, bounds every shortest path.
 */
export function vertexDiameterBound(graph: CompactGraph, reversed = reversedGraph(graph)): number {
  const n = graph.ids.length;
  if (n === 0) return 0;
  const { component, count, members, starts } = strongComponents(graph, reversed);
  const span = componentSpans(graph, reversed, component, count);
  // Kosaraju numbers components in topological order: an arc between two goes from lower to higher.
  const before = new Float64Array(count);
  let bound = 0;
  for (let c = 0; c < count; c++) {
    const longest = (before[c] as number) + (span[c] as number);
    if (longest > bound) bound = longest;
    for (let i = starts[c] as number, end = starts[c + 1] as number; i < end; i++) {
      const v = members[i] as number;
      for (let e = graph.offsets[v] as number, stop = graph.offsets[v + 1] as number; e < stop; e++) {
        const d = component[graph.targets[e] as number] as number;
        if (d !== c && longest > (before[d] as number)) before[d] = longest;
      }
    }
  }
  return Math.min(bound, n);
}

interface StrongComponents {
  /** Each member's component. */
  readonly component: Int32Array;
  readonly count: number;
  /** Members grouped by component: component c's are members[starts[c] .. starts[c + 1]). */
  readonly members: Int32Array;
  readonly starts: Int32Array;
}

/** Strongly connected components (Kosaraju, iterative), numbered in topological order of their DAG. */
function strongComponents(graph: CompactGraph, reversed: CompactGraph): StrongComponents {
  const n = graph.ids.length;
  const finished = new Int32Array(n);
  let finishedCount = 0;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  const cursor = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (seen[root]) continue;
    seen[root] = 1;
    stack[0] = root;
    cursor[root] = graph.offsets[root] as number;
    let depth = 1;
    while (depth > 0) {
      const v = stack[depth - 1] as number;
      const e = cursor[v] as number;
      if (e < (graph.offsets[v + 1] as number)) {
        cursor[v] = e + 1;
        const w = graph.targets[e] as number;
        if (!seen[w]) {
          seen[w] = 1;
          cursor[w] = graph.offsets[w] as number;
          stack[depth++] = w;
        }
      } else {
        finished[finishedCount++] = v;
        depth--;
      }
    }
  }
  // Backwards from the last finished: each search collects exactly one component, in one stretch.
  const component = new Int32Array(n).fill(-1);
  const members = new Int32Array(n);
  const starts = new Int32Array(n + 1);
  let assigned = 0;
  let count = 0;
  for (let i = n - 1; i >= 0; i--) {
    const root = finished[i] as number;
    if (component[root] !== -1) continue;
    starts[count] = assigned;
    component[root] = count;
    stack[0] = root;
    let depth = 1;
    while (depth > 0) {
      const v = stack[--depth] as number;
      members[assigned++] = v;
      for (let e = reversed.offsets[v] as number, end = reversed.offsets[v + 1] as number; e < end; e++) {
        const w = reversed.targets[e] as number;
        if (component[w] === -1) {
          component[w] = count;
          stack[depth++] = w;
        }
      }
    }
    count++;
  }
  starts[count] = assigned;
  return { component, count, members, starts: starts.subarray(0, count + 1) };
}

/** Per component: at most how many members a shortest path inside it has (eccIn + eccOut + 1 of one member). */
function componentSpans(
  graph: CompactGraph,
  reversed: CompactGraph,
  component: Int32Array,
  count: number,
): Float64Array {
  const n = graph.ids.length;
  const root = new Int32Array(count).fill(-1);
  const size = new Float64Array(count);
  // The member with the most arcs: its eccentricities are likely the smallest in its component.
  const degree = (v: number) =>
    (graph.offsets[v + 1] as number) -
    (graph.offsets[v] as number) +
    (reversed.offsets[v + 1] as number) -
    (reversed.offsets[v] as number);
  for (let v = 0; v < n; v++) {
    const c = component[v] as number;
    size[c] = (size[c] as number) + 1;
    const r = root[c] as number;
    if (r === -1 || degree(v) > degree(r)) root[c] = v;
  }
  const span = new Float64Array(count);
  const forward = new Int32Array(n).fill(-1);
  const backward = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  for (let c = 0; c < count; c++) {
    const r = root[c] as number;
    const eccentricity = (arcs: CompactGraph, distance: Int32Array) =>
      eccentricityWithin(arcs, distance, queue, r, (w) => component[w] === c);
    span[c] = Math.min(size[c] as number, eccentricity(graph, forward) + eccentricity(reversed, backward) + 1);
  }
  return span;
}

/** Breadth-first from `root` over members `inside` accepts; the largest distance reached. */
function eccentricityWithin(
  arcs: CompactGraph,
  distance: Int32Array,
  queue: Int32Array,
  root: number,
  inside: (member: number) => boolean,
): number {
  distance[root] = 0;
  queue[0] = root;
  let reached = 1;
  let farthest = 0;
  for (let head = 0; head < reached; head++) {
    const v = queue[head] as number;
    const next = (distance[v] as number) + 1;
    for (let e = arcs.offsets[v] as number, end = arcs.offsets[v + 1] as number; e < end; e++) {
      const w = arcs.targets[e] as number;
      if (distance[w] === -1 && inside(w)) {
        distance[w] = next;
        farthest = next;
        queue[reached++] = w;
      }
    }
  }
  return farthest;
}
