// details.cohorts[].retention[k]: the share active in period c + 1 + k. Members who left before
// `at` are not in snapshot.joinedAt, hence in no cohort.
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
  title: "Cohort retention",
  unit: "share",
  options: ["periodMs"],
  formula:
    "cohort c: members whose join time falls in period c; `value = Σ_c (cohort members active in period c + 1) / Σ_c cohort size`, over cohorts that have a next period.",
  source: "copgraph's own definition of cohort retention.",
  returns:
    "`value` in [0, 1], null when no one joined in a period with a next one; `byGroup` keyed by **cohort** (its period's start, ISO 8601): that cohort's next-period retention; `details`: `periodMs`, `cohorts` with `start`, `end`, `size`, `retention[]` (share active in each later period).",
  reading: '"0.6: of the members who joined in a month, 60% took part in something the following month."',
  compute: computeRetention,
};
