// The window's period grid: events.ts.
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
  unit: "count",
  options: ["periodMs"],
  formula: "active members per period of the grid above.",
  source: "standard.",
  returns:
    "`value`: active members in the latest period `(at − P, at]`; null when there is no grid (no `from`, no fact and no join). `details`: `periodMs`, `periods` oldest first with `start`, `end` (ms), `partial`, `active`, `events`.",
  reading: '"12 in the last 30 days, after 15 and 18 in the two months before: participation is easing off."',
  compute: computeActivityByPeriod,
};
