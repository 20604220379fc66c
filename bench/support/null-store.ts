import {
  type AllSubscription,
  type AppendOptions,
  type AppendResult,
  type EventData,
  type EventStore,
  type RecordedEvent,
  type StreamInfo,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from "@copgraph/event-store";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A diagnostic store that stores nothing: appends only move a revision counter. With it the API runs
 * HTTP, zod, the decider and the writer without SQLite, so the difference to the real store is what
 * storage costs. Reads find nothing (the API's write model lives in memory).
 *
 * `deferToNextTurn` resolves appends in a setImmediate, as group commit does, so requests that arrive
 * together are answered together; without it each append resolves in the request's own turn.
 */
export class NullEventStore implements EventStore {
  private readonly revisions = new Map<string, bigint>();
  private position = 0n;

  constructor(private readonly options: { readonly deferToNextTurn?: boolean } = {}) {}

  async appendToStream(streamId: string, events: readonly EventData[], options?: AppendOptions): Promise<AppendResult> {
    if (this.options.deferToNextTurn) await nextTurn();
    const current = this.revisions.get(streamId) ?? -1n;
    const expected = options?.expectedRevision ?? "any";
    if ((typeof expected === "bigint" && expected !== current) || (expected === "no_stream" && current !== -1n)) {
      throw new WrongExpectedVersionError(streamId, expected, current === -1n ? "no_stream" : current);
    }
    const next = current + BigInt(events.length);
    this.revisions.set(streamId, next);
    this.position += BigInt(events.length);
    return { success: true, nextExpectedRevision: next, position: { commit: this.position, prepare: this.position } };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    throw new StreamNotFoundError(streamId);
  }

  async readAll(): Promise<RecordedEvent[]> {
    return [];
  }

  subscribeToAll(): AllSubscription {
    return {
      ready: Promise.resolve(),
      unsubscribe: async () => {},
      async *[Symbol.asyncIterator]() {},
    };
  }

  async listStreams(): Promise<StreamInfo[]> {
    return [];
  }

  async close(): Promise<void> {}
}
