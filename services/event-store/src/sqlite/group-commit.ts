import type Database from "better-sqlite3";
import type { AppendResult } from "../port.js";
import { applyAppend, type QueuedAppend, TransactionBrokenError } from "./append.js";
import type { Statements } from "./statements.js";

interface Pending extends QueuedAppend {
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

export interface GroupCommitStats {
  /** Transactions committed (one fsync each). */
  flushes: number;
  /** Append calls settled by a commit (successful or not). */
  appends: number;
  /** Events of the appends that succeeded (an idempotent retry counts though it wrote nothing). */
  events: number;
}

/**
 * Group commit: appends made in the same event-loop turn(s) are queued and written in ONE
 * transaction, so concurrent writers share one fsync instead of paying one each (~5k/s otherwise).
 * Each append runs in its own savepoint, so one failing append does not undo the others, and every
 * promise settles only after COMMIT.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  readonly stats: GroupCommitStats = { flushes: 0, appends: 0, events: 0 };

  constructor(
    private readonly db: Database.Database,
    private readonly st: Statements,
    /** Called after each COMMIT that wrote something, so subscribers read the new events. */
    private readonly onCommit: () => void,
    /** Caps one transaction; an append is never split, so a larger one goes alone. */
    private readonly maxEventsPerFlush: number,
  ) {}

  enqueue(item: QueuedAppend): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ ...item, resolve, reject });
      // setImmediate runs after the current turn's microtasks and I/O callbacks: everything appended
      // meanwhile joins this flush.
      this.scheduled ??= setImmediate(() => this.flushQueued());
    });
  }

  /** Writes everything queued now (used by close). */
  flushAll(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    while (this.queue.length > 0) this.flushOnce();
  }

  private flushQueued(): void {
    this.scheduled = undefined;
    this.flushOnce();
    if (this.queue.length > 0) this.scheduled = setImmediate(() => this.flushQueued());
  }

  private takeBatch(): Pending[] {
    let events = 0;
    let count = 0;
    for (const item of this.queue) {
      if (count > 0 && events + item.events.length > this.maxEventsPerFlush) break;
      events += item.events.length;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  private flushOnce(): void {
    const batch = this.takeBatch();
    if (batch.length === 0) return;
    const now = Date.now();
    const outcomes: Outcome[] = [];
    try {
      this.st.begin.run();
      for (const item of batch) {
        try {
          outcomes.push({ ok: true, result: applyAppend(this.st, item, now) });
        } catch (error) {
          // SQLite may abort the whole transaction on some errors (disk full, I/O): then nothing of
          // this flush is stored, and going on would autocommit the rest one by one.
          if (!this.db.inTransaction || error instanceof TransactionBrokenError) throw error;
          outcomes.push({ ok: false, error });
        }
      }
      this.st.commit.run();
    } catch (error) {
      try {
        if (this.db.inTransaction) this.st.rollback.run();
      } catch {
        // Nothing more to undo from here: SQLite rolls back an unfinished transaction on close.
      }
      for (const item of batch) item.reject(error);
      this.stats.appends += batch.length;
      return;
    }
    this.stats.flushes += 1;
    this.stats.appends += batch.length;
    let written = 0;
    batch.forEach((item, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) {
        written += item.events.length;
        item.resolve(outcome.result);
      } else {
        item.reject(outcome.error);
      }
    });
    this.stats.events += written;
    if (written > 0) this.onCommit();
  }
}
