import type { CompactGraph } from "./compact-graph.js";

/** Calls `visit` with each member strictly inside one shortest s → t path, if there is one. */
export type PathSampler = (
  source: number,
  target: number,
  random: () => number,
  visit: (inside: number) => void,
) => void;

/**
 * A sampler of uniformly random shortest paths, by a balanced bidirectional search: from s along
 * arcs and from t against them, a whole layer at a time, always the side whose next layer has
 * fewer arcs to read, until a layer meets the other side. On a small-world graph the two balls
 * of radius d/2 hold far fewer arcs than one of radius d.
 *
 * Why it is uniform: when forward layer a + 1 first reaches the backward search (layers ≤ b), no
 * path of length ≤ a + b exists (its member at a steps from s would have been seen by both), so
 * d(s, t) = a + 1 + b and the meeting members are exactly those at a + 1 from s and b from t.
 * Each shortest path crosses that layer at one member w, and σ_st = Σ_w σ_s(w)·σ_t(w). Choosing w
 * with probability σ_s(w)·σ_t(w)/σ_st, then walking back to s choosing each predecessor z with
 * probability σ_s(z)/σ_s(current) (and likewise towards t), gives every path probability 1/σ_st.
 * Arrays are reused between calls; only what a search reached is cleared after it.
 */
export function shortestPathSampler(graph: CompactGraph, reversed: CompactGraph): PathSampler {
  const forward = searchSide(graph, reversed);
  const backward = searchSide(reversed, graph);
  const meeting: number[] = [];
  return (source, target, random, visit) => {
    forward.start(source);
    backward.start(target);
    while (meeting.length === 0) {
      const [near, far] = forward.nextLayerArcs <= backward.nextLayerArcs ? [forward, backward] : [backward, forward];
      if (!near.expandLayer(far, meeting)) break;
    }
    if (meeting.length > 0) {
      let total = 0;
      for (const w of meeting) total += forward.paths(w) * backward.paths(w);
      let remaining = random() * total;
      let chosen = meeting[meeting.length - 1] as number;
      for (const w of meeting) {
        remaining -= forward.paths(w) * backward.paths(w);
        if (remaining < 0) {
          chosen = w;
          break;
        }
      }
      if (chosen !== source && chosen !== target) visit(chosen);
      forward.walkBack(chosen, random, visit);
      backward.walkBack(chosen, random, visit);
    }
    meeting.length = 0;
    forward.clear();
    backward.clear();
  };
}

/** One side of the search: breadth-first along `arcs`, walking back along `reverse`. */
function searchSide(arcs: CompactGraph, reverse: CompactGraph) {
  const n = arcs.ids.length;
  const distance = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const reached = new Int32Array(n);
  let count = 0;
  let layerStart = 0;
  let depth = 0;
  const arcsOf = (v: number) => (arcs.offsets[v + 1] as number) - (arcs.offsets[v] as number);
  const side = {
    /** Arcs the next expansion reads: the out-degrees (along `arcs`) of the current layer. */
    nextLayerArcs: 0,
    start(root: number): void {
      distance[root] = 0;
      sigma[root] = 1;
      reached[0] = root;
      count = 1;
      layerStart = 0;
      depth = 0;
      side.nextLayerArcs = arcsOf(root);
    },
    paths: (v: number) => sigma[v] as number,
    /** Expands the current layer; members the other side has seen go to `meeting`. False when the layer is empty. */
    expandLayer(other: { seen(v: number): boolean }, meeting: number[]): boolean {
      const layerEnd = count;
      if (layerStart === layerEnd) return false;
      const next = depth + 1;
      let nextArcs = 0;
      for (let i = layerStart; i < layerEnd; i++) {
        const v = reached[i] as number;
        for (let e = arcs.offsets[v] as number, end = arcs.offsets[v + 1] as number; e < end; e++) {
          const w = arcs.targets[e] as number;
          if (distance[w] === -1) {
            distance[w] = next;
            reached[count++] = w;
            nextArcs += arcsOf(w);
            if (other.seen(w)) meeting.push(w);
          }
          if (distance[w] === next) sigma[w] = (sigma[w] as number) + (sigma[v] as number);
        }
      }
      layerStart = layerEnd;
      depth = next;
      side.nextLayerArcs = nextArcs;
      return true;
    },
    seen: (v: number) => distance[v] !== -1,
    /** From `from` back to this side's root, calling `visit` with each member passed, the root excepted. */
    walkBack(from: number, random: () => number, visit: (member: number) => void): void {
      let w = from;
      while ((distance[w] as number) > 1) {
        const closer = (distance[w] as number) - 1;
        let remaining = random() * (sigma[w] as number);
        let chosen = -1;
        for (let e = reverse.offsets[w] as number, end = reverse.offsets[w + 1] as number; e < end; e++) {
          const z = reverse.targets[e] as number;
          if (distance[z] !== closer) continue;
          chosen = z;
          remaining -= sigma[z] as number;
          if (remaining < 0) break;
        }
        visit(chosen);
        w = chosen;
      }
    },
    clear(): void {
      for (let i = 0; i < count; i++) {
        const v = reached[i] as number;
        distance[v] = -1;
        sigma[v] = 0;
      }
      count = 0;
    },
  };
  return side;
}
