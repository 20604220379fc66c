import fc from "fast-check";
import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { CommunityGraph } from "../projection/community-snapshot.js";
import { predecessorsOf, successorsOf } from "./adjacency.js";
import { arcListOf } from "./arc-list.js";
import { compactGraph, compactGraphOf } from "./compact-graph.js";
import { neighbourhoodsOf } from "./neighbourhoods.js";
import { reverseArcsOf } from "./reverse-arcs.js";

// The compact forms built from the arc list read the same N(i), in the same order, as graphology's own neighbour
// walk (which sums over N(i) used to follow), on random digraphs with self-loops and with ids that
// JavaScript objects order numerically ("10" before "m").
const arbitraryGraph = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    ids: fc.uniqueArray(fc.constantFrom("1", "2", "10", "07", "a", "b", "m3", "z", "0"), {
      minLength: n,
      maxLength: n,
    }),
    arcs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 5 })), { maxLength: n * n }),
    dropped: fc.array(fc.nat(), { maxLength: 4 }),
  }),
);

interface GraphData {
  ids: string[];
  arcs: [number, number, number][];
  /** Edges dropped (by position) and added again after the others, as a graph changed in place. */
  dropped?: number[];
}

function graphOf({ ids, arcs, dropped = [] }: GraphData): CommunityGraph {
  const graph = new DirectedGraph() as unknown as CommunityGraph;
  for (const id of ids) graph.addNode(id, {} as never);
  for (const [from, to, weight] of arcs) {
    const [source, target] = [ids[from % ids.length]!, ids[to % ids.length]!];
    graph.mergeDirectedEdge(source, target, { weight, layers: {} });
  }
  for (const position of dropped) {
    if (graph.size === 0) break;
    const edge = graph.edges()[position % graph.size]!;
    const [source, target, tie] = [graph.source(edge), graph.target(edge), graph.getEdgeAttributes(edge)];
    graph.dropEdge(edge);
    graph.addDirectedEdge(source, target, tie);
  }
  return graph;
}

describe("compactGraphOf", () => {
  it("equals compactGraph, walked member by member through graphology", () => {
    fc.assert(
      fc.property(arbitraryGraph, (data) => {
        const graph = graphOf(data);
        expect(compactGraphOf(graph)).toEqual(compactGraph(graph));
      }),
      { numRuns: 200 },
    );
  });
});

describe("neighbourhoodsOf", () => {
  it("lists graphology's neighbours in its order, with a_ij + a_ji and w_ij + w_ji", () => {
    fc.assert(
      fc.property(arbitraryGraph, (data) => {
        const graph = graphOf(data);
        const hood = neighbourhoodsOf(graph);
        expect(hood.ids).toEqual(graph.nodes());
        const weight = (a: string, b: string) =>
          graph.hasDirectedEdge(a, b) ? graph.getDirectedEdgeAttribute(a, b, "weight") : 0;
        hood.ids.forEach((id, i) => {
          const entries = [...hood.neighbours.subarray(hood.offsets[i], hood.offsets[i + 1])].map((j, k) => {
            const e = hood.offsets[i]! + k;
            return [hood.ids[j], hood.mutual[e], hood.volume[e]];
          });
          const expected = graph
            .neighbors(id)
            .filter((other) => other !== id)
            .map((other) => [
              other,
              Number(graph.hasDirectedEdge(id, other)) + Number(graph.hasDirectedEdge(other, id)),
              weight(id, other) + weight(other, id),
            ]);
          expect(entries).toEqual(expected);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("is built again when the graph changes in place", () => {
    const graph = graphOf({ ids: ["a", "b", "c"], arcs: [[0, 1, 1]] });
    expect(neighbourhoodsOf(graph).neighbours.length).toBe(2);
    graph.addDirectedEdge("b", "c", { weight: 1, layers: {} });
    expect(neighbourhoodsOf(graph).neighbours.length).toBe(4);
  });
});

describe("successorsOf, predecessorsOf and reverseArcsOf", () => {
  it("list graphology's out- and in-neighbours in its order, each with its arc, and each arc's reverse", () => {
    fc.assert(
      fc.property(arbitraryGraph, (data) => {
        const graph = graphOf(data);
        const arcs = arcListOf(graph);
        const arcName = (k: number) => `${arcs.ids[arcs.sources[k]!]}>${arcs.ids[arcs.targets[k]!]}`;
        const listed = (adjacency: ReturnType<typeof successorsOf>, i: number) =>
          [...adjacency.members.subarray(adjacency.offsets[i], adjacency.offsets[i + 1])].map((j) => arcs.ids[j]);
        arcs.ids.forEach((id, i) => {
          expect(listed(successorsOf(graph), i)).toEqual(graph.outNeighbors(id).filter((other) => other !== id));
          expect(listed(predecessorsOf(graph), i)).toEqual(graph.inNeighbors(id).filter((other) => other !== id));
        });
        const successors = successorsOf(graph);
        for (let e = 0; e < successors.arcs.length; e++) {
          expect(arcs.ids[arcs.targets[successors.arcs[e]!]!]).toBe(arcs.ids[successors.members[e]!]);
        }
        const reverse = reverseArcsOf(graph);
        [...reverse].forEach((back, k) => {
          const [source, target] = [arcs.ids[arcs.sources[k]!]!, arcs.ids[arcs.targets[k]!]!];
          if (graph.hasDirectedEdge(target, source)) expect(arcName(back)).toBe(`${target}>${source}`);
          else expect(back).toBe(-1);
        });
      }),
      { numRuns: 200 },
    );
  });
});
