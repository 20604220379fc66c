import type { IndicatorOptions } from "../indicator.js";

export const DAY_MS = 86_400_000;

/** Options the activity indicators read beside the common ones; every field has a default. */
export interface ActivityOptions extends IndicatorOptions {
  /** Period length for activity.by_period and activity.retention (ms). Default 30 days. */
  readonly periodMs?: number;
  /** τ of activity.churn: inactive this long before `at` means churned (ms). Default 90 days. */
  readonly churnAfterMs?: number;
}

export const defaultPeriodMs = 30 * DAY_MS;
export const defaultChurnAfterMs = 90 * DAY_MS;

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number of ms`);
  return value;
}

export function periodMs(options: IndicatorOptions): number {
  return positive((options as ActivityOptions).periodMs ?? defaultPeriodMs, "periodMs");
}

export function churnAfterMs(options: IndicatorOptions): number {
  return positive((options as ActivityOptions).churnAfterMs ?? defaultChurnAfterMs, "churnAfterMs");
}
