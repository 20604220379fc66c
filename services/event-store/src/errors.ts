import type { ExpectedRevision, StreamRevision } from "./port.js";

/** The stream is not at the revision the caller expected. */
export class WrongExpectedVersionError extends Error {
  override readonly name = "WrongExpectedVersionError";
  constructor(
    readonly streamId: string,
    readonly expectedRevision: ExpectedRevision,
    /** The stream's current revision, or "no_stream". */
    readonly actualRevision: StreamRevision | "no_stream",
  ) {
    super(`event-store: stream ${streamId} expected at ${String(expectedRevision)}, actual ${String(actualRevision)}`);
  }
}

export class StreamNotFoundError extends Error {
  override readonly name = "StreamNotFoundError";
  constructor(readonly streamId: string) {
    super(`event-store: stream ${streamId} not found`);
  }
}

/** An event id was stored before with other content (or in another stream or place). */
export class IdempotencyConflictError extends Error {
  override readonly name = "IdempotencyConflictError";
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`event-store: event id ${eventId} was already stored with different content or in another place`);
  }
}

/** The store was closed: appends, reads and new subscriptions are refused. */
export class EventStoreClosedError extends Error {
  override readonly name = "EventStoreClosedError";
  constructor() {
    super("event-store: the store is closed");
  }
}
