// silo.cross_share v1: share of ties that cross groups
//   s = E / (E + I) = (EI + 1) / 2   (Krackhardt & Stern 1988, rescaled to [0, 1])
// Arcs counted once, unweighted; members without a value and their arcs left out.
// value: s; null without ties. baseline: 1 − π_in, the share under random mixing.
// byGroup: per group over ties with at least one end in it; byMember: over each member's arcs
// in and out (null without such arcs or without a value).
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
  compute: (snapshot, options) => crossShareResult(snapshot.graph, options.attribute),
};
