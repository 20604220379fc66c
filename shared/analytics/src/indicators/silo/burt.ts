// Burt's (1992) structural-hole measures as networkx defines them on a directed graph,
// unweighted (weight=None), shared by silo.constraint and silo.effective_size.
//   N(i)      = predecessors ∪ successors of i, i excluded (self-loops ignored)
//   m_ij      = a_ij + a_ji ∈ {0, 1, 2}        mutual weight
//   p_ij      = m_ij / Σ_{k ∈ N(i)} m_ik      normalised mutual weight
//   constraint      c_i = Σ_{j ∈ N(i)} (p_ij + Σ_{q ∈ N(i)} p_iq p_qj)²
//   effective size  e_i = Σ_{j ∈ N(i)} (1 − Σ_{q ∈ N(i)} p_iq m_jq / max_k m_jk)
// Both null for isolates (no neighbour). A member with only in-ties gets values (networkx's
// per-node loop returns NaN for a node without successors, networkx#2661; its scipy path does
// not). Effective size follows the formula above, = networkx's per-node path: networkx 3.6.1's
// scipy path divides m_jq by the wrong row's max on directed or weighted graphs (PR #8906).
// Computed over typed neighbourhoods shared by the report's indicators: compact/burt.ts.
import { burtConstraint, burtEffectiveSize } from "../../compact/burt.js";
import { neighbourhoodsOf } from "../../compact/neighbourhoods.js";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Value } from "../indicator.js";

function byMember(ids: readonly string[], values: Float64Array): Record<string, Value> {
  const result: Record<string, Value> = {};
  for (let i = 0; i < ids.length; i++) result[ids[i]!] = Number.isNaN(values[i]) ? null : values[i]!;
  return result;
}

export function constraint(graph: CommunityGraph): Record<string, Value> {
  const hood = neighbourhoodsOf(graph);
  return byMember(hood.ids, burtConstraint(hood));
}

export function effectiveSize(graph: CommunityGraph): Record<string, Value> {
  const hood = neighbourhoodsOf(graph);
  return byMember(hood.ids, burtEffectiveSize(hood));
}
