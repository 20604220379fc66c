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
  unit: "index",
  options: [],
  formula:
    "`D = 1 − Σ_f p_f²` over the formats of the window's gatherings, each gathering once; K = 8 formats (workshop, meeting, makerspace, online, site-visit, conference, informal, other).",
  source: "Blau (1977); metrics.md (the source material stresses varied places and styles).",
  returns:
    "`value` in [0, 0.875]; null without gatherings. `details`: `n`, `counts`, `k`, `iqv` (K/(K−1)·D), `evenness` (H / ln 8).",
  reading:
    '"0: every gathering in the window was online. Varying places and styles raises it; 0.875 would be all eight formats used equally."',
  compute: (snapshot) => formatDiversityResult(snapshot.gatherings),
};
