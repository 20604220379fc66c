import { availableParallelism } from "node:os";
import type { StoredEvent } from "@copgraph/analytics";
import { AnalyticsBudgetExceeded, AnalyticsBusy } from "../errors.js";
import { AnalyticsThread, type ReplicaSource } from "./analytics-thread.js";
import type { AnalyticsTask, AppliedEvent, TaskAnswer, TaskResult } from "./worker-protocol.js";

/** A thread told to stop that has not answered within this is replaced (an indicator that never checks). */
const STOP_GRACE_MS = 5_000;

/** One thread per core but one, so the API thread keeps a core for everything else. */
export const defaultAnalyticsThreads = () => Math.max(1, availableParallelism() - 1);

export interface AnalyticsPoolOptions {
  /** Threads (default: one less than the cores, at least one). */
  readonly threads?: number;
  /** How long a thread told to stop may take before it is replaced (default 5 s). */
  readonly stopGraceMs?: number;
  /** Estimated bytes of the communities each thread's replica may hold (default 1 GiB). */
  readonly replicaBudgetBytes?: number;
}

/** Enough for the 1,000,000-event benchmark community and many small ones beside it. */
const DEFAULT_REPLICA_BUDGET_BYTES = 1024 * 1024 * 1024;

interface Queued {
  readonly task: AnalyticsTask;
  readonly source: ReplicaSource;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (result: TaskResult) => void;
  readonly reject: (error: unknown) => void;
  readonly letGo: () => void;
  thread?: AnalyticsThread;
  settled?: true;
}

/**
 * Indicators off the API thread: a few worker threads compute one task at a time, first come
 * first served, each on its replica of the read model. A thread is given a community (a
 * checkpoint of the read model's history of it) before its first task about it, and from then
 * every event the read model applies to it (batched per turn of the event loop). A caller that
 * gives up (its signal aborts: time budget spent, client gone) is answered at once and its thread
 * is told to stop; a thread that does not stop within the grace is replaced by an empty one.
 * Threads start on first use, or at `start`.
 */
export class AnalyticsPool {
  readonly size: number;
  /** How the tasks given up while running ended: stopped by their thread, or by replacing it. */
  readonly stops = { byThread: 0, byReplacing: 0 };
  readonly #stopGraceMs: number;
  readonly #replicaBudgetBytes: number;
  readonly #threads = new Set<AnalyticsThread>();
  readonly #running = new Map<AnalyticsThread, Queued>();
  readonly #graceTimers = new Map<AnalyticsThread, NodeJS.Timeout>();
  readonly #queue: Queued[] = [];
  #pending: AppliedEvent[] = [];
  #flushScheduled = false;
  #nextTaskId = 1;
  #closed = false;

  constructor(options: AnalyticsPoolOptions = {}) {
    this.size = options.threads ?? defaultAnalyticsThreads();
    if (!(this.size >= 1)) throw new RangeError("an analytics pool needs at least one thread");
    this.#stopGraceMs = options.stopGraceMs ?? STOP_GRACE_MS;
    this.#replicaBudgetBytes = options.replicaBudgetBytes ?? DEFAULT_REPLICA_BUDGET_BYTES;
  }

  /** Threads computing a task now (one given up counts until its thread has stopped). */
  get busy(): number {
    return this.#running.size;
  }

