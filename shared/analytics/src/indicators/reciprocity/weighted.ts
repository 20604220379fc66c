import { arcListOf } from "../../compact/arc-list.js";
import { reverseArcsOf } from "../../compact/reverse-arcs.js";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";

export function computeWeightedReciprocity(snapshot: CommunitySnapshot): IndicatorResult {
  const { weights } = arcListOf(snapshot.graph);
  const reverse = reverseArcsOf(snapshot.graph);
  let total = 0;
  let reciprocated = 0;
  for (let k = 0; k < weights.length; k++) {
    total += weights[k]!;
    const back = reverse[k]!;
    if (back >= 0) reciprocated += Math.min(weights[k]!, weights[back]!);
  }
  return {
    value: total > 0 ? reciprocated / total : null,
    details: { totalWeight: total, reciprocatedWeight: reciprocated },
  };
}

export const weightedReciprocityIndicator: Indicator = {
  id: "reciprocity.weighted",
  version: 1,
  title: "Weighted reciprocity",
  unit: "share",
  options: [],
  formula: "`r_w = Σ_{i≠j} min(w_ij, w_ji) / Σ_{i≠j} w_ij`, w the tie weights (counts, or decayed with `halfLife`).",
  source: "Squartini, Picciolo, Ruzzenenti & Garlaschelli, *Sci. Rep.* 3, 2729 (2013).",
  returns: "`value` in [0, 1], null when the total weight is 0; `details`: `totalWeight`, `reciprocatedWeight`.",
  reading: '"0.3: 30% of all interaction volume is matched by volume flowing back; the rest flows one way."',
  compute: (snapshot) => computeWeightedReciprocity(snapshot),
};
