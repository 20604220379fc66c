import type { Indicator, IndicatorFamily } from "../indicator.js";
import { reciprocityByLayerIndicator } from "./by-layer.js";
import { crossLayerReciprocityIndicator } from "./cross-layer.js";
import { dyadicReciprocityIndicator } from "./dyadic.js";
import { edgeReciprocityIndicator } from "./edge.js";
import { memberReciprocityIndicator } from "./member.js";
import { returnedWithinIndicator } from "./returned-within.js";
import { rhoIndicator } from "./rho.js";
import { timeToReturnIndicator } from "./time-to-return.js";
import { weightedReciprocityIndicator } from "./weighted.js";

export { defaultReturnWithinMs, type ReciprocityOptions } from "./options.js";

export const reciprocityIndicators: readonly Indicator[] = [
  edgeReciprocityIndicator,
  dyadicReciprocityIndicator,
  rhoIndicator,
  weightedReciprocityIndicator,
  memberReciprocityIndicator,
  reciprocityByLayerIndicator,
  crossLayerReciprocityIndicator,
  returnedWithinIndicator,
  timeToReturnIndicator,
];

export const reciprocityFamily: IndicatorFamily = {
  id: "reciprocity",
  title: "Reciprocity",
  about:
    "Does help flow both ways? L arcs, `ā = L / (N(N − 1))` the density; M mutual dyads (both arcs), A asymmetric dyads (one arc). The structural indicators read the graph (so `layers` matters); the temporal ones read the interactions.",
  indicators: reciprocityIndicators,
};
