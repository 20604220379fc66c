// The computation: burt.ts.
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
  unit: "index",
  options: [],
  formula:
    "N(i) = predecessors ∪ successors; `m_ij = a_ij + a_ji` ∈ {0, 1, 2}; `p_ij = m_ij / Σ_{k∈N(i)} m_ik`; `c_i = Σ_{j∈N(i)} (p_ij + Σ_{q∈N(i)} p_iq p_qj)²`. Not attribute-based.",
  source: "Burt (1992); = networkx `constraint(G)` on the directed, unweighted graph.",
  returns:
    "`byMember`: c_i, null for isolates (a member with only incoming ties gets a value); `value`: mean of the non-null c_i; `details`: `min`.",
  reading:
    '"Mean 0.6: members\' contacts are largely tied to one another (closed circles); it is also high for members with few contacts (one contact gives 1). Lower: members more often connect people who are otherwise apart."',
  compute: (snapshot) => constraintResult(snapshot.graph),
};
