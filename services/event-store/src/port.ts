// The event store port. Shapes follow @eventstore/db-client 6.x so that the SQLite and
// EventStoreDB adapters look the same to callers: 0-based bigint revisions, positions with
// commit/prepare, expected revisions any / no_stream / stream_exists / exact.

export type StreamRevision = bigint;

export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export type ExpectedRevision = "any" | "no_stream" | "stream_exists" | StreamRevision;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * An event to append. `id` is a UUID chosen by the caller: a retried append with the same ids stores
 * nothing twice. Ids are unique across the whole store and are stored in lower case.
 */
export interface EventData {
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata?: JsonObject;
}

export interface RecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly revision: StreamRevision;
  readonly position: Position;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  /** When the store recorded it (transaction time). */
  readonly created: Date;
}

export interface AppendResult {
  readonly success: true;
  /**
   * The revision of the last event of the stream after the append (on an idempotent retry: of the
   * last event of the batch stored the first time). An empty batch returns the stream's current
   * revision, -1n when the stream does not exist.
   */
  readonly nextExpectedRevision: StreamRevision;
  /**
   * The position of the last event appended (or of the batch already stored on an idempotent retry).
   * An empty batch returns the position of the stream's last event, NO_POSITION when there is none.
   */
  readonly position: Position;
}

export interface AppendOptions {
  readonly expectedRevision?: ExpectedRevision;
}

export type Direction = "forwards" | "backwards";

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** First revision returned; "start" / "end" as in the client. Default: start forwards, end backwards. */
  readonly fromRevision?: StreamRevision | "start" | "end";
  readonly maxCount?: number | bigint;
}

export interface ReadAllOptions {
  readonly direction?: Direction;
  /**
   * Forwards: the event at this position is included (as EventStoreDB does), so a next page starts
   * with the last event of the previous one. Backwards: only events before this position are returned
   * (exclusive), so a next page starts from the last event of the previous one without repeating it.
   */
  readonly fromPosition?: Position | "start" | "end";
  readonly maxCount?: number | bigint;
}

export interface SubscribeToAllOptions {
  /**
   * Deliver events after this checkpoint, exclusive ("start": everything; "end": only new ones).
   * Resuming from the position of the last event handled delivers exactly the rest.
   */
  readonly fromPosition?: Position | "start" | "end";
}

/**
 * Catch-up then live subscription. Iterate it (it has one iterator: iterating again continues where
 * it stopped); `unsubscribe` or leaving a for-await loop ends the iteration.
 */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  /**
   * Resolves once the starting point is fixed: with "end", events appended after this are
   * delivered (EventStoreDB confirms a subscription asynchronously; SQLite resolves at once).
   */
  readonly ready: Promise<void>;
  unsubscribe(): Promise<void>;
}

export interface StreamInfo {
  readonly streamId: string;
  /** Revision of the stream's last event. */
  readonly revision: StreamRevision;
}

/**
 * Appends to one stream in many calls that are stored together or not at all: a whole history
 * brought in piece by piece, checked as it arrives. Other appends wait until it commits or aborts,
 * so callers must always end it. There are no idempotent retries inside a transaction: an id that
 * is already stored fails it.
 */
export interface StreamTransaction {
  /** Writes `events` after those appended before (not yet visible); rejects when the transaction failed. */
  append(events: readonly EventData[]): Promise<void>;
  /** Stores everything appended; the result is that of one append of all of it. */
  commit(): Promise<AppendResult>;
  /** Stores nothing of it. */
  abort(): Promise<void>;
}

export interface EventStore {
  appendToStream(streamId: string, events: readonly EventData[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Only stores that can hold one transaction open offer it (SQLite); others check a history
   * whole first and then append it. Transactions run one at a time: this waits for the one before.
   */
  beginStreamTransaction?(streamId: string, options?: AppendOptions): Promise<StreamTransaction>;
  /** Throws StreamNotFoundError when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  /** Streams whose id starts with `prefix` (all when omitted), ordered by id. The API lists communities with it. */
  listStreams(prefix?: string): Promise<StreamInfo[]>;
  /** Waits for appends in flight, ends subscriptions, then releases the store. */
  close(): Promise<void>;
}

/** The position reported when there is no event to point at (an empty append to a missing stream). */
export const NO_POSITION: Position = Object.freeze({ commit: -1n, prepare: -1n });
