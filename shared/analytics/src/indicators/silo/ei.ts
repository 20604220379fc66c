// silo.ei v1: Krackhardt & Stern's (1988) E-I index
//   EI = (E − I) / (E + I)
// E = ties (arcs, unweighted) between groups, I = ties within; −1 = all internal (a silo),
// +1 = all external. Members without a value for the attribute, and their arcs, are left out.
// value: whole-network EI; null without ties between members with values.
// baseline: E[EI] = 1 − 2 π_in under random mixing (see silo.ei_expected).
// byGroup: per group, over the ties with at least one end in the group (E = one end, I = both).
// byMember: per member, over its arcs in and out (a mutual pair counts twice); null without
// such arcs or without a value. details: E and I, whole and per group.
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { recordOf } from "../support/graph.js";
import { eiCounts, eiOf, perGroup, perMember, withinPairShare } from "./ei-counts.js";

export function eiResult(graph: CommunityGraph, attribute: string): IndicatorResult {
  const counts = eiCounts(graph, attribute);
  const piIn = withinPairShare(counts.groups);
  return {
    value: eiOf(counts),
    baseline: piIn === null ? null : 1 - 2 * piIn,
    byGroup: perGroup(counts.byGroup, eiOf),
    byMember: perMember(graph, counts.byMember, eiOf),
    details: { external: counts.external, internal: counts.internal, byGroup: recordOf(counts.byGroup) },
  };
}

export const eiIndicator: Indicator = {
  id: "silo.ei",
  version: 1,
  title: "E-I index",
  compute: (snapshot, options) => eiResult(snapshot.graph, options.attribute),
};
