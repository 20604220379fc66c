import type { CommunitySnapshot } from "../projection/community-snapshot.js";
import { activityIndicators } from "./activity/index.js";
import { diversityIndicators } from "./diversity/index.js";
import type { Indicator, IndicatorOptions, IndicatorResult } from "./indicator.js";
import { networkIndicators } from "./network/index.js";
import { reciprocityIndicators } from "./reciprocity/index.js";
import { rolesIndicators } from "./roles/index.js";
import { siloIndicators } from "./silo/index.js";

/** Every indicator copgraph serves, by family. Ids are API: never reuse one for another definition. */
export const indicators: readonly Indicator[] = [
  ...networkIndicators,
  ...diversityIndicators,
  ...siloIndicators,
  ...reciprocityIndicators,
  ...rolesIndicators,
  ...activityIndicators,
];

export const indicatorById: ReadonlyMap<string, Indicator> = new Map(
  indicators.map((indicator) => [indicator.id, indicator]),
);

export type IndicatorValues = Record<string, IndicatorResult & { version: number }>;

/** Computes the named indicators (all by default) of one snapshot. Throws RangeError for an unknown id. */
export function computeIndicators(
  snapshot: CommunitySnapshot,
  options: IndicatorOptions,
  ids: readonly string[] = [...indicatorById.keys()],
): IndicatorValues {
  const values: IndicatorValues = {};
  for (const id of ids) {
    const indicator = indicatorById.get(id);
    if (!indicator) throw new RangeError(`unknown indicator '${id}'; known: ${[...indicatorById.keys()].join(", ")}`);
    values[id] = { ...indicator.compute(snapshot, options), version: indicator.version };
  }
  return values;
}
