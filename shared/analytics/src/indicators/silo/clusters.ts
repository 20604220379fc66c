// silo.clusters v1: silo clusters — Louvain communities (seeded, as network.louvain) whose
// members mostly share one attribute value (Blondel et al. 2008 for detection; the share rule
// is copgraph's own, after metrics.md "Silo clusters").
//   share_c   = (members of c with the dominant value) / (members of c with a value)
//   leaving_c = arcs with exactly one end in c / arcs with at least one end in c
// A cluster is a silo cluster when share_c ≥ clusterShare (default 0.8) and it has at least
// clusterMinSize (default 3) members with a value — a pair or a lone isolate is not a silo.
// Members without a value are left out of the share (and of the size that is checked).
// value: number of silo clusters; null when Louvain is undefined (no tie).
// details: { clusterShare, clusterMinSize, modularity, clusters: every cluster with members,
// dominant group (ties: alphabetically first), share, leaving (null without ties), silo flag }.
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { louvainPartition } from "../network/louvain.js";
import { arcsOf, groupOf } from "../support/graph.js";

export interface ClusterOptions {
  /** Minimum share of one value for a silo cluster, in (0, 1]. Default 0.8. */
  readonly clusterShare?: number;
  /** Minimum number of members with a value. Default 3. */
  readonly clusterMinSize?: number;
}

export interface Cluster {
  readonly members: readonly string[];
  readonly dominant: string | null;
  readonly share: Value;
  readonly leaving: Value;
  readonly silo: boolean;
}

export function siloClustersResult(
  graph: CommunityGraph,
  attribute: string,
  seed: number,
  { clusterShare = 0.8, clusterMinSize = 3 }: ClusterOptions = {},
): IndicatorResult {
  const found = louvainPartition(graph, seed);
  if (found === null) return { value: null, details: null };
  const incident = found.communities.map(() => 0);
  const leaving = found.communities.map(() => 0);
  for (const [source, target] of arcsOf(graph)) {
    const from = found.partition[source]!;
    const to = found.partition[target]!;
    incident[from]!++;
    if (from !== to) {
      incident[to]!++;
      leaving[from]!++;
      leaving[to]!++;
    }
  }
  const clusters: Cluster[] = found.communities.map((members, c) => {
    const counts = new Map<string, number>();
    for (const member of members) {
      const group = groupOf(graph, member, attribute);
      if (group !== null) counts.set(group, (counts.get(group) ?? 0) + 1);
    }
    let dominant: string | null = null;
    let top = 0;
    let valued = 0;
    for (const [group, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      valued += count;
      if (count > top) [dominant, top] = [group, count];
    }
    const share = valued === 0 ? null : top / valued;
    return {
      members,
      dominant,
      share,
      leaving: incident[c] === 0 ? null : leaving[c]! / incident[c]!,
      silo: share !== null && valued >= clusterMinSize && share >= clusterShare,
    };
  });
  return {
    value: clusters.filter((cluster) => cluster.silo).length,
    details: { clusterShare, clusterMinSize, modularity: found.modularity, clusters },
  };
}

export const siloClustersIndicator: Indicator = {
  id: "silo.clusters",
  version: 1,
  title: "Silo clusters",
  compute: (snapshot, options: IndicatorOptions & ClusterOptions) =>
    siloClustersResult(snapshot.graph, options.attribute, options.seed, options),
};
