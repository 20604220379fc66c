// Self-loops are left out. Arcs, adjacency and reverses: the compact forms shared by the report.
import { predecessorsOf, successorsOf } from "../../compact/adjacency.js";
import { arcListOf } from "../../compact/arc-list.js";
import { reverseArcsOf } from "../../compact/reverse-arcs.js";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";

export function computeMemberReciprocity(snapshot: CommunitySnapshot): IndicatorResult {
  const { graph } = snapshot;
  const { ids, weights } = arcListOf(graph);
  const successors = successorsOf(graph);
  const predecessors = predecessorsOf(graph);
  const reverse = reverseArcsOf(graph);
  const byMember: Record<string, Value> = {};
  const balance: Record<string, Value> = {};
  let sum = 0;
  let defined = 0;
  for (let m = 0; m < ids.length; m++) {
    // Weights summed in graphology's order of out- and in-edges, as before.
    let out = 0;
    for (let e = successors.offsets[m]!; e < successors.offsets[m + 1]!; e++) out += weights[successors.arcs[e]!]!;
    let inn = 0;
    let both = 0;
    for (let e = predecessors.offsets[m]!; e < predecessors.offsets[m + 1]!; e++) {
      inn += weights[predecessors.arcs[e]!]!;
      if (reverse[predecessors.arcs[e]!]! >= 0) both++;
    }
    const total =
      successors.offsets[m + 1]! - successors.offsets[m]! + predecessors.offsets[m + 1]! - predecessors.offsets[m]!;
    const r = total === 0 ? null : (2 * both) / total;
    byMember[ids[m]!] = r;
    if (r !== null) {
      sum += r;
      defined++;
    }
    balance[ids[m]!] = out + inn > 0 ? (out - inn) / (out + inn) : null;
  }
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
