// Every arc counts 1, like the silo indicators; without a tie modularity is undefined (null).
import louvain from "graphology-communities-louvain";
import { memoisedOnGraph } from "../../compact/memo.js";
import { mulberry32 } from "../../compact/random.js";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { tieCount } from "../support/graph.js";

export interface LouvainPartition {
  readonly modularity: number;
  readonly partition: Readonly<Record<string, number>>;
  readonly communities: readonly (readonly string[])[];
}

/**
 * The partition for a seed, found once per snapshot graph: network.louvain and silo.clusters of
 * one report share it (read it, never change it).
 */
export function louvainPartition(graph: CommunityGraph, seed: number): LouvainPartition | null {
  return memoisedOnGraph(graph, `louvain\u0000${seed}`, () => findPartition(graph, seed));
}

function findPartition(graph: CommunityGraph, seed: number): LouvainPartition | null {
  if (tieCount(graph) === 0) return null;
  let input = graph;
  if (graph.selfLoopCount > 0) {
    input = graph.copy();
    input.forEachEdge((edge, _attributes, source, target) => {
      if (source === target) input.dropEdge(edge);
    });
  }
  const detailed = louvain.detailed(input, { getEdgeWeight: null, rng: mulberry32(seed) });
  const renumber = new Map<number, number>();
  const partition: Record<string, number> = {};
  const communities: string[][] = [];
  graph.forEachNode((node) => {
    const raw = detailed.communities[node]!;
    let index = renumber.get(raw);
    if (index === undefined) {
      index = communities.length;
      renumber.set(raw, index);
      communities.push([]);
    }
    partition[node] = index;
    communities[index]!.push(node);
  });
  return { modularity: detailed.modularity, partition, communities };
}

export function louvainResult(graph: CommunityGraph, seed: number): IndicatorResult {
  const found = louvainPartition(graph, seed);
  if (found === null) return { value: null, details: null };
  return { value: found.communities.length, details: found };
}

export const louvainIndicator: Indicator = {
  id: "network.louvain",
  version: 1,
  title: "Communities (Louvain)",
  unit: "count",
  options: ["seed"],
  formula:
    "partition maximising directed modularity `Q = (1/L) Σ_ij (A_ij − k_i^out k_j^in / L) δ(c_i, c_j)`, unweighted; node order from `mulberry32(seed)`, so a seed gives one partition.",
  source: "Blondel et al. (2008); directed variant Dugué & Perez (2015); graphology-communities-louvain.",
  returns:
    "`value`: number of communities (isolates are communities of one); `details.modularity` (directed Q of the partition found), `details.partition` (member → index, numbered by first member in node order), `details.communities`. Null (value and details) without ties.",
  reading:
    '"5 clusters, modularity 0.42: the network falls into fairly distinct clusters; `silo.clusters` says whether they follow sectors."',
  compute: (snapshot, options) => louvainResult(snapshot.graph, options.seed),
};
