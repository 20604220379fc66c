// diversity.blau v1: Blau's heterogeneity index (Gini–Simpson) of the members' attribute values
//   D = 1 − Σ_k p_k²,  p_k = n_k / N   (Blau 1977, Inequality and Heterogeneity)
// over members with a value (others left out). 0 = everyone in one category; max 1 − 1/K.
// value: D; null with no member having a value. details: n, counts, K (catalogue size for
// sector / occupationalLayer / learningEnvironment, else observed categories), max = 1 − 1/K.
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { blauOf, memberComposition } from "./composition.js";

export function blauResult(graph: CommunityGraph, attribute: string): IndicatorResult {
  const { counts, info } = memberComposition(graph, attribute);
  return { value: blauOf(counts), details: { ...info, max: info.k >= 1 ? 1 - 1 / info.k : null } };
}

export const blauIndicator: Indicator = {
  id: "diversity.blau",
  version: 1,
  title: "Blau diversity",
  compute: (snapshot, options) => blauResult(snapshot.graph, options.attribute),
};
