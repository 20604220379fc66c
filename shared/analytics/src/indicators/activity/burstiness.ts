// activity.burstiness, version 1. Goh & Barabási (2008) burstiness of inter-event times:
//   B = (σ − μ) / (σ + μ),   μ, σ the mean and (population) standard deviation of the gaps
//   τ_k = t_{k+1} − t_k between consecutive events in time order.
// −1: perfectly regular; ≈ 0: Poisson (random); → 1: bursty.
// Community events: every interaction and gathering of the window, once each. Events at the same
// instant are kept: they give gaps of 0 (a fact is an event, however coarse its timestamp).
// Defined with at least 3 events (2 gaps) and σ + μ > 0; null otherwise (an empty window,
// everything at one instant).
// byMember: B over each member's activity events (activity.active_members' definition), for
// members with at least 3 events; null for other active members.
// Source: K.-I. Goh & A.-L. Barabási, "Burstiness and memory in complex systems", EPL 81 (2008).
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
  title: "Burstiness of activity (Goh–Barabási)",
  compute: (snapshot) => computeBurstiness(snapshot),
};
