import { describe, expect, it } from "vitest";
import type { CompactGraph } from "./compact-graph.js";
import { mulberry32 } from "./random.js";
import { shortestPathSampler } from "./sampled-path.js";
import { reversedGraph } from "./vertex-in-arcs.js";
import { compactOf } from "./vertex-test-graph.js";

// The bidirectional sampler draws every shortest s → t path with probability 1/σ_st: for every
// pair, how often a member is inside the drawn path matches σ_st(v)/σ_st, counted here from two
// plain breadth-first searches (σ_st(v) = σ_sv·σ_vt when d(s, v) + d(v, t) = d(s, t)).

/** Distances and shortest-path counts from `root` along the graph's arcs. */
function countsFrom(graph: CompactGraph, root: number) {
  const distance = new Array<number>(graph.ids.length).fill(-1);
  const paths = new Array<number>(graph.ids.length).fill(0);
  distance[root] = 0;
  paths[root] = 1;
  const queue = [root];
  for (const v of queue) {
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      const w = graph.targets[e]!;
      if (distance[w] === -1) {
        distance[w] = distance[v]! + 1;
        queue.push(w);
      }
      if (distance[w] === distance[v]! + 1) paths[w]! += paths[v]!;
    }
  }
  return { distance, paths };
}

/** The largest gap, over every pair and member, between the drawn share and σ_st(v)/σ_st. */
function largestGap(graph: CompactGraph, draws: number): number {
  const n = graph.ids.length;
  const reversed = reversedGraph(graph);
  const sample = shortestPathSampler(graph, reversed);
  const random = mulberry32(9);
  let gap = 0;
  for (let s = 0; s < n; s++) {
    const fromS = countsFrom(graph, s);
    for (let t = 0; t < n; t++) {
      if (t === s) continue;
      const toT = countsFrom(reversed, t);
      const hits = new Array<number>(n).fill(0);
      for (let i = 0; i < draws; i++) sample(s, t, random, (v) => hits[v]!++);
      const d = fromS.distance[t]!;
      for (let v = 0; v < n; v++) {
        const inside =
          d > 0 && v !== s && v !== t && fromS.distance[v]! >= 0 && fromS.distance[v]! + toT.distance[v]! === d;
        const share = inside ? (fromS.paths[v]! * toT.paths[v]!) / fromS.paths[t]! : 0;
        gap = Math.max(gap, Math.abs(hits[v]! / draws - share));
      }
    }
  }
  return gap;
}

describe("shortestPathSampler", () => {
  it("draws the paths of a 4 × 4 grid (right and down) uniformly: (1, 1) is on 12 of the 20 corner paths", () => {
    const at = (row: number, column: number) => row * 4 + column;
    const arcs: [number, number][] = [];
    for (let row = 0; row < 4; row++)
      for (let column = 0; column < 4; column++) {
        if (column < 3) arcs.push([at(row, column), at(row, column + 1)]);
        if (row < 3) arcs.push([at(row, column), at(row + 1, column)]);
      }
    const grid = compactOf(16, arcs);
    const sample = shortestPathSampler(grid, reversedGraph(grid));
    const random = mulberry32(1);
    let throughMiddle = 0;
    for (let i = 0; i < 20_000; i++) sample(at(0, 0), at(3, 3), random, (v) => v === at(1, 1) && throughMiddle++);
    expect(Math.abs(throughMiddle / 20_000 - 12 / 20)).toBeLessThan(0.02);
    expect(largestGap(grid, 1000)).toBeLessThan(0.07);
  });

  it("matches σ_st(v)/σ_st for every pair of random directed graphs, and draws nothing when t is out of reach", () => {
    for (const seed of [1, 2, 3]) {
      const random = mulberry32(seed);
      const arcs: [number, number][] = [];
      for (let from = 0; from < 12; from++) for (let to = 0; to < 12; to++) if (random() < 0.2) arcs.push([from, to]);
      expect(largestGap(compactOf(12, arcs), 1000), `seed ${seed}`).toBeLessThan(0.07);
    }
  });
});
