import type { WriteResult } from "@copgraph/contract";
import {
  type BatchRefusals,
  type Command,
  type CommunityEvent,
  DecisionSession,
  decideBatch,
  refusalsInBatch,
} from "@copgraph/domain";
import { type EventData, type EventStore, StreamNotFoundError, WrongExpectedVersionError } from "@copgraph/event-store";
import type { PersonalData } from "../personal/personal-data.js";
import { decodeEvent, readCommunityStream, streamOf } from "../stream/community-stream.js";
import { AppendProtocol } from "./append-protocol.js";
import { CommunityLog, describeEvent } from "./community-log.js";
import { WriteMetadata } from "./event-data.js";
import { HistoryTransaction } from "./history-transaction.js";
import { idempotencyKeyHash } from "./idempotency-key.js";

export interface WriteRequest {
  readonly communityId: string;
  readonly commands: readonly Command[];
  /** Caller-chosen event ids by position; missing ones are generated. */
  readonly eventIds?: readonly (string | undefined)[];
  /**
   * Original transaction times by position, of events imported from another log: kept only when
   * the community has no events yet (else the write's own time is recorded). Checked by the caller.
   */
  readonly recordedAts?: readonly (string | undefined)[];
  /** If-Match: the revision the caller last saw; a different current revision fails the write. */
  readonly expectedRevision?: bigint;
  readonly idempotencyKey?: string;
  /** Fingerprint of the request, so a key reused for another request is refused. */
  readonly requestHash?: string;
  readonly recordedBy: string;
  readonly correlationId: string;
}

/** The community is at another revision than the request's If-Match. */
export class PreconditionFailedError extends Error {
  constructor(
    readonly expected: bigint,
    readonly actual: bigint,
  ) {
    super(`the community is at revision ${actual}, not ${expected}`);
  }
}

