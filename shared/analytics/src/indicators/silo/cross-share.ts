import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { crossShareOf, eiCounts, perGroup, perMember, withinPairShare } from "./ei-counts.js";

export function crossShareResult(graph: CommunityGraph, attribute: string): IndicatorResult {
  const counts = eiCounts(graph, attribute);
  const piIn = withinPairShare(counts.groups);
  return {
    value: crossShareOf(counts),
    baseline: piIn === null ? null : 1 - piIn,
    byGroup: perGroup(counts.byGroup, crossShareOf),
    byMember: perMember(graph, counts.byMember, crossShareOf),
    details: { external: counts.external, internal: counts.internal },
  };
}

export const crossShareIndicator: Indicator = {
  id: "silo.cross_share",
  version: 1,
  title: "Share of cross-group ties",
  unit: "share",
  options: ["attribute"],
  formula: "`s = E / (E + I) = (EI + 1) / 2`.",
  source: "Krackhardt & Stern (1988), rescaled to [0, 1].",
  baseline: "`1 − π_in`, the share under random mixing.",
  returns: "`value`, null without ties; `byGroup` and `byMember` as in `silo.ei`; `details`: `external`, `internal`.",
  reading:
    '"0.2 with a baseline of 0.55: one tie in five crosses sectors, where random mixing would give more than half."',
  compute: (snapshot, options) => crossShareResult(snapshot.graph, options.attribute),
};
