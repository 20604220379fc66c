// diversity.shannon_evenness v1: Shannon entropy of the members' attribute values, divided by
// its maximum ln K (Pielou's evenness)
//   H = −Σ_k p_k ln p_k,  J = H / ln K   (Shannon 1948; Pielou 1966)
// K as in diversity.iqv (catalogue for sector / occupationalLayer / learningEnvironment, else
// observed). Members without a value are left out.
// value: J in [0, 1]; null with no member having a value, or K < 2. details: H, n, counts, K.
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
  compute: (snapshot, options) => shannonEvennessResult(snapshot.graph, options.attribute),
};
