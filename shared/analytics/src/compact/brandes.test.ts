import fc from "fast-check";
import { DirectedGraph } from "graphology";
import betweennessCentrality from "graphology-metrics/centrality/betweenness.js";
import { describe, expect, it } from "vitest";
import type { CommunityGraph } from "../projection/community-snapshot.js";
import { brandesBetweenness } from "./brandes.js";
import { compactGraph } from "./compact-graph.js";

// The typed-array Brandes against an independent implementation (graphology-metrics) on random
// directed graphs, and against hand-counted values on a path and a star.

const graphOf = (n: number, arcs: readonly (readonly [number, number])[]) => {
  const graph = new DirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(`m${i}`);
  for (const [from, to] of arcs) graph.mergeEdge(`m${from}`, `m${to}`);
  return graph as unknown as CommunityGraph;
};
const byId = (graph: CommunityGraph) => {
  const compact = compactGraph(graph);
  const values = brandesBetweenness(compact);
  return Object.fromEntries(compact.ids.map((id, i) => [id, values[i]]));
};

describe("brandesBetweenness", () => {
  it("counts the middle of a directed path and the centre of a star by hand", () => {
    // a → b → c: b lies on the one path a → c; normalised by (3 − 1)(3 − 2) = 2.
    expect(
      byId(
        graphOf(3, [
          [0, 1],
          [1, 2],
        ]),
      ),
    ).toEqual({ m0: 0, m1: 0.5, m2: 0 });
    // Leaves 1..4 ↔ centre 0: the centre is on every path between two leaves, 4·3 of 4·3 pairs.
    const star = graphOf(
      5,
      [1, 2, 3, 4].flatMap((leaf) => [[0, leaf] as const, [leaf, 0] as const]),
    );
    expect(byId(star).m0).toBe(1);
  });

  it("ignores self-loops and equals graphology-metrics on random directed graphs", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 40 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 4 })),
          ),
        ([n, arcs]) => {
          const graph = graphOf(n, arcs);
          const withoutLoops = graphOf(
            n,
            arcs.filter(([from, to]) => from !== to),
          );
          const expected = betweennessCentrality(withoutLoops, { getEdgeWeight: null, normalized: true });
          const actual = byId(graph);
          for (const [id, value] of Object.entries(expected)) {
            expect(Math.abs((actual[id] as number) - value), id).toBeLessThanOrEqual(1e-12);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
