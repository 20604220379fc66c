import type Database from "better-sqlite3";
import { IdempotencyConflictError } from "../errors.js";
import { isExpectedRevision, wrongExpectedVersion } from "../internal/expected.js";
import { type AppendResult, NO_POSITION } from "../port.js";
import type { EventColumns } from "./event-columns.js";
import type { GroupCommit } from "./group-commit.js";
import { positionOf, type Statements } from "./statements.js";
import type { TransactionStep } from "./writer-messages.js";

interface OpenTransaction {
  readonly streamId: string;
  /** Revision and position of the stream's last row so far (-1 / 0 before the first). */
  revision: number;
  position: number;
  stored: number;
  readonly created: number;
  /** Set by the first failing step; the transaction is already rolled back then. */
  failure?: unknown;
}

export interface StepOutcome {
  readonly result: AppendResult;
  /** Events committed by this step (only a commit stores). */
  readonly stored: number;
  readonly created: number;
}

/**
 * The writer thread's side of a stream transaction: one SQLite transaction held open across many
 * messages. Group commit is paused meanwhile, so other appends queue behind it; they are written
 * as soon as it commits or aborts.
 */
export class TransactionRunner {
  private open: OpenTransaction | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly st: Statements,
    private readonly commits: GroupCommit,
  ) {}

  get isOpen(): boolean {
    return this.open !== undefined;
  }

  run(step: TransactionStep): StepOutcome {
    switch (step.op) {
      case "begin":
        return this.begin(step.streamId, step.expected);
      case "append":
        return this.append(step.events);
      case "commit":
        try {
          return this.commit();
        } finally {
          this.open = undefined;
        }
      case "abort":
        this.abort();
        return { result: { success: true, nextExpectedRevision: -1n, position: NO_POSITION }, stored: 0, created: 0 };
    }
  }

  /** Rolls back whatever is open (a close in the middle of a transaction). */
  abort(): void {
    const open = this.open;
    this.open = undefined;
    if (open && open.failure === undefined) this.rollback();
    this.commits.resume();
  }

  private begin(streamId: string, expected: Extract<TransactionStep, { op: "begin" }>["expected"]): StepOutcome {
    if (this.open) throw new Error("event-store: a stream transaction is already open");
    // Appends queued before the transaction go first, in their own commit.
    this.commits.flushAll();
    this.commits.pause();
    try {
      this.st.begin.run();
      const head = this.st.head(streamId);
      const current = head?.revision ?? -1n;
      if (!isExpectedRevision(expected, current)) throw wrongExpectedVersion(streamId, expected, current);
      this.open = {
        streamId,
        revision: Number(current),
        position: head ? Number(head.position) : -1,
        stored: 0,
        created: Date.now(),
      };
      return { result: this.progress(this.open), stored: 0, created: this.open.created };
    } catch (error) {
      this.rollback();
      this.commits.resume();
      throw error;
    }
  }

  private append(events: EventColumns): StepOutcome {
    const open = this.current();
    const { ids, data, kindOf, kinds } = events;
    const kind = (i: number) => kinds[kindOf[i] as number] as EventColumns["kinds"][number];
    const first = open.revision + 1;
    try {
      open.position = this.st.insertStreamEvents(
        open.streamId,
        first,
        {
          count: ids.length,
          id: (i) => ids[i] as string,
          type: (i) => kind(i).type,
          data: (i) => data[i] as string,
          metadata: (i) => kind(i).metadata,
        },
        open.created,
      );
      open.revision += ids.length;
      open.stored += ids.length;
    } catch (error) {
      open.failure = isIdClash(error)
        ? new IdempotencyConflictError(open.streamId, this.clashingId(open.streamId, first, ids))
        : error;
      this.rollback();
      // Others may write again; the caller still ends the transaction and hears the failure.
      this.commits.resume();
      throw open.failure;
    }
    return { result: this.progress(open), stored: 0, created: open.created };
  }

  /**
   * Which id of a refused append clashed, looked up before the rollback: the first one stored as
   * another event than the append's own row (the rows before the refused one are kept until then).
   */
  private clashingId(streamId: string, first: number, ids: readonly string[]): string {
    const clash = ids.findIndex((id, row) => {
      const stored = this.st.byEventId(id);
      return stored !== undefined && (stored.stream_id !== streamId || Number(stored.revision) !== first + row);
    });
    return ids[clash] ?? ids[0] ?? "";
  }

  private commit(): StepOutcome {
    const open = this.current();
    this.open = undefined;
    this.commits.resume();
    try {
      if (open.stored > 0) this.st.upsertStream.run(open.streamId, open.revision, open.position);
      this.st.commit.run();
    } catch (error) {
      this.rollback();
      throw error;
    }
    this.commits.stats.flushes += 1;
    this.commits.stats.appends += 1;
    this.commits.stats.events += open.stored;
    return { result: this.progress(open), stored: open.stored, created: open.created };
  }

  /** The open transaction; throws its failure (a failed one stays until commit or abort ends it). */
  private current(): OpenTransaction {
    const open = this.open;
    if (!open) throw new Error("event-store: no stream transaction is open");
    if (open.failure !== undefined) throw open.failure;
    return open;
  }

  private progress(open: OpenTransaction): AppendResult {
    return {
      success: true,
      nextExpectedRevision: BigInt(open.revision),
      position: open.position < 0 ? NO_POSITION : positionOf(BigInt(open.position)),
    };
  }

  private rollback(): void {
    try {
      if (this.db.inTransaction) this.st.rollback.run();
    } catch {
      // SQLite rolls back an unfinished transaction when the connection closes.
    }
  }
}

const isIdClash = (error: unknown) =>
  error instanceof Error &&
  (error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE" &&
  error.message.includes("events.event_id");
