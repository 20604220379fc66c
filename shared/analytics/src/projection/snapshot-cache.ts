import type { CommunityHistory } from "./community-history.js";
import type { CommunitySnapshot } from "./community-snapshot.js";
import { projectSnapshot } from "./project-snapshot.js";
import type { GraphQuery } from "./query.js";

/**
 * Remembers what was made for recent queries per history, keyed by (query, history version),
 * least recently used dropped first: a report asked again (a dashboard, a researcher reproducing
 * a figure) is not made again, and any `apply` changes the version, so nothing stale is
 * returned. Entries are shared between callers: treat them as read-only.
 */
export class HistoryCache<V> {
  readonly #byHistory = new WeakMap<CommunityHistory, Map<string, V>>();

  constructor(
    readonly capacity: number,
    private readonly make: (history: CommunityHistory, query: GraphQuery) => V,
  ) {
    if (!(capacity >= 1)) throw new RangeError("capacity must be at least 1");
  }

  get(history: CommunityHistory, query: GraphQuery): V {
    let entries = this.#byHistory.get(history);
    if (!entries) {
      entries = new Map();
      this.#byHistory.set(history, entries);
    }
    const key = `${history.version}|${queryKey(query)}`;
    if (entries.has(key)) {
      const cached = entries.get(key) as V;
      // Map order is recency order: move the hit to the end.
      entries.delete(key);
      entries.set(key, cached);
      return cached;
    }
    const made = this.make(history, query);
    entries.set(key, made);
    for (const oldest of entries.keys()) {
      if (entries.size <= this.capacity) break;
      entries.delete(oldest);
    }
    return made;
  }
}

/** Snapshots of the reference projection (copy the graph, `graph.copy()`, before changing it). */
export class SnapshotCache extends HistoryCache<CommunitySnapshot> {
  constructor(capacity = 32) {
    super(capacity, projectSnapshot);
  }
}

/** Equal for queries that project the same snapshot (layer order and repeats do not matter). */
export function queryKey({ at, knownAt, from, halfLife, layers, minWeight }: GraphQuery): string {
  const layerKey = layers ? [...new Set(layers)].sort().join(",") : "*";
  return [at, knownAt, from ?? "-", halfLife ?? "-", layerKey, minWeight ?? 0].join("|");
}
