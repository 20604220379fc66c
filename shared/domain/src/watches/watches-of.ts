import type { WatchCondition } from "./watch-condition.js";
import type { WatchEvent } from "./watch-events.js";

export interface Watch {
  readonly watchId: string;
  readonly condition: WatchCondition;
  /** When it was set (valid time). */
  readonly setAt: string;
}

/** The watches standing after these events, in the order they were set. Pure. */
export function watchesOf(events: Iterable<WatchEvent>): Watch[] {
  const standing = new Map<string, Watch>();
  for (const event of events) {
    if (event.type === "WatchSet") {
      const { watchId, condition, occurredAt } = event.data;
      standing.set(watchId, { watchId, condition, setAt: occurredAt });
    } else standing.delete(event.data.watchId);
  }
  return [...standing.values()];
}

export type WatchDecision = { ok: true; event: WatchEvent } | { ok: false; code: "watch_exists" | "unknown_watch" };

/** A new watch needs an id not set before; removing one needs it to stand. */
export function decideWatch(standing: readonly Watch[], event: WatchEvent): WatchDecision {
  const exists = standing.some((watch) => watch.watchId === event.data.watchId);
  if (event.type === "WatchSet" && exists) return { ok: false, code: "watch_exists" };
  if (event.type === "WatchRemoved" && !exists) return { ok: false, code: "unknown_watch" };
  return { ok: true, event };
}
