// reciprocity.dyadic, version 1. Dyadic reciprocity: the share of connected dyads that are mutual,
//   M / (M + A)   (M mutual dyads {i,j} with i→j and j→i, A asymmetric dyads with one arc).
// Source: Wasserman & Faust (1994), ch. 13; UCINET "dyad method". Self-loops are left out.
// Baseline: ā / (2 − ā) with ā = L / (N(N−1)), the expected value when every arc is present
// independently with probability ā (mutual ā², asymmetric 2ā(1−ā)). Null without arcs.
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
  title: "Dyadic reciprocity (share of connected pairs that are mutual)",
  compute: (snapshot) => computeDyadicReciprocity(snapshot),
};
