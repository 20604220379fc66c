import type Database from "better-sqlite3";
import { EventStoreClosedError, StreamNotFoundError } from "../errors.js";
import { toLimit } from "../internal/position.js";
import { type CheckedAppend, checkAppend } from "../internal/validate.js";
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamInfo,
  StreamTransaction,
  SubscribeToAllOptions,
} from "../port.js";
import { encodeEvents } from "./append.js";
import type { GroupCommitStats } from "./group-commit.js";
import { RecentEvents } from "./recent-events.js";
import { openDatabase } from "./schema.js";
import { MAX_INT64, Statements, toRecorded } from "./statements.js";
import { SqliteStreamTransaction } from "./stream-transaction.js";
import { CheckpointSubscription } from "./subscription.js";
import { type Stored, ThreadedWriter } from "./threaded-writer.js";

export interface SqliteEventStoreOptions {
  /** The database file; it is created when missing (its directory must exist). */
  readonly path: string;
  /** Most events written in one transaction; a single larger append still goes through whole. */
  readonly maxEventsPerFlush?: number;
}

export type SqliteEventStoreStats = GroupCommitStats;

/** Events kept for live subscribers (a few MiB): a subscriber further behind reads the file. */
const RECENT_EVENTS = 20_000;

/** What the writer thread's answer carries back: an append's events, or the mark of a transaction's step. */
type Appended = CheckedAppend | "transaction";

/**
 * The event store on one SQLite file (better-sqlite3, WAL, synchronous=FULL). Appends go to a writer
 * thread that group-commits them; reads use this thread's own connection (WAL lets them run while
 * the writer commits). One process owns the file: subscriptions are woken by its commits only.
 */
export class SqliteEventStore implements EventStore {
  private readonly st: Statements;
  private readonly writer: ThreadedWriter<Appended>;
  private readonly recent = new RecentEvents(RECENT_EVENTS);
  private readonly subscriptions = new Set<CheckpointSubscription>();
  private readonly db: Database.Database;
  private closed = false;
  /** Resolves when the last stream transaction begun has ended: they run one at a time. */
  private transactionEnded: Promise<void> = Promise.resolve();

  constructor(options: SqliteEventStoreOptions) {
    // Opened here first: a file that cannot be used fails the open, not a later append.
    this.db = openDatabase(options.path);
    this.st = new Statements(this.db);
    this.writer = new ThreadedWriter(
      { path: options.path, maxEventsPerFlush: options.maxEventsPerFlush ?? 100_000 },
      (stored) => this.remember(stored),
      () => this.notifySubscribers(),
    );
  }

  async appendToStream(streamId: string, events: readonly EventData[], options?: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const checked = checkAppend(streamId, events, options);
    // Serialise now: a bad payload fails this call alone, and the flush only binds strings.
    return this.writer.append({ streamId, events: encodeEvents(checked.events), expected: checked.expected }, checked);
  }

  async beginStreamTransaction(streamId: string, options?: AppendOptions): Promise<StreamTransaction> {
    this.assertOpen();
    const { expected } = checkAppend(streamId, [], options);
    const before = this.transactionEnded;
    let end = () => {};
    this.transactionEnded = new Promise((resolve) => {
      end = resolve;
    });
    await before;
    const send = (step: Parameters<ThreadedWriter<Appended>["step"]>[0]) => this.writer.step(step, "transaction");
    try {
      this.assertOpen();
      await send({ op: "begin", streamId, expected });
    } catch (error) {
      end();
      throw error;
    }
    return new SqliteStreamTransaction(streamId, send, end);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const direction = options.direction ?? "forwards";
    const limit = toLimit(options.maxCount);
    const head = this.st.head(streamId);
    if (!head) throw new StreamNotFoundError(streamId);
    const from = options.fromRevision ?? (direction === "forwards" ? "start" : "end");
    let revision: bigint;
    if (from === "start") revision = 0n;
    else if (from === "end") revision = direction === "forwards" ? head.revision + 1n : MAX_INT64;
    else revision = from;
    return this.st.streamRows(streamId, direction, revision, limit).map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const direction = options.direction ?? "forwards";
    const limit = toLimit(options.maxCount);
    const from = options.fromPosition ?? (direction === "forwards" ? "start" : "end");
    // Forwards reads position >= from, backwards position < from (see ReadAllOptions), so "start"
    // backwards and "end" forwards are empty.
    const position = from === "start" ? 0n : from === "end" ? MAX_INT64 : from.commit;
    return this.st.allRows(direction, position, limit).map(toRecorded);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const from = options.fromPosition ?? "start";
    const checkpoint = from === "start" ? 0n : from === "end" ? this.st.last() : from.commit;
    const subscription = new CheckpointSubscription(
      (after, limit) =>
        this.recent.after(after, limit) ?? this.st.allRows("forwards", after + 1n, limit).map(toRecorded),
      checkpoint,
      (ended) => this.subscriptions.delete(ended),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async listStreams(prefix = ""): Promise<StreamInfo[]> {
    this.assertOpen();
    return this.st.streamsWithPrefix(prefix);
  }

  /** Group-commit counters, for tests and metrics. */
  stats(): SqliteEventStoreStats {
    return { ...this.writer.stats };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Appends already accepted are written and acknowledged before the file is released.
    await this.writer.close();
    for (const subscription of [...this.subscriptions]) subscription.end();
    this.db.close();
  }

  /** Keeps what was just stored, as appended, for the subscribers. */
  private remember({ payload, result, stored, created }: Stored<Appended>): void {
    // A transaction's events are not kept (it may be millions): subscribers read them from the file.
    if (payload === "transaction") {
      this.recent.clear();
      return;
    }
    const last = result.position.commit;
    const lastRevision = result.nextExpectedRevision;
    const at = new Date(created);
    payload.events.forEach((event, i) => {
      const fromEnd = BigInt(stored - 1 - i);
      const position = last - fromEnd;
      this.recent.add({
        streamId: payload.streamId,
        id: event.id,
        type: event.type,
        revision: lastRevision - fromEnd,
        position: { commit: position, prepare: position },
        data: event.data,
        metadata: event.metadata,
        created: at,
      });
    });
  }

  private notifySubscribers(): void {
    for (const subscription of this.subscriptions) subscription.notify();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}

export function openSqliteEventStore(options: SqliteEventStoreOptions): SqliteEventStore {
  return new SqliteEventStore(options);
}
