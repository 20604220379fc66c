import { describe, expect, it } from "vitest";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import { karate } from "../testing/datasets.js";
import { optionsFor, snapshotOf } from "../testing/snapshot.js";
import { type LouvainPartition, louvainIndicator } from "./louvain.js";

/** Directed modularity (Leicht & Newman 2008), unweighted, computed here independently. */
function directedModularity(graph: CommunityGraph, partition: Readonly<Record<string, number>>): number {
  const m = graph.size;
  let q = 0;
  graph.forEachEdge((_e, _a, source, target) => {
    if (partition[source] === partition[target]) q += 1;
  });
  for (const i of graph.nodes())
    for (const j of graph.nodes()) if (partition[i] === partition[j]) q -= (graph.outDegree(i) * graph.inDegree(j)) / m;
  return q / m;
}

// Two directed 4-cliques joined by one arc, and an isolate.
const cliques = snapshotOf({
  members: Object.fromEntries(["a", "b", "c", "d", "w", "x", "y", "z", "solo"].map((id) => [id, {}])),
  arcs: [
    ...["a", "b", "c", "d"].flatMap((s) => ["a", "b", "c", "d"].filter((t) => t !== s).map((t) => [s, t] as const)),
    ...["w", "x", "y", "z"].flatMap((s) => ["w", "x", "y", "z"].filter((t) => t !== s).map((t) => [s, t] as const)),
    ["d", "w"],
  ],
});

describe("network.louvain", () => {
  it("finds the two cliques; the isolate is a community of its own", () => {
    const result = louvainIndicator.compute(cliques, optionsFor("sector"));
    const details = result.details as LouvainPartition;
    expect(result.value).toBe(3);
    expect(details.communities).toEqual([["a", "b", "c", "d"], ["w", "x", "y", "z"], ["solo"]]);
    expect(details.partition.a).toBe(0);
    expect(details.modularity).toBeCloseTo(directedModularity(cliques.graph, details.partition), 12);
  });

  it("is reproducible for a seed, and its modularity is the partition's directed modularity", () => {
    const club = karate();
    const first = louvainIndicator.compute(club, optionsFor("club", { seed: 7 }));
    const again = louvainIndicator.compute(club, optionsFor("club", { seed: 7 }));
    expect(again).toEqual(first);
    const details = first.details as LouvainPartition;
    expect(details.modularity).toBeCloseTo(directedModularity(club.graph, details.partition), 12);
    // Karate's best known modularity is about 0.42; Louvain reaches well above a 2-faction split (0.37).
    expect(details.modularity).toBeGreaterThan(0.38);
    expect(first.value).toBeGreaterThanOrEqual(3);
  });

  it("is null without ties (modularity undefined)", () => {
    expect(louvainIndicator.compute(snapshotOf({ members: { a: {}, b: {} } }), optionsFor("sector"))).toEqual({
      value: null,
      details: null,
    });
    expect(louvainIndicator.compute(snapshotOf({ members: {} }), optionsFor("sector")).value).toBeNull();
  });

  it("ignores self-loops", () => {
    const withLoop = snapshotOf({
      members: { a: {}, b: {}, c: {} },
      arcs: [
        ["a", "a"],
        ["a", "b"],
        ["b", "a"],
        ["b", "c"],
        ["c", "b"],
      ],
    });
    const without = snapshotOf({
      members: { a: {}, b: {}, c: {} },
      arcs: [
        ["a", "b"],
        ["b", "a"],
        ["b", "c"],
        ["c", "b"],
      ],
    });
    expect(louvainIndicator.compute(withLoop, optionsFor("sector"))).toEqual(
      louvainIndicator.compute(without, optionsFor("sector")),
    );
  });
});
