import type { ConditionStart } from "./condition-start.js";

const DAY = 86_400_000;

/**
 * The dates at which `days` have passed without a gathering, counting from `start` (the history's
 * first fact) and from each gathering, up to `end`. Exact, not on the weekly grid: a spell starts
 * `days` after the gathering before it. `gatherings` are valid times (ms) in any order. Pure.
 */
export function quietSpellStarts(
  gatherings: readonly number[],
  start: number,
  end: number,
  days: number,
): ConditionStart[] {
  const span = days * DAY;
  const starts: ConditionStart[] = [];
  let previous = start;
  for (const at of [...gatherings].sort((a, b) => a - b)) {
    if (at > end) break;
    if (at - previous > span) starts.push({ at: previous + span, value: days, baseline: days });
    previous = Math.max(previous, at);
  }
  if (end - previous >= span) starts.push({ at: previous + span, value: days, baseline: days });
  return starts;
}
