import type { CommunitySnapshot } from "../projection/community-snapshot.js";
import { activityFamily } from "./activity/index.js";
import { diversityFamily } from "./diversity/index.js";
import type { Indicator, IndicatorFamily, IndicatorOptions, IndicatorResult } from "./indicator.js";
import { networkFamily } from "./network/index.js";
import { reciprocityFamily } from "./reciprocity/index.js";
import { rolesFamily } from "./roles/index.js";
import { siloFamily } from "./silo/index.js";
import { UnknownIndicatorError } from "./unknown-indicator.js";

/** Every family of indicators copgraph serves, in the order of its reference. */
export const indicatorFamilies: readonly IndicatorFamily[] = [
  networkFamily,
  diversityFamily,
  siloFamily,
  reciprocityFamily,
  rolesFamily,
  activityFamily,
];

/** Every indicator copgraph serves, by family. Ids are API: never reuse one for another definition. */
export const indicators: readonly Indicator[] = indicatorFamilies.flatMap((family) => family.indicators);

export const indicatorById: ReadonlyMap<string, Indicator> = new Map(
  indicators.map((indicator) => [indicator.id, indicator]),
);

export type IndicatorValues = Record<string, IndicatorResult & { version: number }>;

/** Computes the named indicators (all by default) of one snapshot. Throws UnknownIndicatorError for an unknown id. */
export function computeIndicators(
  snapshot: CommunitySnapshot,
  options: IndicatorOptions,
  ids: readonly string[] = [...indicatorById.keys()],
): IndicatorValues {
  const values: IndicatorValues = {};
  for (const id of ids) {
    const indicator = indicatorById.get(id);
    if (!indicator) throw new UnknownIndicatorError(id, [...indicatorById.keys()]);
    values[id] = { ...indicator.compute(snapshot, options), version: indicator.version };
  }
  return values;
}