  /** Called for every event the read model applies, in its order. */
  applied(communityId: string, stored: StoredEvent): void {
    if (!this.#anyHolds(communityId)) return;
    this.#pending.push({ communityId, stored });
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => this.#flush());
  }

  /** Starts the threads now rather than at the first task (a server, so its first answer is not slowed). */
  start(): void {
    while (!this.#closed && this.#threads.size < this.size) this.#threads.add(this.#newThread());
  }

  /**
   * What the task asks, computed on a thread; `source` is the read model's entry of the
   * community, to seed a thread that does not hold it yet. When `signal` aborts first, rejects
   * with its reason (AnalyticsBusy instead of AnalyticsBudgetExceeded while it waits for a thread).
   */
  run(task: Omit<AnalyticsTask, "id">, source: ReplicaSource, signal?: AbortSignal): Promise<TaskResult> {
    if (this.#closed) return Promise.reject(new Error("the analytics pool is closed"));
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.start();
    return new Promise((resolve, reject) => {
      const giveUp = () => this.#giveUp(queued);
      const queued: Queued = {
        task: { ...task, id: this.#nextTaskId++ },
        source,
        signal,
        resolve,
        reject,
        // A request's signal serves all its tasks (a timeline's dates): each lets go of it when settled.
        letGo: () => signal?.removeEventListener("abort", giveUp),
      };
      signal?.addEventListener("abort", giveUp, { once: true });
      this.#queue.push(queued);
      this.#dispatch();
    });
  }

  /** Stops every thread; tasks waiting or running are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    const closed = new Error("the analytics pool is closed");
    for (const queued of [...this.#queue, ...this.#running.values()]) this.#settle(queued, closed);
    this.#queue.length = 0;
    for (const timer of this.#graceTimers.values()) clearTimeout(timer);
    const threads = [...this.#threads];
    this.#threads.clear();
    await Promise.all(threads.map((thread) => thread.terminate()));
  }

  /** The communities each thread's replica holds, least recently used first. */
  get held(): string[][] {
    return [...this.#threads].map((thread) => thread.held);
  }

  #newThread(): AnalyticsThread {
    return new AnalyticsThread(
      {
        answered: (thread, message) => this.#answered(thread, message),
        gone: (thread, error) => this.#gone(thread, error),
      },
      this.#replicaBudgetBytes,
    );
  }

  /** Only replicas that hold a community want its events; one seeded later starts from a checkpoint. */
  #anyHolds(communityId: string): boolean {
    for (const thread of this.#threads) if (thread.holds(communityId)) return true;
    return false;
  }

  #flush(): void {
    this.#flushScheduled = false;
    if (this.#pending.length === 0) return;
    const events = this.#pending;
    this.#pending = [];
    for (const thread of this.#threads) thread.forward(events);
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const thread = [...this.#threads].find((candidate) => candidate.idle);
      if (!thread) return;
      const queued = this.#queue.shift() as Queued;
      // Events applied this turn go first: the task is computed on a replica that holds them.
      this.#flush();
      try {
        if (!thread.holds(queued.task.communityId)) thread.seed(queued.task.communityId, queued.source);
      } catch (error) {
        this.#settle(queued, error);
        continue;
      }
      queued.thread = thread;
      this.#running.set(thread, queued);
      thread.run(queued.task);
    }
  }

  #giveUp(queued: Queued): void {
    if (queued.settled) return;
    const reason = queued.signal?.reason;
    const thread = queued.thread;
    if (!thread) {
      this.#queue.splice(this.#queue.indexOf(queued), 1);
      const busy = reason instanceof AnalyticsBudgetExceeded;
      this.#settle(queued, busy ? new AnalyticsBusy(reason.budgetMs, reason.retryAfterSeconds) : reason);
      return;
    }
    this.#settle(queued, reason);
    thread.stop(queued.task.id);
    const timer = setTimeout(() => {
      this.#graceTimers.delete(thread);
      this.stops.byReplacing += 1;
      void thread.terminate();
    }, this.#stopGraceMs);
    timer.unref();
    this.#graceTimers.set(thread, timer);
  }

  #answered(thread: AnalyticsThread, message: TaskAnswer): void {
    clearTimeout(this.#graceTimers.get(thread));
    this.#graceTimers.delete(thread);
    if (message.kind === "stopped") this.stops.byThread += 1;
    const queued = this.#running.get(thread);
    this.#running.delete(thread);
    if (queued) {
      if (message.kind === "done") this.#settle(queued, undefined, message.result);
      else if (message.kind === "failed") this.#settle(queued, new Error(message.message));
      else this.#settle(queued, new Error(`task ${message.id} stopped without being asked to`));
    }
    this.#dispatch();
  }

  #gone(thread: AnalyticsThread, error: Error): void {
    clearTimeout(this.#graceTimers.get(thread));
    this.#graceTimers.delete(thread);
    this.#threads.delete(thread);
    const queued = this.#running.get(thread);
    this.#running.delete(thread);
    if (queued) this.#settle(queued, error);
    if (this.#closed) return;
    if (thread.up) {
      this.#threads.add(this.#newThread());
      this.#dispatch();
      return;
    }
    // One that never came up is not restarted in a loop: with none left, the tasks waiting fail
    // with its error, and the next task starts threads again.
    if (this.#threads.size === 0) for (const waiting of this.#queue.splice(0)) this.#settle(waiting, error);
  }

  #settle(queued: Queued, error: unknown, result?: TaskResult): void {
    if (queued.settled) return;
    queued.settled = true;
    queued.letGo();
    if (result) queued.resolve(result);
    else queued.reject(error);
  }
}
