import { type Command, type DecisionSession, type SplitEvent, splitPersonalData } from "@copgraph/domain";
import type { AppendResult, EventData, StreamTransaction } from "@copgraph/event-store";
import type { PersonalData } from "../personal/personal-data.js";
import { toEventData, type WriteMetadata } from "./event-data.js";

/**
 * Pieces written at once: the next ones are decided while the store's writer inserts those before.
 * Four rather than two keep the writer fed through the deciding thread's pauses (v4 import 10.0 →
 * 9.7 s, alternating runs).
 */
const IN_FLIGHT = 4;
/** Personal values kept back before they are written to the vault together (one fsync for many pieces). */
const PERSONAL_BATCH = 10_000;

export interface HistoryTransactionParts {
  readonly communityId: string;
  readonly session: DecisionSession;
  readonly transaction: StreamTransaction;
  readonly personal: PersonalData;
  /** recordedAt, recordedBy, correlationId: the same for every event of the history. */
  readonly metadata: WriteMetadata;
  /** Called once when it has ended, committed or not. */
  readonly onEnd: () => void;
}

/**
 * A long history (an imported event log) decided and appended piece by piece in one store
 * transaction: nothing of it is stored unless all of it is valid and committed, even across a
 * crash, and the file is read only once. Always end it with commit or abort.
 */
export class HistoryTransaction {
  private readonly inFlight: Promise<void>[] = [];
  private readonly erased: string[] = [];
  private withPersonal: { id: string; split: SplitEvent }[] = [];
  private ended = false;
  added = 0;

  constructor(private readonly parts: HistoryTransactionParts) {}

  /**
   * Decides `commands` after those added before and starts appending them. Throws DomainError with
   * the index counted from the first command of the history; rejects with the store's error of an
   * earlier piece.
   */
  async add(commands: readonly Command[], eventIds: readonly (string | undefined)[]): Promise<void> {
    const { communityId, session, personal, metadata, transaction } = this.parts;
    const decided = session.decide(commands);
    this.added += decided.length;
    const eventData: EventData[] = [];
    const erased: string[] = [];
    decided.forEach((event, index) => {
      const split = splitPersonalData(event);
      const data = toEventData(split.body, eventIds[index], metadata);
      eventData.push(data);
      if (event.type === "MemberErased") erased.push(event.data.memberId);
      if (hasValues(split.personal)) this.withPersonal.push({ id: data.id, split });
    });
    this.erased.push(...erased);
    personal.beginErasure(communityId, erased);
    if (this.withPersonal.length >= PERSONAL_BATCH) await this.keepPersonal();
    const appended = transaction.append(eventData);
    // Settled now so a failure waits for the caller to reach it instead of going unhandled.
    appended.catch(() => {});
    this.inFlight.push(appended);
    if (this.inFlight.length >= IN_FLIGHT) await this.inFlight.shift();
  }

  /** Stores the whole history; the result of one append of all of it. */
  async commit(): Promise<AppendResult> {
    this.ended = true;
    try {
      for (let next = this.inFlight.shift(); next; next = this.inFlight.shift()) await next;
      // Personal values are durable before the events that need them: values of events that
      // never get stored are harmless.
      await this.keepPersonal();
      const result = await this.parts.transaction.commit();
      // An erasure is done only once the member's personal values are gone.
      await this.parts.personal.forget(this.parts.communityId, this.erased);
      return result;
    } catch (error) {
      await this.parts.transaction.abort();
      throw error;
    } finally {
      this.parts.onEnd();
    }
  }

  /** Stores nothing of it. */
  async abort(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await Promise.allSettled(this.inFlight.splice(0));
    try {
      await this.parts.transaction.abort();
    } finally {
      this.parts.onEnd();
    }
  }

  private async keepPersonal(): Promise<void> {
    const entries = this.withPersonal;
    this.withPersonal = [];
    if (entries.length > 0) await this.parts.personal.keep(this.parts.communityId, entries);
  }
}

function hasValues(values: object): boolean {
  for (const _ in values) return true;
  return false;
}
