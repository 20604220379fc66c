import type { IndicatorOptions } from "../indicators/indicator.js";
import { computeIndicators, type IndicatorValues, indicatorById } from "../indicators/registry.js";
import { UnknownIndicatorError } from "../indicators/unknown-indicator.js";
import { compactReadings } from "./compact-readings.js";
import type { EngineView } from "./engine-view.js";

/**
 * The named indicators (all by default) of a view: each on the compact snapshot where it has a
 * compact form, the others on the graph of objects (built once, only if one of them is asked).
 * Throws UnknownIndicatorError for an unknown id.
 */
export function engineIndicators(
  view: EngineView,
  options: IndicatorOptions,
  ids: Iterable<string> = indicatorById.keys(),
): IndicatorValues {
  const values: IndicatorValues = {};
  for (const id of ids) {
    const indicator = indicatorById.get(id);
    if (!indicator) throw new UnknownIndicatorError(id, [...indicatorById.keys()]);
    const compact = compactReadings.get(id);
    if (compact) values[id] = { ...compact(view.compact, options), version: indicator.version };
    else Object.assign(values, computeIndicators(view.snapshot, options, [id]));
  }
  return values;
}
