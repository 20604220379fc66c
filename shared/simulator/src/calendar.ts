// When things happen: the span cut into UTC days, each with an activity weight — a log-normal
// factor per week (busy and quiet weeks: burstiness) times a weekday factor (weekends are quiet) —
// normalised so that rates per 30 days keep their meaning on average. Events of a day fall in
// working hours (08:00–18:00 UTC) when the day's part of the span allows it.
import type { Random } from "./random.js";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./time.js";

export interface Day {
  /** First and last ms of the day inside the span. */
  readonly first: number;
  readonly last: number;
  /** Window events are drawn in: working hours, or the whole day part when they fall outside the span. */
  readonly workFirst: number;
  readonly workLast: number;
  /** Share of a whole day inside the span (partial first and last days). */
  readonly fraction: number;
  /** Activity weight (mean 1 over the span, weighted by fraction). */
  readonly weight: number;
}

const WEEKEND_FACTOR = 0.3;
const WORK_START = 8 * HOUR_MS;
const WORK_END = 18 * HOUR_MS;

export function activityCalendar(start: number, end: number, burstiness: number, random: Random): Day[] {
  const firstDay = Math.floor(start / DAY_MS);
  const lastDay = Math.floor(end / DAY_MS);
  const weekFactors = new Map<number, number>();
  const raw: Omit<Day, "weight">[] = [];
  const factors: number[] = [];
  for (let d = firstDay; d <= lastDay; d++) {
    const midnight = d * DAY_MS;
    const first = Math.max(start, midnight);
    const last = Math.min(end, midnight + DAY_MS - 1);
    let workFirst = Math.max(first, midnight + WORK_START);
    let workLast = Math.min(last, midnight + WORK_END);
    if (workLast < workFirst) {
      workFirst = first;
      workLast = last;
    }
    raw.push({ first, last, workFirst, workLast, fraction: (last - first + 1) / DAY_MS });
    // 1970-01-01 was a Thursday: (d + 4) mod 7 is the weekday, 0 = Sunday.
    const weekday = (((d + 4) % 7) + 7) % 7;
    const week = Math.floor((d - firstDay) / 7);
    let weekFactor = weekFactors.get(week);
    if (weekFactor === undefined) {
      weekFactor = random.logNormalMeanOne(burstiness);
      weekFactors.set(week, weekFactor);
    }
    factors.push(weekFactor * (weekday === 0 || weekday === 6 ? WEEKEND_FACTOR : 1));
  }
  let weighted = 0;
  let total = 0;
  raw.forEach((day, i) => {
    weighted += factors[i]! * day.fraction;
    total += day.fraction;
  });
  const scale = weighted > 0 ? total / weighted : 1;
  return raw.map((day, i) => ({ ...day, weight: factors[i]! * scale }));
}

/** `count` times uniform in the day's window, ascending; whole quarter hours when `onTheQuarter`. */
export function timesOn(day: Day, count: number, random: Random, onTheQuarter = false): number[] {
  const times: number[] = [];
  const span = day.workLast - day.workFirst + 1;
  for (let k = 0; k < count; k++) {
    let t = day.workFirst + Math.floor(random.next() * span);
    if (onTheQuarter) {
      const rounded = Math.floor(t / (15 * MINUTE_MS)) * 15 * MINUTE_MS;
      if (rounded >= day.workFirst) t = rounded;
    }
    times.push(t);
  }
  return times.sort((a, b) => a - b);
}
