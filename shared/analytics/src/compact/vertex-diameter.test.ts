import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompactGraph } from "./compact-graph.js";
import { vertexDiameterBound } from "./vertex-diameter.js";
import { compactOf } from "./vertex-test-graph.js";

// The bound against the exact vertex diameter (a breadth-first search from every member) on
// random directed graphs, and against hand-counted values where the bound is tight.

/** Most members on any shortest path, by a search from every member. */
function exactVertexDiameter(graph: CompactGraph): number {
  const n = graph.ids.length;
  let longest = n === 0 ? 0 : 1;
  for (let source = 0; source < n; source++) {
    const distance = new Array<number>(n).fill(-1);
    distance[source] = 0;
    const queue = [source];
    for (const v of queue) {
      for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
        const w = graph.targets[e]!;
        if (distance[w] !== -1) continue;
        distance[w] = distance[v]! + 1;
        longest = Math.max(longest, distance[w]! + 1);
        queue.push(w);
      }
    }
  }
  return longest;
}

describe("vertexDiameterBound", () => {
  it("is exact on a directed path, a cycle, a chain of two cycles and a graph without arcs", () => {
    const path = compactOf(
      6,
      [0, 1, 2, 3, 4].map((i) => [i, i + 1] as const),
    );
    expect(vertexDiameterBound(path)).toBe(6);
    const cycle = compactOf(
      5,
      [0, 1, 2, 3, 4].map((i) => [i, (i + 1) % 5] as const),
    );
    expect(vertexDiameterBound(cycle)).toBe(5);
    // Two 2-cycles joined by one arc: 0 ↔ 1 → 2 ↔ 3, the longest shortest path 0 → 1 → 2 → 3.
    const chain = compactOf(4, [
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 3],
      [3, 2],
    ]);
    expect(vertexDiameterBound(chain)).toBe(4);
    expect(vertexDiameterBound(compactOf(3, []))).toBe(1);
    expect(vertexDiameterBound(compactOf(0, []))).toBe(0);
  });

  it("never falls below the exact vertex diameter of a random directed graph, nor above N", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 40 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 })),
          ),
        ([n, arcs]) => {
          const graph = compactOf(n, arcs);
          const bound = vertexDiameterBound(graph);
          expect(bound).toBeGreaterThanOrEqual(exactVertexDiameter(graph));
          expect(bound).toBeLessThanOrEqual(n);
        },
      ),
      { numRuns: 300 },
    );
  });
});
