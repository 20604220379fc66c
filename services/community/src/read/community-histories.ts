import { CommunityHistory, type StoredEvent, toCheckpoint } from "@copgraph/analytics";
import type { AllSubscription, EventStore, Position, RecordedEvent } from "@copgraph/event-store";
import { communityOf, decodeEvent, isCommunityStream, recordedAtOf } from "../stream/community-stream.js";
import type { CheckpointFile, ReadModelCheckpoint } from "./read-model-checkpoint.js";
import { CheckpointSchedule } from "./read-model-checkpoint-schedule.js";

export interface CommunityHistoriesOptions {
  /** Where the read model keeps its checkpoint; without one every start replays the whole log. */
  readonly checkpoint?: CheckpointFile;
  /** Told why a checkpoint was not used or not written (the read model goes on without). Default: a process warning. */
  readonly onCheckpointProblem?: (message: string) => void;
}

export interface ProjectedCommunity {
  readonly history: CommunityHistory;
  /** Revision of the last event applied; -1 before the first. */
  revision: number;
}

interface Community extends ProjectedCommunity {
  readonly id: string;
}

/** `stored` is the event just applied (analytics threads replicate the read model from it). */
const warn = (message: string) => process.emitWarning(message, "CheckpointWarning");

type Listener = (communityId: string, revision: number, stored: StoredEvent) => void;

/**
 * The read model: every community's history, fed by one subscription to the whole log (catch-up,
 * then live). Readers wait until it has reached the revision they must see, so a read after a
 * write always includes that write. Every API replica runs its own.
 */
export class CommunityHistories {
  private readonly communities = new Map<string, Community>();
  private lastStream?: { readonly streamId: string; readonly community: Community };
  private readonly waiting = new Map<string, { revision: number; resolve: () => void }[]>();
  private readonly listeners = new Set<Listener>();
  private subscription?: AllSubscription;
  private running?: Promise<void>;
  private stopping = false;
  private failure?: Error;
  /** The last event seen (of any stream): where a checkpoint taken now resumes. */
  private last?: { readonly position: Position; readonly id: string };
  private readonly checkpoints?: CheckpointSchedule;

  constructor(
    private readonly store: EventStore,
    options: CommunityHistoriesOptions = {},
  ) {
    if (options.checkpoint) {
      const onProblem = options.onCheckpointProblem ?? warn;
      this.checkpoints = new CheckpointSchedule(options.checkpoint, () => this.checkpoint(), onProblem);
    }
  }

  /** Follows the log: from the checkpoint when there is a usable one, else from the start. */
  start(): void {
    if (this.running) return;
    this.running = this.checkpoints
      ? this.restore(this.checkpoints).then((from) => this.follow(from))
      : this.follow("start");
  }

  /** Stops following the log, then writes the checkpoint (when there is one to write). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.unsubscribe();
    await this.running;
    if (!this.failure) await this.checkpoints?.stop();
  }

  /**
   * The whole read model as a checkpoint, as of the last event seen; undefined before any event.
   * Synchronous, so it is one consistent state (about a second of work per million events).
   */
  checkpoint(): ReadModelCheckpoint | undefined {
    if (!this.last) return undefined;
    const communities = [...this.communities.values()].map(({ id, revision, history }) => ({
      communityId: id,
      revision,
      history: toCheckpoint(history),
    }));
    return { position: this.last.position, eventId: this.last.id, communities };
  }

  /** Writes the checkpoint now, if the read model has one and anything changed since it was last written. */
  async saveCheckpoint(): Promise<void> {
    await this.checkpoints?.flush();
  }

  private follow(from: Position | "start"): Promise<void> {
    if (this.stopping) return Promise.resolve();
    const subscription = this.store.subscribeToAll({ fromPosition: from });
    this.subscription = subscription;
    this.checkpoints?.start();
    return (async () => {
      try {
        for await (const event of subscription) this.apply(event);
      } catch (error) {
        this.failure = error as Error;
        for (const waiters of this.waiting.values()) for (const waiter of waiters) waiter.resolve();
      }
    })();
  }

  /**
   * Takes the read model from the checkpoint file when it can be used, and says where to resume.
   * A checkpoint that cannot be used is reported and ignored: the log is replayed instead.
   */
  private async restore(checkpoints: CheckpointSchedule): Promise<Position | "start"> {
    const restored = await checkpoints.read(this.store);
    if (!restored) return "start";
    for (const community of restored.communities) this.communities.set(community.id, community);
    this.last = restored.last;
    for (const { id, revision } of restored.communities) this.wakeWaiters(id, revision);
    return restored.last.position;
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
    this.last = recorded;
    const community = this.communityOfStream(recorded.streamId);
    if (!community) return;
    const revision = Number(recorded.revision);
    // A subscription may deliver an event twice across reconnects: apply each revision once.
    if (revision <= community.revision) return;
    const stored = { event: decodeEvent(recorded), recordedAt: recordedAtOf(recorded), revision };
    community.history.apply(stored);
    community.revision = revision;
    this.checkpoints?.applied();
    if (this.waiting.size > 0) this.wakeWaiters(community.id, revision);
    for (const listener of this.listeners) listener(community.id, revision, stored);
  }

  /** The community a stream holds (created on its first event); undefined for a stream of another kind. */
  private communityOfStream(streamId: string): Community | undefined {
    // A catch-up reads long runs of one stream: the last one found is most often the next.
    if (streamId === this.lastStream?.streamId) return this.lastStream.community;
    if (!isCommunityStream(streamId)) return undefined;
    const id = communityOf(streamId);
    let community = this.communities.get(id);
    if (!community) {
      community = { id, history: new CommunityHistory(), revision: -1 };
      this.communities.set(id, community);
    }
    this.lastStream = { streamId, community };
    return community;
  }

  private wakeWaiters(communityId: string, revision: number): void {
    const waiters = this.waiting.get(communityId);
    // Checked before filtering: during a catch-up a waiter sees a million events before its own.
    if (!waiters?.some((waiter) => waiter.revision <= revision)) return;
    const still = waiters.filter((waiter) => {
      if (waiter.revision > revision) return true;
      waiter.resolve();
      return false;
    });
    if (still.length > 0) this.waiting.set(communityId, still);
    else this.waiting.delete(communityId);
  }
}
