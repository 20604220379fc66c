// activity.churn, version 1.
// A member churned when active in the window but not during the last τ before `at`:
//   churned ⇔ at − (last activity time) ≥ τ,   τ = options.churnAfterMs (default 90 days),
// activity as in activity.active_members (so a last event exactly τ before `at` counts as churned).
//   value = churned members / members active in the window; null when nobody was active.
// Only the window's facts are seen: with query.from, "ever active" means active since `from`.
// byMember: 1 churned, 0 not, for members active in the window.
// details.daysSinceLastActivity per member, details.churnAfterMs.
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";
import type { Indicator, IndicatorOptions, IndicatorResult, Value } from "../indicator.js";
import { memberEventTimes } from "./events.js";
import { churnAfterMs, DAY_MS } from "./options.js";

export function computeChurn(snapshot: CommunitySnapshot, options: IndicatorOptions): IndicatorResult {
  const tau = churnAfterMs(options);
  const { at } = snapshot.query;
  const byMember: Record<string, Value> = {};
  const daysSinceLastActivity: Record<string, number> = {};
  let churned = 0;
  let active = 0;
  for (const [member, times] of memberEventTimes(snapshot)) {
    const since = at - times.at(-1)!;
    const gone = since >= tau;
    byMember[member] = gone ? 1 : 0;
    daysSinceLastActivity[member] = since / DAY_MS;
    active++;
    if (gone) churned++;
  }
  return {
    value: active === 0 ? null : churned / active,
    byMember,
    details: { churnAfterMs: tau, everActive: active, churned, daysSinceLastActivity },
  };
}

export const churnIndicator: Indicator = {
  id: "activity.churn",
  version: 1,
  title: "Churn (active members gone quiet for τ)",
  compute: computeChurn,
};
