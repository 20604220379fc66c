import type { CommunityHistory } from "./community-history.js";
import type { CommunitySnapshot } from "./community-snapshot.js";
import { projectSnapshot } from "./project-snapshot.js";
import type { GraphQuery } from "./query.js";

/**
 * Remembers recent snapshots per history, keyed by (query, history version): a report asked
 * again (a dashboard, a researcher reproducing a figure) is not projected again. Any `apply`
 * changes the version, so a stale snapshot is never returned. Snapshots are shared between
 * callers: treat them as read-only (copy the graph, `graph.copy()`, before changing it).
 */
export class SnapshotCache {
  readonly #byHistory = new WeakMap<CommunityHistory, Map<string, CommunitySnapshot>>();

  constructor(readonly capacity = 32) {
    if (!(capacity >= 1)) throw new RangeError("capacity must be at least 1");
  }

  get(history: CommunityHistory, query: GraphQuery): CommunitySnapshot {
    let entries = this.#byHistory.get(history);
    if (!entries) {
      entries = new Map();
      this.#byHistory.set(history, entries);
    }
    const key = `${history.version}|${queryKey(query)}`;
    const cached = entries.get(key);
    if (cached) {
      // Map order is recency order: move the hit to the end.
      entries.delete(key);
      entries.set(key, cached);
      return cached;
    }
    const snapshot = projectSnapshot(history, query);
    entries.set(key, snapshot);
    for (const oldest of entries.keys()) {
      if (entries.size <= this.capacity) break;
      entries.delete(oldest);
    }
    return snapshot;
  }
}

/** Equal for queries that project the same snapshot (layer order and repeats do not matter). */
export function queryKey({ at, knownAt, from, halfLife, layers, minWeight }: GraphQuery): string {
  const layerKey = layers ? [...new Set(layers)].sort().join(",") : "*";
  return [at, knownAt, from ?? "-", halfLife ?? "-", layerKey, minWeight ?? 0].join("|");
}
