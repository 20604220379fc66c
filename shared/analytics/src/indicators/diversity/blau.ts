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
  unit: "index",
  options: ["attribute"],
  formula: "`D = 1 − Σ_k p_k²` (Gini–Simpson).",
  source: "Blau (1977), *Inequality and Heterogeneity*.",
  baseline: "none; `details.max = 1 − 1/K` is the most even spread possible.",
  returns:
    "`value` in [0, 1 − 1/K]; null when no member has a value. `details`: `n`, `counts`, `k`, `kSource` (`catalogue` | `observed`), `max`.",
  reading:
    '"0.72 for sector (at most 0.875 with the 8 sectors): members come from several sectors; 0 would mean everyone is from one."',
  compute: (snapshot, options) => blauResult(snapshot.graph, options.attribute),
};
