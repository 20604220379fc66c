import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { iqvOf, memberComposition } from "./composition.js";

export function iqvResult(graph: CommunityGraph, attribute: string): IndicatorResult {
  const { counts, info } = memberComposition(graph, attribute);
  return { value: iqvOf(counts, info.k), details: info };
}

export const iqvIndicator: Indicator = {
  id: "diversity.iqv",
  version: 1,
  title: "Diversity (IQV, normalised Blau)",
  unit: "index",
  options: ["attribute"],
  formula: "`IQV = K/(K − 1) · (1 − Σ_k p_k²)`.",
  source: "Agresti & Agresti (1978).",
  baseline: "none (1 is the even spread over all K categories).",
  returns: "`value` in [0, 1]; null when no member has a value or K < 2. `details`: `n`, `counts`, `k`, `kSource`.",
  reading:
    '"0.82: the sector mix reaches 82% of the most even spread the catalogue allows. Sectors not represented at all pull it down."',
  compute: (snapshot, options) => iqvResult(snapshot.graph, options.attribute),
};
