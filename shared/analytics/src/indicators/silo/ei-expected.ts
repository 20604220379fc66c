// silo.ei_expected v1: the E-I index expected under random mixing
//   π_in = Σ_g n_g (n_g − 1) / (N (N − 1)),   E[EI] = 1 − 2 π_in
// π_in is the chance that an arc between two distinct members joins two of the same group when
// labels are random; E[EI] is also the exact mean of EI under label permutation (silo.ei_p).
// (Krackhardt & Stern 1988 compare EI with this expectation; UCINET reports it.)
// N and n_g count members with a value for the attribute. value: E[EI]; null when N < 2.
// details: π_in. Also reported as `baseline` of silo.ei.
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { groupsOf } from "../support/graph.js";
import { withinPairShare } from "./ei-counts.js";

export function expectedEiResult(graph: CommunityGraph, attribute: string): IndicatorResult {
  const piIn = withinPairShare(groupsOf(graph, attribute));
  return { value: piIn === null ? null : 1 - 2 * piIn, details: { piIn } };
}

export const eiExpectedIndicator: Indicator = {
  id: "silo.ei_expected",
  version: 1,
  title: "E-I expected under random mixing",
  compute: (snapshot, options) => expectedEiResult(snapshot.graph, options.attribute),
};
