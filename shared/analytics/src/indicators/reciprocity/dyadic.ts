// Self-loops are left out.
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { countArcs, density } from "./arcs.js";

export function computeDyadicReciprocity(snapshot: CommunitySnapshot): IndicatorResult {
  const { arcs, reciprocated } = countArcs(snapshot.graph);
  const mutual = reciprocated / 2;
  const asymmetric = arcs - reciprocated;
  if (arcs === 0) return { value: null, baseline: null, details: { mutualDyads: 0, asymmetricDyads: 0 } };
  const a = density(snapshot.graph, arcs);
  return {
    value: mutual / (mutual + asymmetric),
    baseline: a === null ? null : a / (2 - a),
    details: { mutualDyads: mutual, asymmetricDyads: asymmetric },
  };
}

export const dyadicReciprocityIndicator: Indicator = {
  id: "reciprocity.dyadic",
  version: 1,
  title: "Dyadic reciprocity",
  unit: "share",
  options: [],
  formula: "`M / (M + A)`: share of connected pairs that are mutual.",
  source: 'Wasserman & Faust (1994) ch. 13; UCINET "dyad method".',
  baseline: "`ā / (2 − ā)`: every arc present independently with probability ā (mutual ā², asymmetric 2ā(1 − ā)).",
  returns: "`value` in [0, 1], null without arcs; `details`: `mutualDyads`, `asymmetricDyads`.",
  reading:
    '"0.31 with a baseline of 0.29: three connected pairs in ten help each other both ways, about what chance gives at this density."',
  compute: (snapshot) => computeDyadicReciprocity(snapshot),
};
