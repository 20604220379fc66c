// diversity.iqv v1: Agresti's index of qualitative variation, Blau normalised to [0, 1]
//   IQV = K/(K − 1) · (1 − Σ_k p_k²)   (Agresti & Agresti 1978)
// K from the FIXED catalogue for sector / occupationalLayer / learningEnvironment (so values
// compare across communities and windows); for organisation and custom attributes K = number of
// observed categories. Members without a value are left out.
// value: IQV; null with no member having a value, or K < 2. details: n, counts, K, kSource.
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
  compute: (snapshot, options) => iqvResult(snapshot.graph, options.attribute),
};
