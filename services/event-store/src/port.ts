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

/** An event to append. `id` is a UUID chosen by the caller: a retried append with the same ids stores nothing twice. */
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
  /** The revision of the last event of the stream after the append. */
  readonly nextExpectedRevision: StreamRevision;
  /** The position of the last event appended (or of the batch already stored on an idempotent retry). */
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
  /** Forwards: events strictly after this position are not skipped; the event at it is included. */
  readonly fromPosition?: Position | "start" | "end";
  readonly maxCount?: number | bigint;
}

export interface SubscribeToAllOptions {
  /** Deliver events after this checkpoint ("start": everything; "end": only new ones). */
  readonly fromPosition?: Position | "start" | "end";
}

/** Catch-up then live subscription. Iterate it; `unsubscribe` ends the iteration. */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  unsubscribe(): Promise<void>;
}

export interface EventStore {
  appendToStream(streamId: string, events: readonly EventData[], options?: AppendOptions): Promise<AppendResult>;
  /** Throws StreamNotFoundError when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  close(): Promise<void>;
}
