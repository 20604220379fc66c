import Database from "better-sqlite3";
import { sameContent } from "../internal/canonical.js";
import { isExpectedRevision, wrongExpectedVersion } from "../internal/expected.js";
import { classifyRetry } from "../internal/idempotency.js";
import type { CheckedEvent } from "../internal/validate.js";
import { type AppendResult, type ExpectedRevision, type JsonObject, NO_POSITION } from "../port.js";
import { type EventRow, positionOf, type Statements } from "./statements.js";

/** An event serialised when the append is queued, so the flush only binds strings. */
export interface EncodedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/**
 * Events as the writer thread binds them. Metadata objects shared by many events (one write's
 * metadata) are serialised once.
 */
export function encodeEvents(events: readonly CheckedEvent[]): EncodedEvent[] {
  const metadataText = new Map<JsonObject, string>();
  return events.map((event) => {
    let metadata = metadataText.get(event.metadata);
    if (metadata === undefined) {
      metadata = JSON.stringify(event.metadata);
      metadataText.set(event.metadata, metadata);
    }
    return { id: event.id, type: event.type, data: JSON.stringify(event.data), metadata };
  });
}

export interface QueuedAppend {
  readonly streamId: string;
  readonly events: readonly EncodedEvent[];
  readonly expected: ExpectedRevision;
}

/** An append's answer, and how many of its events it stored (0 for a retry or an empty append). */
export interface Applied {
  readonly result: AppendResult;
  readonly stored: number;
}

/** A savepoint could not be rolled back: the flush's transaction can no longer be trusted. */
export class TransactionBrokenError extends Error {
  constructor(cause: unknown) {
    super("event-store: a failed append could not be rolled back; the flush was abandoned", { cause });
  }
}

const isEventIdClash = (error: unknown) =>
  error instanceof Database.SqliteError &&
  error.code === "SQLITE_CONSTRAINT_UNIQUE" &&
  error.message.includes("events.event_id");

/**
 * Applies one append inside the flush's open transaction. Earlier appends of the same flush are
 * already visible, so revision checks and idempotency see them. Writes run in a savepoint: a failure
 * rolls back this append only.
 */
export function applyAppend(st: Statements, item: QueuedAppend, now: number): Applied {
  const head = st.head(item.streamId);
  const current = head?.revision ?? -1n;
  if (item.events.length === 0) {
    if (!isExpectedRevision(item.expected, current)) throw wrongExpectedVersion(item.streamId, item.expected, current);
    const position = head ? positionOf(head.position) : NO_POSITION;
    return { result: { success: true, nextExpectedRevision: current, position }, stored: 0 };
  }
  if (!isExpectedRevision(item.expected, current)) {
    // A retry answers with its first result whatever revision it expected.
    const retry = findRetry(st, item);
    if (retry) return { result: retry, stored: 0 };
    throw wrongExpectedVersion(item.streamId, item.expected, current);
  }
  st.savepoint.run();
  try {
    // Optimistic: most appends are new, and the UNIQUE index on event_id finds the retries for free.
    const events = item.events;
    const position = st.insertStreamEvents(
      item.streamId,
      Number(current) + 1,
      {
        count: events.length,
        id: (i) => (events[i] as EncodedEvent).id,
        type: (i) => (events[i] as EncodedEvent).type,
        data: (i) => (events[i] as EncodedEvent).data,
        metadata: (i) => (events[i] as EncodedEvent).metadata,
      },
      now,
    );
    const revision = Number(current) + events.length;
    st.upsertStream.run(item.streamId, revision, position);
    st.release.run();
    return {
      result: { success: true, nextExpectedRevision: BigInt(revision), position: positionOf(BigInt(position)) },
      stored: item.events.length,
    };
  } catch (error) {
    try {
      st.rollbackToSavepoint.run();
      st.release.run();
    } catch (rollbackError) {
      // This append's rows may still be in the transaction: the whole flush must not commit.
      throw new TransactionBrokenError(rollbackError);
    }
    if (isEventIdClash(error)) {
      const retry = findRetry(st, item);
      if (retry) return { result: retry, stored: 0 };
    }
    throw error;
  }
}

/** The first result when `item` repeats a stored batch; throws IdempotencyConflictError when it clashes. */
function findRetry(st: Statements, item: QueuedAppend): AppendResult | undefined {
  const rows = item.events.map((event) => st.byEventId(event.id));
  const found = rows.map(
    (row) => row && { streamId: row.stream_id, revision: row.revision, position: positionOf(row.position) },
  );
  return classifyRetry(
    item.streamId,
    item.events.map((event) => event.id),
    found,
    (i) => {
      const row = rows[i] as EventRow;
      const event = item.events[i] as EncodedEvent;
      // Identical text is the usual retry; otherwise compare as JSON values (key order may differ).
      if (row.type === event.type && row.data === event.data && row.metadata === event.metadata) return true;
      return sameContent(
        { type: row.type, data: JSON.parse(row.data), metadata: JSON.parse(row.metadata) },
        { type: event.type, data: JSON.parse(event.data), metadata: JSON.parse(event.metadata) },
      );
    },
  );
}
