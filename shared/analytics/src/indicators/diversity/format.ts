// diversity.format v1: diversity of meeting formats (the source material stresses varied places
// and styles). Blau over the formats of the snapshot's gatherings, each gathering counted once:
//   D = 1 − Σ_f p_f²   (Blau 1977)
// K = the fixed gathering-format catalogue (8), for details.iqv = K/(K − 1)·D (Agresti &
// Agresti 1978) and details.evenness = H / ln K.
// value: D; null when the snapshot has no gathering. details: n, counts, K, iqv, evenness.
import { catalogues } from "@copgraph/domain";
import type { GatheringFact } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult } from "../indicator.js";
import { blauOf, countsOf, evennessOf, iqvOf } from "./composition.js";

export function formatDiversityResult(gatherings: readonly GatheringFact[]): IndicatorResult {
  const counts = countsOf(gatherings.map((gathering) => gathering.format));
  const k = catalogues.gatheringFormat.length;
  return {
    value: blauOf(counts),
    details: {
      n: gatherings.length,
      counts: Object.fromEntries(counts),
      k,
      iqv: iqvOf(counts, k),
      evenness: evennessOf(counts, k),
    },
  };
}

export const formatDiversityIndicator: Indicator = {
  id: "diversity.format",
  version: 1,
  title: "Gathering format diversity",
  compute: (snapshot) => formatDiversityResult(snapshot.gatherings),
};
