import type { ReadingPoint } from "./reading-condition.js";

/**
 * The readings of an earlier evaluation that still stand on the grid `steps`: the leading ones
 * dated before `touchedFrom` (see earliestTouched), each at the step it was read at. The others,
 * `steps.slice(result.length)`, are to be read again. A grid that starts elsewhere (the history
 * now starts earlier) reuses nothing; a grid that grew (time went on) reads only its new steps
 * and the touched ones. Pure.
 */
export function reusableReadings(
  earlier: readonly ReadingPoint[],
  steps: readonly number[],
  touchedFrom: number,
): ReadingPoint[] {
  const reused: ReadingPoint[] = [];
  for (const [index, point] of earlier.entries()) {
    if (point.at !== steps[index] || !(point.at < touchedFrom)) break;
    reused.push(point);
  }
  return reused;
}
