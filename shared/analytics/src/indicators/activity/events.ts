// Activity as the activity.* (and roles.*) indicators read it from a window's facts.
// A member's activity events: one per interaction they take part in (source or recipient, any
// kind) and one per gathering they attend, at the fact's time; a fact counts once per member.
// Active member: one with at least one activity event in the window.
//
// Period grid over the window [start, at], anchored at `at` so the latest period is always whole:
// with P the period length, period k back from `at` covers (at − (k+1)P, at − kP]; there are
// K = max(1, ⌈(at − start)/P⌉) of them and the oldest is cut at (and includes) `start`.
// start = query.from, or without it the earliest fact or join time (no grid when there is none).
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";

/** Each active member's event times, ascending (equal times kept: two facts at one instant). */
export function memberEventTimes(snapshot: CommunitySnapshot): Map<string, number[]> {
  const times = new Map<string, number[]>();
  const add = (member: string, at: number) => {
    const list = times.get(member);
    if (list) list.push(at);
    else times.set(member, [at]);
  };
  for (const i of snapshot.interactions) for (const m of new Set([i.from, ...i.to])) add(m, i.occurredAt);
  for (const g of snapshot.gatherings)
    for (const m of new Set(g.participants.map((p) => p.memberId))) add(m, g.occurredAt);
  for (const list of times.values()) list.sort((a, b) => a - b);
  return times;
}

/** Members with any interaction (source or recipient) or gathering participation in the window. */
export function activeMembers(snapshot: CommunitySnapshot): Set<string> {
  return new Set(memberEventTimes(snapshot).keys());
}

/** Times of the window's facts (each interaction and gathering once), ascending. */
export function factTimes(snapshot: CommunitySnapshot): number[] {
  return [...snapshot.interactions.map((i) => i.occurredAt), ...snapshot.gatherings.map((g) => g.occurredAt)].sort(
    (a, b) => a - b,
  );
}

export interface Period {
  /** Exclusive start, except the oldest period's, which is the window start, inclusive (ms). */
  readonly start: number;
  /** Inclusive end (ms). */
  readonly end: number;
  /** Shorter than P (only the oldest can be). */
  readonly partial: boolean;
}

export interface PeriodGrid {
  /** Oldest first. */
  readonly periods: readonly Period[];
  /** Index into `periods` of time t, or −1 outside [start, at]. */
  indexOf(t: number): number;
}

export function periodGrid(snapshot: CommunitySnapshot, periodMs: number): PeriodGrid {
  const { at, from } = snapshot.query;
  let start = from;
  if (start === undefined) {
    let earliest = factTimes(snapshot)[0] ?? Number.POSITIVE_INFINITY;
    for (const t of snapshot.joinedAt.values()) if (t < earliest) earliest = t;
    if (earliest !== Number.POSITIVE_INFINITY) start = earliest;
  }
  if (start === undefined || start > at) return { periods: [], indexOf: () => -1 };
  const windowStart = start;
  const count = Math.max(1, Math.ceil((at - windowStart) / periodMs));
  const periods: Period[] = [];
  for (let i = 0; i < count; i++) {
    const back = count - 1 - i;
    const end = at - back * periodMs;
    const oldest = i === 0;
    const periodStart = oldest ? windowStart : end - periodMs;
    periods.push({ start: periodStart, end, partial: oldest && end - windowStart < periodMs });
  }
  return {
    periods,
    indexOf: (t) => (t < windowStart || t > at ? -1 : count - 1 - Math.min(Math.floor((at - t) / periodMs), count - 1)),
  };
}

/** Active members per period of the grid. */
export function activeByPeriod(snapshot: CommunitySnapshot, grid: PeriodGrid): Set<string>[] {
  const active = grid.periods.map(() => new Set<string>());
  for (const [member, times] of memberEventTimes(snapshot)) {
    for (const t of times) {
      const index = grid.indexOf(t);
      if (index >= 0) active[index]!.add(member);
    }
  }
  return active;
}
