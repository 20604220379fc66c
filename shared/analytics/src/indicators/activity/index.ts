import type { Indicator } from "../indicator.js";
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