/** An Idempotency-Key was used before for a different request. */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key '${key}' was used before with a different request`);
  }
}

/** A whole history decided against the community as it was at `baseRevision`; nothing stored yet. */
export interface DecidedHistory {
  readonly communityId: string;
  readonly baseRevision: bigint;
  readonly events: readonly CommunityEvent[];
}

/** Who appends a slice of a decided history, and its event ids by position in the slice. */
export type SliceRequest = Pick<WriteRequest, "eventIds" | "recordedAts" | "recordedBy" | "correlationId">;

const CONFLICT_RETRIES = 3;

/**
 * Decides and appends commands per community. Deciding is synchronous against an in-memory state
 * that already includes appends still in flight, so concurrent writes to one community queue up
 * in order and share the store's group commit instead of conflicting with each other.
 */
export class CommunityWriter {
  private readonly logs = new Map<string, Promise<CommunityLog>>();
  /** Keyed writes still in flight, with the fingerprint of their request. */
  private readonly pendingKeys = new Map<string, { requestHash: string; result: Promise<WriteResult> }>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: () => Date,
    /** Where names and free text go: the log only ever stores events without them. */
    private readonly personal: PersonalData,
  ) {}

  /** The community's log, loaded once and then caught up with what other writers appended. */
  async current(communityId: string): Promise<CommunityLog> {
    const log = await this.load(communityId);
    await this.catchUp(log);
    // Unknown ids are not kept, so probing for communities does not grow the cache.
    if (log.revision === -1n) this.logs.delete(communityId);
    return log;
  }

  /**
   * The community's name and latest revision, for reads: from its write model when this process
   * has it loaded (it includes appends in flight), else from the first and last events of its
   * stream, so a read never rebuilds a write model it does not need (a million events take
   * seconds). Undefined when no community has that id.
   */
  async head(communityId: string): Promise<{ name: string; revision: number } | undefined> {
    if (this.logs.has(communityId)) {
      const summary = (await this.current(communityId)).summary();
      return summary && { name: summary.name, revision: summary.revision };
    }
    const stream = streamOf(communityId);
    try {
      const [first] = await this.store.readStream(stream, { maxCount: 1 });
      if (!first) return undefined;
      const registered = decodeEvent(first);
      if (registered.type !== "CommunityRegistered") return undefined;
      const [last] = await this.store.readStream(stream, { direction: "backwards", maxCount: 1 });
      return { name: registered.data.name, revision: Number(last?.revision ?? first.revision) };
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  /** Checks commands against the community's current state without storing anything; throws DomainError. */
  async check(communityId: string, commands: readonly Command[]): Promise<number> {
    return (await this.decideHistory(communityId, commands)).events.length;
  }

  /** Checks a long history piece by piece against the community's current state, storing nothing. */
  async decisionSession(communityId: string): Promise<DecisionSession> {
    const log = await this.current(communityId);
    return new DecisionSession(log.state, { now: this.clock() });
  }

  /** Every refusal of a batch against the community's current state (an import's bad rows), storing nothing. */
  async refusals(communityId: string, commands: readonly Command[], limit: number): Promise<BatchRefusals> {
    const log = await this.current(communityId);
    return refusalsInBatch(log.state, commands, { now: this.clock() }, limit);
  }

  /** Decides a whole history (e.g. an import) once, storing nothing; throws DomainError with the command's index. */
  async decideHistory(communityId: string, commands: readonly Command[]): Promise<DecidedHistory> {
    const log = await this.current(communityId);
    const events = decideBatch(log.state, commands, { now: this.clock() });
    return { communityId, baseRevision: log.revision, events };
  }

  /**
   * Appends events [from, to) of a decided history without deciding them again. Slices must come
   * in order; they may be in flight together. If the community changed since the history was
   * decided (another writer), the slice is refused with WrongExpectedVersionError and nothing of it
   * is stored.
   */
  async appendDecided(history: DecidedHistory, from: number, to: number, request: SliceRequest): Promise<WriteResult> {
    const log = await this.load(history.communityId);
    const expected = history.baseRevision + BigInt(from);
    if (log.revision !== expected) {
      throw new WrongExpectedVersionError(streamOf(history.communityId), expected, log.revision);
    }
    return this.appendEvents(log, history.events.slice(from, to), request, history.baseRevision === -1n);
  }

  /**
   * A long history decided and appended piece by piece in one store transaction, stored whole or
   * not at all. Undefined when the store cannot hold a transaction open (EventStoreDB): decide the
   * history whole first (decisionSession), then append it in slices.
   */
  async beginHistory(
    communityId: string,
    request: Pick<WriteRequest, "recordedBy" | "correlationId">,
  ): Promise<HistoryTransaction | undefined> {
    if (!this.store.beginStreamTransaction) return undefined;
    const log = await this.current(communityId);
    const transaction = await this.store.beginStreamTransaction(streamOf(communityId), {
      expectedRevision: log.revision === -1n ? "no_stream" : log.revision,
    });
    const now = this.clock();
    return new HistoryTransaction({
      communityId,
      session: new DecisionSession(log.state, { now }),
      transaction,
      protocol: new AppendProtocol(
        this.personal,
        communityId,
        new WriteMetadata({
          recordedAt: now.toISOString(),
          recordedBy: request.recordedBy,
          correlationId: request.correlationId,
        }),
        log.revision === -1n,
      ),
      // The cached state does not hold the history: read it afresh next time.
      onEnd: () => this.logs.delete(communityId),
    });
  }

  async write(request: WriteRequest): Promise<WriteResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.writeOnce(request);
      } catch (error) {
        // Another writer (another replica) appended first: reload and decide again.
        if (!(error instanceof WrongExpectedVersionError) || attempt >= CONFLICT_RETRIES) throw error;
      }
    }
  }

  private async writeOnce(request: WriteRequest): Promise<WriteResult> {
    const log = await this.load(request.communityId);
    const key = request.idempotencyKey;
    if (key !== undefined) {
      const pendingKey = `${request.communityId}\u0000${key}`;
      const requestHash = request.requestHash ?? "";
      // A key answers only the request it was first sent with, finished or still in flight.
      const earlier = log.keyedWrite(key) ?? this.pendingKeys.get(pendingKey);
      if (earlier) {
        if (earlier.requestHash !== requestHash) throw new IdempotencyKeyReusedError(key);
        return earlier.result;
      }
      const result = this.decideAndAppend(log, request);
      this.pendingKeys.set(pendingKey, { requestHash, result });
      try {
        return await result;
      } finally {
        this.pendingKeys.delete(pendingKey);
      }
    }
    return this.decideAndAppend(log, request);
  }

  private decideAndAppend(log: CommunityLog, request: WriteRequest): Promise<WriteResult> {
    if (request.expectedRevision !== undefined && request.expectedRevision !== log.revision) {
      throw new PreconditionFailedError(request.expectedRevision, log.revision);
    }
    const events = decideBatch(log.state, request.commands, { now: this.clock() });
    return this.appendEvents(log, events, request, log.revision === -1n);
  }

  /**
   * Stages the events (personal values out), advances the in-memory state, and appends; events
   * of a history begun on an empty community keep their original transaction times.
   */
  private appendEvents(
    log: CommunityLog,
    events: readonly CommunityEvent[],
    request: SliceRequest & Pick<WriteRequest, "idempotencyKey" | "requestHash">,
    intoEmptyCommunity: boolean,
  ): Promise<WriteResult> {
    const metadata = new WriteMetadata({
      recordedAt: this.clock().toISOString(),
      recordedBy: request.recordedBy,
      correlationId: request.correlationId,
      ...(request.idempotencyKey === undefined
        ? {}
        : { idempotencyKeyHash: idempotencyKeyHash(request.idempotencyKey), requestHash: request.requestHash ?? "" }),
    });
    const protocol = new AppendProtocol(this.personal, log.communityId, metadata, intoEmptyCommunity);
    const eventData = protocol.stage(events, request.eventIds, request.recordedAts);
    const expectedRevision = log.revision === -1n ? "no_stream" : log.revision;
    const firstRevision = log.revision + 1n;
    // The write model holds what the log holds, so it is the same before and after a restart.
    for (const event of eventData) log.apply(decodeEvent(event));
    return this.append(log, protocol, eventData, expectedRevision, firstRevision, request);
  }

  private async append(
    log: CommunityLog,
    protocol: AppendProtocol,
    eventData: readonly EventData[],
    expectedRevision: bigint | "no_stream",
    firstRevision: bigint,
    request: Pick<WriteRequest, "idempotencyKey" | "requestHash">,
  ): Promise<WriteResult> {
    let result: WriteResult;
    try {
      await protocol.keepStaged();
      const appended = await this.store.appendToStream(streamOf(log.communityId), eventData, { expectedRevision });
      // The store found every event stored before (a retry of the same ids and bodies): the log is
      // unchanged, so values this request brought that the first did not are not filed either.
      if (appended.nextExpectedRevision !== firstRevision + BigInt(eventData.length) - 1n) {
        this.logs.delete(log.communityId);
        protocol.refused();
      }
      log.position = appended.position;
      result = {
        communityId: log.communityId,
        revision: Number(appended.nextExpectedRevision),
        position: Number(appended.position.commit),
        events: eventData.map((event, index) => describeEvent(event, firstRevision + BigInt(index), event.id)),
      };
      if (request.idempotencyKey !== undefined) {
        log.rememberKeyedWrite(request.idempotencyKey, request.requestHash ?? "", result);
      }
    } catch (error) {
      protocol.refused();
      // The optimistic state now holds events that were not stored: load it afresh next time.
      this.logs.delete(log.communityId);
      throw error;
    }
    await protocol.stored();
    return result;
  }

  private load(communityId: string): Promise<CommunityLog> {
    let log = this.logs.get(communityId);
    if (!log) {
      log = this.catchUp(new CommunityLog(communityId));
      this.logs.set(communityId, log);
      log.catch(() => this.logs.delete(communityId));
    }
    return log;
  }

  private async catchUp(log: CommunityLog): Promise<CommunityLog> {
    for await (const page of readCommunityStream(this.store, log.communityId, log.revision + 1n)) {
      for (const recorded of page) if (recorded.revision > log.revision) log.applyRecorded(recorded);
    }
    return log;
  }
}
