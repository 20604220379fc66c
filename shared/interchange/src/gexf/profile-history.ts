// A member's attributes over valid time, as known at one transaction time: for each attribute,
// the runs of equal values. GEXF writes each run as an attvalue with its own spell.
import type { MemberJoin, MemberTimeline } from "@copgraph/analytics";

export interface ValueRun {
  readonly value: string;
  /** Valid time the value took effect (ms). */
  readonly start: number;
  /** Valid time the next value (or removal) took effect (ms); none: still in effect at `at`. */
  readonly end?: number;
}

/**
 * Runs per attribute from the join to `at`, using only changes known at `knownAt`. Profiles come
 * from the analytics' own `profileAt`, so each run's value is what a projection would show then.
 */
export function attributeRuns(
  timeline: MemberTimeline,
  join: MemberJoin,
  at: number,
  knownAt: number,
): Map<string, ValueRun[]> {
  const times = new Set<number>([join.occurredAt]);
  for (const change of timeline.changes.between(Number.NEGATIVE_INFINITY, at)) {
    // A change dated before the join takes effect from the join (profileAt applies it there too).
    if (change.recordedAt <= knownAt) times.add(Math.max(change.occurredAt, join.occurredAt));
  }
  const runs = new Map<string, ValueRun[]>();
  const open = new Map<string, { value: string; start: number }>();
  const close = (name: string, end: number) => {
    const current = open.get(name);
    if (!current) return;
    let list = runs.get(name);
    if (!list) {
      list = [];
      runs.set(name, list);
    }
    list.push({ ...current, end });
    open.delete(name);
  };
  for (const time of [...times].sort((a, b) => a - b)) {
    const profile = timeline.profileAt(join, time, knownAt);
    for (const name of open.keys()) if (profile[name] !== open.get(name)!.value) close(name, time);
    for (const [name, value] of Object.entries(profile)) {
      if (value !== undefined && !open.has(name)) open.set(name, { value, start: time });
    }
  }
  for (const [name, current] of open) {
    const list = runs.get(name) ?? [];
    list.push(current);
    runs.set(name, list);
  }
  return runs;
}
