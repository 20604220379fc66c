import type { WatchCondition } from "@copgraph/domain";
import type { Value } from "../indicators/indicator.js";
import type { ConditionStart } from "./condition-start.js";

const DAY = 86_400_000;

/** A reading at one date, as the indicators give it. */
export interface ReadingPoint {
  readonly at: number;
  readonly value: Value;
  readonly baseline?: Value;
}

type ReadingCondition = Exclude<WatchCondition, { kind: "no-gathering" }>;

/**
 * The dates, among `points` (in date order), at which the condition starts to hold: it holds there
 * and did not at the point before (the first point counts when it holds). A null value or baseline
 * neither holds nor breaks a run: the reading is undefined then, not back to normal. Pure.
 */
export function readingConditionStarts(condition: ReadingCondition, points: readonly ReadingPoint[]): ConditionStart[] {
  const starts: ConditionStart[] = [];
  let held = false;
  for (const [index, point] of points.entries()) {
    const compared = comparedWith(condition, points, index);
    if (point.value === null || compared === null) continue;
    const holds = holdsFor(condition, point.value, compared);
    if (holds && !held) starts.push({ at: point.at, value: point.value, baseline: compared });
    held = holds;
  }
  return starts;
}

function comparedWith(condition: ReadingCondition, points: readonly ReadingPoint[], index: number): number | null {
  switch (condition.kind) {
    case "below-baseline":
      return points[index]?.baseline ?? null;
    case "below":
    case "above":
      return condition.threshold;
    case "drops-by":
      return earlierValue(points, index, condition.days * DAY);
  }
}

function holdsFor(condition: ReadingCondition, value: number, compared: number): boolean {
  switch (condition.kind) {
    case "below-baseline":
    case "below":
      return value < compared;
    case "above":
      return value > compared;
    case "drops-by":
      return compared - value > condition.by;
  }
}

/** The value at the last point at least `span` before point `index`; null when there is none. */
function earlierValue(points: readonly ReadingPoint[], index: number, span: number): number | null {
  const at = points[index]?.at;
  if (at === undefined) return null;
  for (let earlier = index - 1; earlier >= 0; earlier--) {
    const point = points[earlier];
    if (point && point.at <= at - span) return point.value;
  }
  return null;
}
