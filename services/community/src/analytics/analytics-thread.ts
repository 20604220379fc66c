import type { Worker } from "node:worker_threads";
import { type CommunityHistory, toCheckpoint } from "@copgraph/analytics";
import { startWorker } from "@copgraph/event-store";
import type {
  AnalyticsTask,
  AnalyticsThreadData,
  AppliedEvent,
  FromAnalyticsThread,
  TaskAnswer,
  ToAnalyticsThread,
} from "./worker-protocol.js";

/**
 * What a replica's community is estimated to take per event (its history's records and timelines,
 * its tie index): about 450 B measured on the 1,000,000-event benchmark community, rounded up.
 */
export const REPLICA_BYTES_PER_EVENT = 512;

/** A community as the read model holds it now (its live entry: both change as events are applied). */
export interface ReplicaSource {
  readonly history: CommunityHistory;
  readonly revision: number;
}

export interface ThreadEvents {
  /** The thread answered its task (done, stopped or failed). */
  answered(thread: AnalyticsThread, message: TaskAnswer): void;
  /** The thread is gone (crashed, failed to start, or was terminated). */
  gone(thread: AnalyticsThread, error: Error): void;
}

/**
 * The API thread's side of one analytics thread: starts it, seeds its replica with a community
 * before the first task about it, forwards that community's events, hands it one task at a time
 * and tells it to stop one.
 */
export class AnalyticsThread {
  readonly #worker: Worker;
  readonly #stopFlag = new Int32Array(new SharedArrayBuffer(4));
  /** Communities its replica holds, least recently used first, each with its estimated bytes. */
  readonly #holds = new Map<string, number>();
  #gone = false;
  /** Its code loaded: a failure after that is worth a new thread, one before it is not. */
  up = false;
  /** The task it computes, until it answers. */
  task: number | undefined;

  constructor(
    private readonly events: ThreadEvents,
    /** Estimated bytes of replicas it may hold; past it, the least recently used communities go. */
    private readonly replicaBudgetBytes = Number.POSITIVE_INFINITY,
  ) {
    const extension = import.meta.url.endsWith(".ts") ? "ts" : "js";
    const data: AnalyticsThreadData = { stop: this.#stopFlag.buffer as SharedArrayBuffer };
    this.#worker = startWorker(new URL(`./analytics-worker.${extension}`, import.meta.url), data);
    this.#worker.on("message", (message: FromAnalyticsThread) => {
      if (message.kind === "ready") {
        this.up = true;
        return;
      }
      if (message.id !== this.task) return;
      this.task = undefined;
      this.events.answered(this, message);
    });
    this.#worker.on("error", (error) => this.#end(error));
    this.#worker.on("exit", (code) => this.#end(new Error(`an analytics thread stopped with exit code ${code}`)));
  }

  /** Alive and without a task (tasks sent while its code loads wait in its port). */
  get idle(): boolean {
    return !this.#gone && this.task === undefined;
  }

  holds(communityId: string): boolean {
    return this.#holds.has(communityId);
  }

  /** Communities its replica holds, least recently used first. */
  get held(): string[] {
    return [...this.#holds.keys()];
  }

  /**
   * Gives its replica the community as the read model holds it now; later events follow by
   * `forward`. Communities used least recently are let go first to stay within the byte budget
   * (never the one seeded: it is about to be asked).
   */
  seed(communityId: string, source: ReplicaSource): void {
    const { revision, history } = source;
    const bytes = history.version * REPLICA_BYTES_PER_EVENT;
    let total = bytes;
    for (const held of this.#holds.values()) total += held;
    for (const [held, heldBytes] of this.#holds) {
      if (total <= this.replicaBudgetBytes) break;
      this.#post({ kind: "drop", communityId: held });
      this.#holds.delete(held);
      total -= heldBytes;
    }
    this.#post({ kind: "seed", communityId, revision, history: toCheckpoint(history) });
    this.#holds.set(communityId, bytes);
  }

  /** Sends the events of the communities it holds. */
  forward(events: readonly AppliedEvent[]): void {
    if (this.#gone) return;
    const held = events.filter(({ communityId }) => this.#holds.has(communityId));
    for (const { communityId } of held) {
      this.#holds.set(communityId, (this.#holds.get(communityId) ?? 0) + REPLICA_BYTES_PER_EVENT);
    }
    if (held.length > 0) this.#post({ kind: "events", events: held });
  }

  run(task: AnalyticsTask): void {
    this.task = task.id;
    // Most recently used last: it is let go last.
    const bytes = this.#holds.get(task.communityId);
    if (bytes !== undefined) {
      this.#holds.delete(task.communityId);
      this.#holds.set(task.communityId, bytes);
    }
    this.#post({ kind: "task", task });
  }

  /** Asks the thread to stop `taskId`; it answers `stopped` at its next check. */
  stop(taskId: number): void {
    Atomics.store(this.#stopFlag, 0, taskId);
  }

  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }

  #post(message: ToAnalyticsThread): void {
    this.#worker.postMessage(message);
  }

  #end(error: Error): void {
    if (this.#gone) return;
    this.#gone = true;
    this.events.gone(this, error);
    void this.#worker.terminate();
  }
}
