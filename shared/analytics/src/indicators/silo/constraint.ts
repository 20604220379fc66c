// silo.constraint v1: Burt's (1992) constraint per member, = networkx `constraint(G)` on the
// directed, unweighted graph (formula in burt.ts):
//   c_i = Σ_{j ∈ N(i)} (p_ij + Σ_{q ∈ N(i)} p_iq p_qj)²
// High: i's contacts are tied to each other (a closed, silo-like ego network); low: i spans
// structural holes. Not attribute-based. byMember: c_i, null for isolates.
// value: mean of the non-null c_i (null if none). details: the least constrained members.
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { meanOf } from "../support/graph.js";
import { constraint } from "./burt.js";

export function constraintResult(graph: CommunityGraph): IndicatorResult {
  const byMember = constraint(graph);
  let min: number | null = null;
  for (const value of Object.values(byMember)) if (value !== null && (min === null || value < min)) min = value;
  return { value: meanOf(Object.values(byMember)), byMember, details: { min } };
}

export const constraintIndicator: Indicator = {
  id: "silo.constraint",
  version: 1,
  title: "Burt constraint (mean)",
  compute: (snapshot) => constraintResult(snapshot.graph),
};
