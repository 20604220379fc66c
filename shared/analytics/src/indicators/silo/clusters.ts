// Members without a value are left out of the share (and of the size that is checked).
import { arcListOf } from "../../compact/arc-list.js";
import { groupCodesOf } from "../../compact/group-codes.js";
import { memberIndexOf } from "../../compact/member-index.js";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { louvainPartition } from "../network/louvain.js";

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
  const arcs = arcListOf(graph);
  const { codes, labels } = groupCodesOf(graph, attribute);
  const { index } = memberIndexOf(graph);
  const clusterOf = Int32Array.from(arcs.ids, (id) => found.partition[id]!);
  const incident = new Int32Array(found.communities.length);
  const leaving = new Int32Array(found.communities.length);
  for (let k = 0; k < arcs.sources.length; k++) {
    const from = clusterOf[arcs.sources[k]!]!;
    const to = clusterOf[arcs.targets[k]!]!;
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
      const code = codes[index.get(member)!]!;
      if (code >= 0) counts.set(labels[code]!, (counts.get(labels[code]!) ?? 0) + 1);
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
  unit: "count",
  options: ["attribute", "seed", "clusterShare", "clusterMinSize"],
  formula:
    "Louvain clusters (as `network.louvain`, same seed). For cluster c: `share_c` = members with the dominant value / members with a value; `leaving_c` = arcs with exactly one end in c / arcs with at least one end in c. A silo cluster has `share_c ≥ 0.8` and at least 3 members with a value.",
  source: "Blondel et al. (2008) for detection; the share rule is copgraph's own, after metrics.md.",
  returns:
    "`value`: number of silo clusters; null without ties. `details`: `clusterShare`, `clusterMinSize`, `modularity`, and every cluster with `members`, `dominant` (ties: alphabetically first), `share`, `leaving` (null without ties), `silo`.",
  reading:
    '"2: two tightly knit clusters are each at least 80% one sector; one of them sends only 10% of its ties outside (`leaving` 0.1)."',
  differsFromMetrics: "adds the minimum size (3) so that a pair or an isolate is no silo.",
  compute: (snapshot, options: IndicatorOptions & ClusterOptions) =>
    siloClustersResult(snapshot.graph, options.attribute, options.seed, options),
};
