// ISO 8601 durations (P90D, PT12H, P1Y2M, P2W) for windows, half-lives and timeline steps.
// Years and months are calendar steps when subtracted from a date, and average lengths when a
// fixed number of milliseconds is needed (a half-life).

const PATTERN =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

export function parseDuration(text: string): Duration | undefined {
  const match = PATTERN.exec(text);
  if (!match) return undefined;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { years, months, weeks, days, hours, minutes, seconds };
}

const MS = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** A fixed length: years as 365.2425 days, months as a twelfth of that. */
export function durationMs(d: Duration): number {
  const days = d.years * 365.2425 + d.months * 30.436875 + d.weeks * 7 + d.days;
  return days * MS.day + d.hours * MS.hour + d.minutes * MS.minute + d.seconds * MS.second;
}

/**
 * `date` moved by `sign` × duration, with calendar years and months (UTC). A day past the end of
 * the month it lands in becomes that month's last day, as in Temporal: Mar 31 − P1M is Feb 28,
 * not Mar 3 (which would shorten a one-month window by three days).
 */
export function addDuration(date: number, d: Duration, sign: 1 | -1 = 1): number {
  const moved = new Date(date);
  const months = d.years * 12 + d.months;
  if (months) {
    const day = moved.getUTCDate();
    moved.setUTCDate(1);
    moved.setUTCMonth(moved.getUTCMonth() + sign * months);
    moved.setUTCDate(Math.min(day, daysInMonth(moved.getUTCFullYear(), moved.getUTCMonth())));
  }
  const fixed = durationMs({ ...d, years: 0, months: 0 });
  return moved.getTime() + sign * fixed;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/**
 * Dates from `start` to `end` (inclusive), `step` apart, each counted from `start` (start + k ×
 * step): month ends do not drift (Jan 31 + P1M, then + P1M again, would give Feb 28, then Mar 28).
 * At most `limit` dates; none past the last date a Date can hold.
 */
export function durationSteps(start: number, end: number, step: Duration, limit: number): number[] {
  const steps: number[] = [];
  for (let k = 0; steps.length < limit; k++) {
    const at = addDuration(start, times(step, k));
    // NaN: the step went past the dates a Date can hold, so past `end` too.
    if (!(at <= end)) break;
    steps.push(at);
  }
  return steps;
}

const times = (d: Duration, k: number): Duration => ({
  years: d.years * k,
  months: d.months * k,
  weeks: d.weeks * k,
  days: d.days * k,
  hours: d.hours * k,
  minutes: d.minutes * k,
  seconds: d.seconds * k,
});
