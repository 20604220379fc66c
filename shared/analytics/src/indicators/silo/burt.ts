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
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Value } from "../indicator.js";
import { neighboursOf } from "../support/graph.js";

interface Ego {
  readonly neighbours: readonly string[];
  readonly mutual: ReadonlyMap<string, number>;
  readonly sum: number;
  readonly max: number;
}

function egosOf(graph: CommunityGraph): Map<string, Ego> {
  const egos = new Map<string, Ego>();
  graph.forEachNode((node) => {
    const mutual = new Map<string, number>();
    for (const other of neighboursOf(graph, node)) {
      mutual.set(other, Number(graph.hasDirectedEdge(node, other)) + Number(graph.hasDirectedEdge(other, node)));
    }
    let sum = 0;
    let max = 0;
    for (const m of mutual.values()) {
      sum += m;
      if (m > max) max = m;
    }
    egos.set(node, { neighbours: [...mutual.keys()], mutual, sum, max });
  });
  return egos;
}

function p(egos: ReadonlyMap<string, Ego>, i: string, j: string): number {
  const ego = egos.get(i)!;
  return ego.sum === 0 ? 0 : (ego.mutual.get(j) ?? 0) / ego.sum;
}

export function constraint(graph: CommunityGraph): Record<string, Value> {
  const egos = egosOf(graph);
  const result: Record<string, Value> = {};
  for (const [i, ego] of egos) {
    if (ego.neighbours.length === 0) {
      result[i] = null;
      continue;
    }
    let c = 0;
    for (const j of ego.neighbours) {
      let indirect = 0;
      for (const q of ego.neighbours) indirect += p(egos, i, q) * p(egos, q, j);
      c += (p(egos, i, j) + indirect) ** 2;
    }
    result[i] = c;
  }
  return result;
}

export function effectiveSize(graph: CommunityGraph): Record<string, Value> {
  const egos = egosOf(graph);
  const result: Record<string, Value> = {};
  for (const [i, ego] of egos) {
    if (ego.neighbours.length === 0) {
      result[i] = null;
      continue;
    }
    let size = 0;
    for (const j of ego.neighbours) {
      const alter = egos.get(j)!;
      let redundancy = 0;
      for (const q of ego.neighbours) redundancy += p(egos, i, q) * ((alter.mutual.get(q) ?? 0) / alter.max);
      size += 1 - redundancy;
    }
    result[i] = size;
  }
  return result;
}
