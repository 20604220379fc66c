// Computed from integer counts, so the null case (1 − Σ a_k b_k = 0) is exact.
import { groupArcsOf } from "../../compact/group-arcs.js";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";

export interface MixingMatrix {
  readonly groups: readonly string[];
  /** counts[k][l]: arcs from group k to group l. */
  readonly counts: readonly (readonly number[])[];
}

export function mixingMatrix(graph: CommunityGraph, attribute: string): MixingMatrix {
  const { labels, fromGroups, toGroups } = groupArcsOf(graph, attribute);
  const groups = [...labels].sort();
  const row = Int32Array.from(labels, (label) => groups.indexOf(label));
  const counts = groups.map(() => groups.map(() => 0));
  for (let k = 0; k < fromGroups.length; k++) counts[row[fromGroups[k]!]!]![row[toGroups[k]!]!]!++;
  return { groups, counts };
}

export function assortativityOf({ counts }: MixingMatrix): Value {
  let total = 0;
  let trace = 0;
  const rows = counts.map(() => 0);
  const columns = counts.map(() => 0);
  for (const [k, row] of counts.entries()) {
    for (const [l, count] of row.entries()) {
      total += count;
      rows[k]! += count;
      columns[l]! += count;
      if (k === l) trace += count;
    }
  }
  let products = 0;
  for (let k = 0; k < rows.length; k++) products += rows[k]! * columns[k]!;
  // r = (trace/T − Σ a b) / (1 − Σ a b), multiplied through by T².
  const denominator = total * total - products;
  return total === 0 || denominator === 0 ? null : (total * trace - products) / denominator;
}

export function assortativityResult(graph: CommunityGraph, attribute: string): IndicatorResult {
  const matrix = mixingMatrix(graph, attribute);
  return { value: assortativityOf(matrix), details: matrix };
}

export const assortativityIndicator: Indicator = {
  id: "silo.assortativity",
  version: 1,
  title: "Assortativity (Newman, directed)",
  unit: "index",
  options: ["attribute"],
  formula:
    "e_kl = share of arcs from group k to group l, a_k = Σ_l e_kl, b_k = Σ_l e_lk, `r = (Σ_k e_kk − Σ_k a_k b_k) / (1 − Σ_k a_k b_k)` on the **directed** mixing matrix.",
  source:
    "Newman (2003); = networkx `attribute_assortativity_coefficient` on the DiGraph (for two-way data it equals the undirected value).",
  baseline: "none reported; 0 is random mixing.",
  returns:
    "`value` ≤ 1; null without arcs or when every arc is inside one single group (1 − Σ a b = 0). `details`: `groups` (sorted) and `counts[k][l]` (rows: source group).",
  reading:
    '"0.45: ties run within sectors clearly more than chance; 0 is random mixing, negative values mean people tie mostly across sectors."',
  compute: (snapshot, options) => assortativityResult(snapshot.graph, options.attribute),
};
