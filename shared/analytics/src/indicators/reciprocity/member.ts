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
  unit: "share",
  options: [],
  formula:
    "`r_i = 2 |pred(i) ∩ succ(i)| / (|pred(i)| + |succ(i)|)`; balance `(s_out − s_in) / (s_out + s_in)`, s the weighted out-/in-strength.",
  source: "= networkx `reciprocity(G, nodes)`; balance from metrics.md.",
  returns:
    "`byMember`: r_i, null for isolates; `value`: mean of the defined r_i; `details.balance`: per member, +1 only gives, −1 only receives, null for isolates.",
  reading:
    '"Mean 0.44: on average, somewhat less than half of a member\'s contacts run both ways." A balance of +1 describes a position (a mentor, a host), not a merit.',
  compute: (snapshot) => computeMemberReciprocity(snapshot),
};
