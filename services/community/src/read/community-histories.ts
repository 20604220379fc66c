import { CommunityHistory } from "@copgraph/analytics";
import type { AllSubscription, EventStore, RecordedEvent } from "@copgraph/event-store";
import { communityOf, decodeEvent, isCommunityStream } from "../stream/community-stream.js";

export interface ProjectedCommunity {
  readonly history: CommunityHistory;
  /** Revision of the last event applied; -1 before the first. */
  revision: number;
}

type Listener = (communityId: string, revision: number) => void;

/**
 * The read model: every community's history, fed by one subscription to the whole log (catch-up,
 * then live). Readers wait until it has reached the revision they must see, so a read after a
 * write always includes that write. Every API replica runs its own.
 */
export class CommunityHistories {
  private readonly communities = new Map<string, ProjectedCommunity>();
  private readonly waiting = new Map<string, { revision: number; resolve: () => void }[]>();
  private readonly listeners = new Set<Listener>();
  private subscription?: AllSubscription;
  private running?: Promise<void>;
  private failure?: Error;

  constructor(private readonly store: EventStore) {}

  start(): void {
    if (this.subscription) return;
    const subscription = this.store.subscribeToAll({ fromPosition: "start" });
    this.subscription = subscription;
    this.running = (async () => {
      try {
        for await (const event of subscription) this.apply(event);
      } catch (error) {
        this.failure = error as Error;
        for (const waiters of this.waiting.values()) for (const waiter of waiters) waiter.resolve();
      }
    })();
  }

  async stop(): Promise<void> {
    await this.subscription?.unsubscribe();
    await this.running;
  }

  /**
   * The community's history once it includes `revision` (the writer's current revision). When
   * `signal` aborts first, the wait is given up: it rejects with the signal's reason.
   */
  async at(communityId: string, revision: number, signal?: AbortSignal): Promise<ProjectedCommunity | undefined> {
    const current = this.communities.get(communityId);
    if ((current?.revision ?? -1) < revision) {
      await new Promise<void>((resolve, reject) => {
        const waiter = { revision, resolve };
        const waiters = this.waiting.get(communityId) ?? [];
        waiters.push(waiter);
        this.waiting.set(communityId, waiters);
        signal?.addEventListener(
          "abort",
          () => {
            this.giveUp(communityId, waiter);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    }
    if (this.failure) throw this.failure;
    return this.communities.get(communityId);
  }

  private giveUp(communityId: string, waiter: { revision: number; resolve: () => void }): void {
    const still = (this.waiting.get(communityId) ?? []).filter((other) => other !== waiter);
    if (still.length > 0) this.waiting.set(communityId, still);
    else this.waiting.delete(communityId);
  }

  /** Called after each event applied; returns a function that stops listening. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private apply(recorded: RecordedEvent): void {
    if (!isCommunityStream(recorded.streamId)) return;
    const communityId = communityOf(recorded.streamId);
    let community = this.communities.get(communityId);
    if (!community) {
      community = { history: new CommunityHistory(), revision: -1 };
      this.communities.set(communityId, community);
    }
    const revision = Number(recorded.revision);
    // A subscription may deliver an event twice across reconnects: apply each revision once.
    if (revision <= community.revision) return;
    const recordedAt = Date.parse(String(recorded.metadata.recordedAt ?? "")) || recorded.created.getTime();
    community.history.apply({
      event: decodeEvent(recorded),
      recordedAt,
      revision,
    });
    community.revision = revision;
    const waiters = this.waiting.get(communityId);
    if (waiters) {
      const still = waiters.filter((waiter) => {
        if (waiter.revision > revision) return true;
        waiter.resolve();
        return false;
      });
      if (still.length > 0) this.waiting.set(communityId, still);
      else this.waiting.delete(communityId);
    }
    for (const listener of this.listeners) listener(communityId, revision);
  }
}
