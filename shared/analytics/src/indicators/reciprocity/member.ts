// reciprocity.member, version 1. Per-member reciprocity (networkx `reciprocity(G, nodes)`):
//   r_i = 2 |pred(i) ∩ succ(i)| / (|pred(i)| + |succ(i)|),  null for an isolate (no arc in or out).
// value: the mean of r_i over members where it is defined (null if none).
// details.balance: give/receive balance per member, (s_out − s_in) / (s_out + s_in) with s the
// weighted out-/in-strength (sum of tie weights): +1 only gives, −1 only receives; null for isolates.
// Self-loops are left out.
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";

export function computeMemberReciprocity(snapshot: CommunitySnapshot): IndicatorResult {
  const { graph } = snapshot;
  const byMember: Record<string, Value> = {};
  const balance: Record<string, Value> = {};
  let sum = 0;
  let defined = 0;
  graph.forEachNode((member) => {
    const pred = new Set(graph.inNeighbors(member));
    const succ = new Set(graph.outNeighbors(member));
    pred.delete(member);
    succ.delete(member);
    let both = 0;
    for (const other of pred) if (succ.has(other)) both++;
    const total = pred.size + succ.size;
    const r = total === 0 ? null : (2 * both) / total;
    byMember[member] = r;
    if (r !== null) {
      sum += r;
      defined++;
    }
    let out = 0;
    let inn = 0;
    graph.forEachOutEdge(member, (_edge, tie, _source, target) => {
      if (target !== member) out += tie.weight;
    });
    graph.forEachInEdge(member, (_edge, tie, source) => {
      if (source !== member) inn += tie.weight;
    });
    balance[member] = out + inn > 0 ? (out - inn) / (out + inn) : null;
  });
  return { value: defined === 0 ? null : sum / defined, byMember, details: { balance } };
}

export const memberReciprocityIndicator: Indicator = {
  id: "reciprocity.member",
  version: 1,
  title: "Member reciprocity and give/receive balance",
  compute: (snapshot) => computeMemberReciprocity(snapshot),
};
