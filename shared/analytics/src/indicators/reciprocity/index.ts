import type { Indicator } from "../indicator.js";
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
