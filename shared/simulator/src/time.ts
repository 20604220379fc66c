// Time units (ms). A "month" is 30 days throughout: rates per month are rates per 30 days.
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const MONTH_MS = 30 * DAY_MS;

/** Valid time as the events carry it: ISO 8601 in UTC (`Z`), millisecond precision. */
export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Per-30-day probability → hazard rate per ms, so that P(event within 30 days) = p for a
 * Poisson process: p = 1 − exp(−λ·30d).
 */
export function hazardPerMs(probabilityPerMonth: number): number {
  return probabilityPerMonth <= 0 ? 0 : -Math.log(1 - probabilityPerMonth) / MONTH_MS;
}
