import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { evennessOf, memberComposition, shannonOf } from "./composition.js";

export function shannonEvennessResult(graph: CommunityGraph, attribute: string): IndicatorResult {
  const { counts, info } = memberComposition(graph, attribute);
  return { value: evennessOf(counts, info.k), details: { ...info, entropy: shannonOf(counts) } };
}

export const shannonEvennessIndicator: Indicator = {
  id: "diversity.shannon_evenness",
  version: 1,
  title: "Diversity (Shannon evenness)",
  unit: "index",
  options: ["attribute"],
  formula: "`H = −Σ_k p_k ln p_k`, `J = H / ln K`.",
  source: "Shannon (1948); Pielou (1966).",
  returns:
    "`value`: J in [0, 1]; null when no member has a value or K < 2. `details`: `n`, `counts`, `k`, `kSource`, `entropy` (H).",
  reading:
    '"0.6: members are spread unevenly over the occupational layers; 1 would be all five layers equally represented."',
  compute: (snapshot, options) => shannonEvennessResult(snapshot.graph, options.attribute),
};
