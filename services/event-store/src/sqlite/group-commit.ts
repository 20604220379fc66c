import type Database from "better-sqlite3";
import type { AppendResult } from "../port.js";
import { applyAppend, type QueuedAppend, TransactionBrokenError } from "./append.js";
import type { Statements } from "./statements.js";

/** An append waiting for a flush; `ticket` names it in the outcome. */
export interface TicketedAppend extends QueuedAppend {
  readonly ticket: number;
}

export type AppendOutcome =
  | {
      readonly ticket: number;
      readonly ok: true;
      readonly result: AppendResult;
      /** Events this append stored (0 for a retry), at the positions that end at result.position. */
      readonly stored: number;
      /** The transaction time given to them (ms since the epoch). */
      readonly created: number;
    }
  | { readonly ticket: number; readonly ok: false; readonly error: unknown };

export interface GroupCommitStats {
  /** Transactions committed (one fsync each). */
  flushes: number;
  /** Append calls settled by a commit (successful or not). */
  appends: number;
  /** Events of the appends that succeeded (an idempotent retry counts though it wrote nothing). */
  events: number;
}

/**
 * Group commit: appends queued in the same event-loop turn(s) are written in ONE transaction, so
 * concurrent writers share one fsync instead of paying one each (~5k/s otherwise). Each append runs
 * in its own savepoint, so one failing append does not undo the others, and outcomes are reported
 * only after COMMIT.
 */
export class GroupCommit {
  private queue: TicketedAppend[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  /** While a stream transaction is open, appends wait in the queue. */
  private paused = false;
  readonly stats: GroupCommitStats = { flushes: 0, appends: 0, events: 0 };

  constructor(
    private readonly db: Database.Database,
    private readonly st: Statements,
    /** Called once per transaction with the outcome of every append in it; `wrote` when events were stored. */
    private readonly onFlushed: (outcomes: AppendOutcome[], wrote: boolean) => void,
    /** Caps one transaction; an append is never split, so a larger one goes alone. */
    private readonly maxEventsPerFlush: number,
    /** Called before each flush takes its batch: a chance to queue appends that already arrived. */
    private readonly beforeFlush: () => void = () => {},
  ) {}

  enqueue(item: TicketedAppend): void {
    this.queue.push(item);
    // setImmediate runs after the current turn's callbacks: everything queued meanwhile joins this flush.
    this.scheduled ??= setImmediate(() => this.flushQueued());
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    if (this.queue.length > 0) this.scheduled ??= setImmediate(() => this.flushQueued());
  }

  /** Writes everything queued now (used by close and before a stream transaction). */
  flushAll(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    while (this.queue.length > 0) this.flushOnce();
  }

  private flushQueued(): void {
    this.scheduled = undefined;
    if (this.paused) return;
    this.flushOnce();
    if (this.queue.length > 0) this.scheduled = setImmediate(() => this.flushQueued());
  }

  private takeBatch(): TicketedAppend[] {
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
    this.beforeFlush();
    const batch = this.takeBatch();
    if (batch.length === 0) return;
    const now = Date.now();
    const outcomes: AppendOutcome[] = [];
    try {
      this.st.begin.run();
      for (const item of batch) {
        try {
          const { result, stored } = applyAppend(this.st, item, now);
          outcomes.push({ ticket: item.ticket, ok: true, result, stored, created: now });
        } catch (error) {
          // SQLite may abort the whole transaction on some errors (disk full, I/O): then nothing of
          // this flush is stored, and going on would autocommit the rest one by one.
          if (!this.db.inTransaction || error instanceof TransactionBrokenError) throw error;
          outcomes.push({ ticket: item.ticket, ok: false, error });
        }
      }
      this.st.commit.run();
    } catch (error) {
      try {
        if (this.db.inTransaction) this.st.rollback.run();
      } catch {
        // Nothing more to undo from here: SQLite rolls back an unfinished transaction on close.
      }
      this.stats.appends += batch.length;
      this.onFlushed(
        batch.map((item) => ({ ticket: item.ticket, ok: false, error })),
        false,
      );
      return;
    }
    this.stats.flushes += 1;
    this.stats.appends += batch.length;
    let written = 0;
    batch.forEach((item, i) => {
      if ((outcomes[i] as AppendOutcome).ok) written += item.events.length;
    });
    this.stats.events += written;
    this.onFlushed(outcomes, written > 0);
  }
}
