// The computation: burt.ts.
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { meanOf } from "../support/graph.js";
import { effectiveSize } from "./burt.js";

export function effectiveSizeResult(graph: CommunityGraph): IndicatorResult {
  const byMember = effectiveSize(graph);
  return { value: meanOf(Object.values(byMember)), byMember };
}

export const effectiveSizeIndicator: Indicator = {
  id: "silo.effective_size",
  version: 1,
  title: "Burt effective size (mean)",
  unit: "mean count",
  options: [],
  formula:
    "`e_i = Σ_{j∈N(i)} (1 − Σ_{q∈N(i)} p_iq m_jq / max_k m_jk)`, notation as `silo.constraint`: contacts minus their redundancy, between 1 and |N(i)|.",
  source:
    "Burt (1992); = networkx `effective_size(G)` per-node path, directed, unweighted (see Oracles for the networkx 3.6.1 bug in its vectorised path).",
  baseline: "none (compare with the number of contacts).",
  returns: "`byMember`: e_i, null for isolates; `value`: mean of the non-null e_i.",
  reading:
    '"Mean 2.5: a typical member\'s contacts amount to about two and a half independent ones; the rest already know each other."',
  compute: (snapshot) => effectiveSizeResult(snapshot.graph),
};
