// Events at the same instant are kept: they give gaps of 0 (a fact is an event, however coarse its
// timestamp).
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorResult, Value } from "../indicator.js";
import { factTimes, memberEventTimes } from "./events.js";
import { DAY_MS } from "./options.js";

export const MIN_EVENTS = 3;

export interface GapStats {
  readonly burstiness: Value;
  readonly mean: Value;
  readonly sd: Value;
}

/** Burstiness of ascending event times. */
export function burstinessOf(times: readonly number[]): GapStats {
  if (times.length < MIN_EVENTS) return { burstiness: null, mean: null, sd: null };
  const gaps: number[] = [];
  for (let k = 1; k < times.length; k++) gaps.push(times[k]! - times[k - 1]!);
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
  return { burstiness: sd + mean === 0 ? null : (sd - mean) / (sd + mean), mean, sd };
}

export function computeBurstiness(snapshot: CommunitySnapshot): IndicatorResult {
  const times = factTimes(snapshot);
  const { burstiness, mean, sd } = burstinessOf(times);
  const byMember: Record<string, Value> = {};
  for (const [member, own] of memberEventTimes(snapshot)) byMember[member] = burstinessOf(own).burstiness;
  return {
    value: burstiness,
    byMember,
    details: {
      events: times.length,
      meanGapDays: mean === null ? null : mean / DAY_MS,
      sdGapDays: sd === null ? null : sd / DAY_MS,
    },
  };
}

export const burstinessIndicator: Indicator = {
  id: "activity.burstiness",
  version: 1,
  title: "Burstiness",
  unit: "index",
  options: [],
  formula:
    "`B = (σ − μ) / (σ + μ)`, μ and σ the mean and population sd of the gaps between consecutive events (each interaction and gathering once; equal times give gaps of 0).",
  source: "Goh & Barabási, *EPL* 81 (2008).",
  baseline: "built in: ≈ 0 for random (Poisson) timing; −1 perfectly regular.",
  returns:
    "`value` in [−1, 1), null with fewer than 3 events or all at one instant; `byMember`: B over a member's own events (null below 3); `details`: `events`, `meanGapDays`, `sdGapDays`.",
  reading:
    '"0.4: activity comes in bursts around gatherings and projects, with long quiet spells between; a monthly meeting and nothing else would give close to −1."',
  compute: (snapshot) => computeBurstiness(snapshot),
};
