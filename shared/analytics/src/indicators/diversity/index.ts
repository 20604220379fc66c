// Diversity (composition) indicators: who is in the community, and around each member.
import type { Indicator, IndicatorFamily } from "../indicator.js";
import { blauIndicator } from "./blau.js";
import { egoDiversityIndicator } from "./ego.js";
import { formatDiversityIndicator } from "./format.js";
import { iqvIndicator } from "./iqv.js";
import { shannonEvennessIndicator } from "./shannon-evenness.js";

export { blauResult } from "./blau.js";
export { blauOf, countsOf, evennessOf, iqvOf, memberComposition, shannonOf } from "./composition.js";
export { egoDiversity, egoDiversityResult } from "./ego.js";
export { formatDiversityResult } from "./format.js";
export { iqvResult } from "./iqv.js";
export { shannonEvennessResult } from "./shannon-evenness.js";

export const diversityIndicators: readonly Indicator[] = [
  blauIndicator,
  iqvIndicator,
  shannonEvennessIndicator,
  egoDiversityIndicator,
  formatDiversityIndicator,
];

export const diversityFamily: IndicatorFamily = {
  id: "diversity",
  title: "Diversity",
  about:
    "Who is in the community, and around each member. For the member composition, p_k = n_k / N over members with a value for `attribute`.",
  indicators: diversityIndicators,
};
