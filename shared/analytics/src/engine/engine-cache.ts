import type { CommunityHistory } from "../projection/community-history.js";
import type { GraphQuery } from "../projection/query.js";
import { queryKey } from "../projection/query-key.js";
import { EngineView } from "./engine-view.js";

const MIB = 1024 * 1024;

/**
 * Recent engine views across every community, keyed by (history, its version, query): a date
 * asked again is not projected again, and a new event never serves a stale view. Bounded twice,
 * least recently used dropped first: at most `capacity` views, and at most `maxBytes` of them by
 * their estimated size (a view of a million-tie graph is tens of MiB; of a demo community, kB).
 * Views are shared between callers: read-only.
 */
export class EngineCache {
  readonly #views = new Map<string, EngineView>();
  readonly #historyIds = new WeakMap<CommunityHistory, number>();
  #nextHistoryId = 0;

  constructor(
    readonly capacity = 32,
    readonly maxBytes = 512 * MIB,
  ) {
    if (!(capacity >= 1)) throw new RangeError("capacity must be at least 1");
  }

  get(history: CommunityHistory, query: GraphQuery): EngineView {
    const key = `${this.#historyId(history)}|${history.version}|${queryKey(query)}`;
    const cached = this.#views.get(key);
    if (cached) {
      // Map order is recency order: move the hit to the end.
      this.#views.delete(key);
      this.#views.set(key, cached);
      return cached;
    }
    const view = EngineView.of(history, query);
    this.#views.set(key, view);
    this.#evict();
    return view;
  }

  /** Drops the views of a history no longer kept (its community let go). */
  forget(history: CommunityHistory): void {
    const id = this.#historyIds.get(history);
    if (id === undefined) return;
    for (const key of [...this.#views.keys()]) if (key.startsWith(`${id}|`)) this.#views.delete(key);
  }

  /** The estimated bytes of the views kept. */
  get bytes(): number {
    let total = 0;
    for (const view of this.#views.values()) total += view.bytes;
    return total;
  }

  #evict(): void {
    let total = this.bytes;
    for (const [key, view] of this.#views) {
      // The newest view stays even alone over the budget: it is the one being answered.
      if (this.#views.size <= 1 || (this.#views.size <= this.capacity && total <= this.maxBytes)) break;
      total -= view.bytes;
      this.#views.delete(key);
    }
  }

  #historyId(history: CommunityHistory): number {
    let id = this.#historyIds.get(history);
    if (id === undefined) {
      id = this.#nextHistoryId++;
      this.#historyIds.set(history, id);
    }
    return id;
  }
}
