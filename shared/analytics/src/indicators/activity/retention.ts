// activity.retention, version 1 (copgraph's definition of cohort retention).
// Periods: the window's period grid (events.ts; P = options.periodMs, default 30 days, anchored at
// `at`). Cohort c: the members whose join time (snapshot.joinedAt, valid time) falls in period c.
// Next-period retention of cohort c: the share of its members active (activity.active_members'
// definition) in period c + 1. Cohorts of the latest period have no next period and are left out.
//   value = Σ_c retained_c / Σ_c size_c over cohorts with a next period (pooled); null when no
//   member joined in a period that has a next one (e.g. an empty window).
// byGroup: each such cohort's retention, keyed by its period's start as an ISO 8601 instant.
// details.cohorts: oldest first, { start, end, size, retention[] }, retention[k] the share active
// in period c + 1 + k (the cohort's retention curve up to the latest period).
// Members who left before `at` are not in snapshot.joinedAt, hence in no cohort.
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { activeByPeriod, periodGrid } from "./events.js";
import { periodMs } from "./options.js";

export function computeRetention(snapshot: CommunitySnapshot, options: IndicatorOptions): IndicatorResult {
  const grid = periodGrid(snapshot, periodMs(options));
  const active = activeByPeriod(snapshot, grid);
  const cohorts = grid.periods.map(() => [] as string[]);
  for (const [member, joined] of snapshot.joinedAt) {
    const index = grid.indexOf(joined);
    if (index >= 0) cohorts[index]!.push(member);
  }
  const byGroup: Record<string, Value> = {};
  const details: { start: number; end: number; size: number; retention: number[] }[] = [];
  let retained = 0;
  let size = 0;
  cohorts.forEach((members, c) => {
    const period = grid.periods[c]!;
    const curve: number[] = [];
    for (let later = c + 1; later < cohorts.length && members.length > 0; later++) {
      curve.push(members.filter((m) => active[later]!.has(m)).length / members.length);
    }
    details.push({ start: period.start, end: period.end, size: members.length, retention: curve });
    if (members.length === 0 || c === cohorts.length - 1) return;
    const next = members.filter((m) => active[c + 1]!.has(m)).length;
    byGroup[new Date(period.start).toISOString()] = next / members.length;
    retained += next;
    size += members.length;
  });
  return {
    value: size === 0 ? null : retained / size,
    byGroup,
    details: { periodMs: periodMs(options), cohorts: details },
  };
}

export const retentionIndicator: Indicator = {
  id: "activity.retention",
  version: 1,
  title: "Cohort retention (active in the period after joining)",
  compute: computeRetention,
};
