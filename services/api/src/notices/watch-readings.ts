import type { ReadingPoint } from "@copgraph/analytics";
import type { Watch } from "@copgraph/domain";

/** Watches whose readings are kept, over all communities: past it the least recently evaluated goes (and is read whole next time). */
const MAX_WATCHES = 256;

/**
 * Each watch's readings at the weekly steps of its last evaluation, so the next one reads again
 * only the steps whose reading can have changed. Bounded; a removed watch's readings go.
 */
export class WatchReadings {
  readonly #readings = new Map<string, readonly ReadingPoint[]>();

  constructor(private readonly capacity = MAX_WATCHES) {}

  get(communityId: string, watch: Watch): readonly ReadingPoint[] | undefined {
    return this.#readings.get(keyOf(communityId, watch));
  }

  set(communityId: string, watch: Watch, readings: readonly ReadingPoint[]): void {
    const key = keyOf(communityId, watch);
    // Deleted first, so the Map's order is the order of use: the first key is the least recent.
    this.#readings.delete(key);
    this.#readings.set(key, readings);
    for (const oldest of this.#readings.keys()) {
      if (this.#readings.size <= this.capacity) break;
      this.#readings.delete(oldest);
    }
  }

  /** Forgets the community's readings, but those of `standing` watches (default: none). */
  drop(communityId: string, standing: readonly Watch[] = []): void {
    const kept = new Set(standing.map((watch) => keyOf(communityId, watch)));
    const prefix = `${communityId}\n`;
    for (const key of [...this.#readings.keys()]) {
      if (key.startsWith(prefix) && !kept.has(key)) this.#readings.delete(key);
    }
  }

  clear(): void {
    this.#readings.clear();
  }
}

/** The condition is part of the key: readings of one condition never stand for another's. */
const keyOf = (communityId: string, { watchId, condition }: Watch) =>
  `${communityId}\n${watchId}\n${JSON.stringify(condition)}`;
