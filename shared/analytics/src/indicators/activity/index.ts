import type { Indicator, IndicatorFamily } from "../indicator.js";
import { activeMembersIndicator } from "./active-members.js";
import { burstinessIndicator } from "./burstiness.js";
import { activityByPeriodIndicator } from "./by-period.js";
import { churnIndicator } from "./churn.js";
import { retentionIndicator } from "./retention.js";

export { type ActivityOptions, defaultChurnAfterMs, defaultPeriodMs } from "./options.js";

export const activityIndicators: readonly Indicator[] = [
  activeMembersIndicator,
  activityByPeriodIndicator,
  retentionIndicator,
  churnIndicator,
  burstinessIndicator,
];

export const activityFamily: IndicatorFamily = {
  id: "activity",
  title: "Activity",
  about:
    "Read from the window's facts: a member's activity events are one per interaction they take part in (source or recipient, any kind) and one per gathering they attend. Periods (`periodMs` P = 30 days) are anchored at `at`: period k back covers `(at − (k+1)P, at − kP]`; the oldest is cut at the window start (`from`, or without it the earliest fact or join time).",
  indicators: activityIndicators,
};
