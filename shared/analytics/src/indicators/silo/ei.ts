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
  unit: "index",
  options: ["attribute"],
  formula: "`EI = (E − I) / (E + I)`; −1 all ties inside groups, +1 all across.",
  source: "Krackhardt & Stern (1988).",
  baseline: "`E[EI] = 1 − 2 π_in`, random mixing (also the exact mean under label permutation); null when N < 2.",
  returns:
    "`value`: whole network, null without ties between members with values. `byGroup`: per group over ties with at least one end in it (one end: E, both: I), null for a group without ties. `byMember`: over the member's arcs in and out (a two-way tie counts twice), null without such arcs or without a value. `details`: `external`, `internal`, and both per group.",
  reading:
    '"−0.6 with a random-mixing baseline of 0.1: most ties stay inside one sector, far more than chance would give." (Zachary\'s karate club by faction: −0.72 against 0.03.)',
  compute: (snapshot, options) => eiResult(snapshot.graph, options.attribute),
};
