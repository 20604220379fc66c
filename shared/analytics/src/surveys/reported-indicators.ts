// The catalogue's structural indicators on a round's reported layers. A survey answer says who
// turned to whom, not when: indicators that read dates (activity, returns within a time), the
// roles members took in gatherings or the gatherings themselves are not offered there. Reciprocity
// is computed over the respondents only (dyads in which both answered); the rest over everyone asked.

import type { IndicatorOptions, IndicatorResult } from "../indicators/indicator.js";
import { computeIndicators, indicatorFamilies } from "../indicators/registry.js";
import type { CommunitySnapshot, MemberAttributes } from "../projection/community-snapshot.js";
import { type ReportedGraphChoice, type ReportedGraphScope, reportedSnapshotOf } from "./reported-graph.js";
import { responseRate, type SurveyResponses } from "./responses.js";

const timeBased =
  "is time-based (it reads when interactions happened); a survey answer has no dates, so it is not offered on reported layers";

/** Why an indicator of the catalogue is not offered on reported layers; absent: it is offered. */
function exclusionOf(family: string, id: string, options: readonly string[]): string | undefined {
  if (family === "activity") return timeBased;
  if (options.includes("returnWithinMs")) return timeBased;
  if (family === "roles")
    return "reads the roles members took in gatherings; a survey records no gatherings, so it is not offered on reported layers";
  if (id === "diversity.format")
    return "reads the formats of gatherings; a survey records no gatherings, so it is not offered on reported layers";
  if (id === "reciprocity.by_layer" || id === "reciprocity.cross_layer")
    return "compares the recorded layers by name; on reported layers ask reciprocity.edge of one layer at a time";
  return undefined;
}

/** Every catalogue indicator not offered on reported layers, with why. */
export const notOnReportedLayers: ReadonlyMap<string, string> = new Map(
  indicatorFamilies.flatMap((family) =>
    family.indicators.flatMap((indicator) => {
      const why = exclusionOf(family.id, indicator.id, indicator.options);
      return why === undefined ? [] : [[indicator.id, why] as const];
    }),
  ),
);

/** The indicators offered on reported layers, in catalogue order. */
export const reportedLayerIndicatorIds: readonly string[] = indicatorFamilies.flatMap((family) =>
  family.indicators.map((indicator) => indicator.id).filter((id) => !notOnReportedLayers.has(id)),
);

/** What each offered indicator is computed over: reciprocity over the dyads in which both answered. */
export function scopeOf(id: string): ReportedGraphScope {
  return id.startsWith("reciprocity.") ? "dyads in which both answered" : "members asked";
}

/** An indicator asked for that reported layers do not offer; the message says why. */
export class NotOnReportedLayersError extends RangeError {
  override readonly name = "NotOnReportedLayersError";
  constructor(readonly indicatorId: string) {
    super(`${indicatorId} ${notOnReportedLayers.get(indicatorId) ?? "is not in the catalogue"}`);
  }
}

export type ReportedIndicatorValue = IndicatorResult & { readonly version: number; readonly over: ReportedGraphScope };

export interface ReportedIndicators {
  readonly layers: readonly string[];
  readonly rostered: number;
  readonly respondents: number;
  /** respondents / rostered; null for an empty roster. */
  readonly responseRate: number | null;
  readonly values: Readonly<Record<string, ReportedIndicatorValue>>;
}

/**
 * The structural indicators asked (all offered by default) on the reported graph of `layers`.
 * Throws NotOnReportedLayersError for one not offered (an unknown id included).
 */
export function reportedIndicators(
  responses: SurveyResponses,
  attributes: ReadonlyMap<string, MemberAttributes>,
  choice: Omit<ReportedGraphChoice, "scope">,
  options: IndicatorOptions,
  ids: readonly string[] = reportedLayerIndicatorIds,
): ReportedIndicators {
  for (const id of ids) if (!reportedLayerIndicatorIds.includes(id)) throw new NotOnReportedLayersError(id);
  const snapshots = new Map<ReportedGraphScope, CommunitySnapshot>();
  const snapshotFor = (scope: ReportedGraphScope) => {
    let snapshot = snapshots.get(scope);
    if (!snapshot) {
      snapshot = reportedSnapshotOf(responses, attributes, { ...choice, scope });
      snapshots.set(scope, snapshot);
    }
    return snapshot;
  };
  const values: Record<string, ReportedIndicatorValue> = {};
  for (const id of ids) {
    const over = scopeOf(id);
    values[id] = { ...computeIndicators(snapshotFor(over), options, [id])[id]!, over };
  }
  return {
    layers: [...choice.layers],
    rostered: responses.roster.length,
    respondents: responses.respondents.length,
    responseRate: responseRate(responses),
    values,
  };
}
