// activity.by_period, version 1.
// Active members (activity.active_members' definition) per period of the window's period grid
// (events.ts): periods of P = options.periodMs (default 30 days) anchored at `at`, period k back
// covering (at − (k+1)P, at − kP], the oldest cut at the window start (query.from, or the earliest
// fact or join time).
// value: active members in the latest period (at − P, at]; null when there is no grid (no
// query.from and nothing in the window).
// details.periods: oldest first, { start, end, partial, active, events }; details.periodMs.
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult } from "../indicator.js";
import { activeByPeriod, periodGrid } from "./events.js";
import { periodMs } from "./options.js";

export function computeActivityByPeriod(snapshot: CommunitySnapshot, options: IndicatorOptions): IndicatorResult {
  const period = periodMs(options);
  const grid = periodGrid(snapshot, period);
  const active = activeByPeriod(snapshot, grid);
  const events = grid.periods.map(() => 0);
  for (const t of [...snapshot.interactions, ...snapshot.gatherings].map((f) => f.occurredAt)) {
    const index = grid.indexOf(t);
    if (index >= 0) events[index]!++;
  }
  const periods = grid.periods.map((p, i) => ({ ...p, active: active[i]!.size, events: events[i]! }));
  return { value: periods.at(-1)?.active ?? null, details: { periodMs: period, periods } };
}

export const activityByPeriodIndicator: Indicator = {
  id: "activity.by_period",
  version: 1,
  title: "Active members per period",
  compute: computeActivityByPeriod,
};
