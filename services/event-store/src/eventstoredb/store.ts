import {
  type AppendResult as ClientAppendResult,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  jsonEvent,
  START,
} from "@eventstore/db-client";
import { EventStoreClosedError, IdempotencyConflictError, WrongExpectedVersionError } from "../errors.js";
import { sameContent } from "../internal/canonical.js";
import { isExpectedRevision, wrongExpectedVersion } from "../internal/expected.js";
import { classifyRetry } from "../internal/idempotency.js";
import { type CheckedEvent, checkAppend } from "../internal/validate.js";
import {
  type AllSubscription,
  type AppendOptions,
  type AppendResult,
  type EventData,
  type EventStore,
  NO_POSITION,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamInfo,
  type SubscribeToAllOptions,
} from "../port.js";
import { listStreamsFrom } from "./list-streams.js";
import { isWrongExpectedVersion } from "./mapping.js";
import { readAllEvents, readStreamEvents, readTail } from "./reads.js";
import { EventStoreDbSubscription } from "./subscription.js";

export interface EventStoreDbEventStoreOptions {
  /** e.g. "esdb://localhost:2113?tls=false" */
  readonly connectionString: string;
  /**
   * How many events after a batch a retry of it is still recognised (EventStoreDB has no index by
   * event id, so the check reads the stream's last `idCheckWindow + batch size` events).
   */
  readonly idCheckWindow?: number;
}

/**
 * The event store on an EventStoreDB server (20.10+; positions on stream reads need 22.6+). Same
 * semantics as the SQLite adapter except one: an event id reused in ANOTHER stream is not detected,
 * because the server keeps no index by event id.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private readonly idCheckWindow: number;
  private closed = false;

  constructor(
    private readonly client: EventStoreDBClient,
    options: Omit<EventStoreDbEventStoreOptions, "connectionString"> = {},
  ) {
    this.idCheckWindow = options.idCheckWindow ?? 1_000;
  }

  async appendToStream(streamId: string, events: readonly EventData[], options?: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const { events: proposed, expected } = checkAppend(streamId, events, options);
    const ids = proposed.map((event) => event.id);
    const tail = await readTail(this.client, streamId, ids, this.idCheckWindow);
    if (proposed.length === 0) {
      // Nothing to write: answer from the stream's head instead of asking the server to append nothing.
      const current = tail.head?.revision ?? -1n;
      if (!isExpectedRevision(expected, current)) throw wrongExpectedVersion(streamId, expected, current);
      return { success: true, nextExpectedRevision: current, position: tail.head?.position ?? NO_POSITION };
    }
    // The server ignores content on its own idempotency check, so retries are recognised here first.
    const retry = classify(streamId, proposed, tail.found);
    if (retry) return retry;
    let appended: ClientAppendResult;
    try {
      appended = await this.client.appendToStream(
        streamId,
        proposed.map((event) =>
          jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata }),
        ),
        { expectedRevision: expected },
      );
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw error;
      // With "any" the server reports a batch that matches stored ids only in part this way.
      if (expected === "any") throw new IdempotencyConflictError(streamId, ids[0] as string);
      throw new WrongExpectedVersionError(streamId, expected, error.actualVersion);
    }
    return this.confirm(streamId, proposed, appended.nextExpectedRevision);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    return readStreamEvents(this.client, streamId, options);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    return readAllEvents(this.client, options);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const from = options.fromPosition ?? "start";
    const inner = this.client.subscribeToAll({
      fromPosition: from === "start" ? START : from === "end" ? END : { commit: from.commit, prepare: from.prepare },
      filter: excludeSystemEvents(),
    });
    const subscription = new EventStoreDbSubscription(inner, (ended) => this.subscriptions.delete(ended));
    this.subscriptions.add(subscription);
    return subscription;
  }

  async listStreams(prefix = ""): Promise<StreamInfo[]> {
    this.assertOpen();
    return listStreamsFrom(this.client, prefix);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.unsubscribe()));
    await this.client.dispose();
  }

  /**
   * Reads back what the server acknowledged: it also acknowledges a batch whose ids it already holds
   * (its own idempotency, e.g. a concurrent retry), whatever the content. The answer is always the
   * stored batch's last event, as for a retry recognised up front.
   */
  private async confirm(streamId: string, proposed: CheckedEvent[], nextRevision: bigint): Promise<AppendResult> {
    const first = nextRevision - BigInt(proposed.length) + 1n;
    const stored =
      first < 0n
        ? []
        : await readStreamEvents(this.client, streamId, { fromRevision: first, maxCount: proposed.length });
    const inPlace = stored.length === proposed.length && stored.every((event, i) => event.id === proposed[i]?.id);
    const found = inPlace
      ? new Map(stored.map((event) => [event.id, event]))
      : (
          await readTail(
            this.client,
            streamId,
            proposed.map((event) => event.id),
            this.idCheckWindow,
          )
        ).found;
    const result = classify(streamId, proposed, found);
    if (!result)
      throw new Error(
        `event-store: EventStoreDB acknowledged an append to ${streamId} whose events cannot be read back`,
      );
    return result;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}

function classify(
  streamId: string,
  proposed: CheckedEvent[],
  found: Map<string, RecordedEvent>,
): AppendResult | undefined {
  const stored = proposed.map((event) => found.get(event.id));
  return classifyRetry(
    streamId,
    proposed.map((event) => event.id),
    stored,
    (i) => sameContent(stored[i] as RecordedEvent, proposed[i] as CheckedEvent),
  );
}

export function openEventStoreDbEventStore(options: EventStoreDbEventStoreOptions): EventStoreDbEventStore {
  const { connectionString, ...rest } = options;
  return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), rest);
}
