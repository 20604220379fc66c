import type { StoredEvent } from "@copgraph/analytics";

/** More than this since a community's last evaluation and they are not kept: the next evaluation reads everything again. */
const MAX_KEPT_PER_COMMUNITY = 10_000;

/** What was applied to a community's history since its last evaluation took it. */
export interface RecordedSince {
  readonly events: readonly StoredEvent[];
  /** Too many to keep (or not followed all along): every reading may have changed. */
  readonly overflowed: boolean;
}

/**
 * The events applied to each followed community since its last evaluation, as the read model
 * tells them (CommunityHistories.onChange): what says which cached readings still stand. A
 * community is followed from its first `take` until `forget`; events of others are not kept.
 */
export class RecordedSinceEvaluation {
  readonly #since = new Map<string, { events: StoredEvent[]; overflowed: boolean }>();

  note(communityId: string, stored: StoredEvent): void {
    const since = this.#since.get(communityId);
    if (!since || since.overflowed) return;
    if (since.events.length >= MAX_KEPT_PER_COMMUNITY) {
      since.events = [];
      since.overflowed = true;
    } else since.events.push(stored);
  }

  /**
   * What was noted since the last take (overflowed on the first one: nothing was followed
   * before), and follows the community from now on.
   */
  take(communityId: string): RecordedSince {
    const taken = this.#since.get(communityId) ?? { events: [], overflowed: true };
    this.#since.set(communityId, { events: [], overflowed: false });
    return taken;
  }

  /** Puts back what a take returned, before what was noted since: it counts again next time. */
  putBack(communityId: string, taken: RecordedSince): void {
    const since = this.#since.get(communityId);
    if (!since) return;
    since.overflowed ||= taken.overflowed || taken.events.length + since.events.length > MAX_KEPT_PER_COMMUNITY;
    since.events = since.overflowed ? [] : [...taken.events, ...since.events];
  }

  forget(communityId: string): void {
    this.#since.delete(communityId);
  }

  clear(): void {
    this.#since.clear();
  }
}
