import type { Command, DecisionSession } from "@copgraph/domain";
import type { AppendResult, StreamTransaction } from "@copgraph/event-store";
import type { AppendProtocol } from "./append-protocol.js";

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
  /** The write order every path follows; its metadata is the same for every event of the history. */
  readonly protocol: AppendProtocol;
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
  private ended = false;
  added = 0;

  constructor(private readonly parts: HistoryTransactionParts) {}

  /**
   * Decides `commands` after those added before and starts appending them (with their original
   * transaction times, if the community was empty). Throws DomainError with
   * the index counted from the first command of the history; rejects with the store's error of an
   * earlier piece.
   */
  async add(
    commands: readonly Command[],
    eventIds: readonly (string | undefined)[],
    recordedAts: readonly (string | undefined)[] = [],
  ): Promise<void> {
    const { session, protocol, transaction } = this.parts;
    const decided = session.decide(commands);
    this.added += decided.length;
    const eventData = protocol.stage(decided, eventIds, recordedAts);
    // Values go to the vault many pieces at a time (one fsync), always before the commit.
    if (protocol.unfiled >= PERSONAL_BATCH) await protocol.keepStaged();
    const appended = transaction.append(eventData);
    // Settled now so a failure waits for the caller to reach it instead of going unhandled.
    appended.catch(() => {});
    this.inFlight.push(appended);
    if (this.inFlight.length >= IN_FLIGHT) await this.inFlight.shift();
  }

  /** Stores the whole history; the result of one append of all of it. */
  async commit(): Promise<AppendResult> {
    this.ended = true;
    const { protocol, transaction } = this.parts;
    try {
      for (let next = this.inFlight.shift(); next; next = this.inFlight.shift()) await next;
      await protocol.keepStaged();
      const result = await transaction.commit();
      await protocol.stored();
      return result;
    } catch (error) {
      try {
        await transaction.abort();
      } finally {
        protocol.refused();
      }
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
      this.parts.protocol.refused();
      this.parts.onEnd();
    }
  }
}
