const DAY = 86_400_000;
export const WATCH_STEP_DAYS = 7;
const WEEK = WATCH_STEP_DAYS * DAY;
/** Monday 1970-01-05 00:00 UTC: steps fall on Mondays at midnight UTC, whatever the history's start. */
const FIRST_MONDAY = 4 * DAY;

/**
 * The dates a watched reading is evaluated at: every Monday 00:00 UTC from `start` to `end`
 * (ms, both inclusive). A fixed grid, so a notice keeps its date as time goes on and the log grows.
 */
export function watchSteps(start: number, end: number): number[] {
  const steps: number[] = [];
  for (let at = FIRST_MONDAY + Math.ceil((start - FIRST_MONDAY) / WEEK) * WEEK; at <= end; at += WEEK) steps.push(at);
  return steps;
}
