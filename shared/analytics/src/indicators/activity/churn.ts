// Only the window's facts are seen: with query.from, "ever active" means active since `from`.
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
  title: "Churn",
  unit: "share",
  options: ["churnAfterMs"],
  formula:
    "a member active in the window churned when `at − last activity ≥ τ`, τ = 90 days; `value = churned / active in the window`.",
  source: 'metrics.md ("no activity for τ").',
  returns:
    "`value` in [0, 1], null when nobody was active; `byMember`: 1 churned, 0 not; `details`: `churnAfterMs`, `everActive`, `churned`, `daysSinceLastActivity`.",
  reading:
    '"0.25: a quarter of the people active in the window have been quiet for three months or more." With a `window` shorter than τ nobody can count as churned; use a long window or none.',
  compute: computeChurn,
};
