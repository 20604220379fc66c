import { MAX_BATCH_EVENTS } from "@copgraph/contract";
import { type CommunityEvent, commandForEvent } from "@copgraph/domain";
import type { CommunityWriter } from "./community-writer.js";
import type { HistoryTransaction } from "./history-transaction.js";
import { SlicePipeline } from "./slice-pipeline.js";

export interface HistoryEvent {
  readonly event: CommunityEvent;
  /** Kept so that a re-import of an exported log stores nothing twice. */
  readonly id?: string;
  /** Its transaction time in the log it came from: kept when the community is empty. */
  readonly recordedAt?: string;
}

/**
 * Appends a whole history, all or nothing; a DomainError's index is the event's position in the
 * whole history. On a store with stream transactions (SQLite) it is decided and appended piece by
 * piece in one transaction, so even a crash leaves nothing of it. Otherwise the whole history is
 * decided first, then appended in slices of at most 10,000 events that are not decided again, two
 * in flight.
 */
export async function appendHistory(
  writer: CommunityWriter,
  communityId: string,
  history: readonly HistoryEvent[],
  options: { recordedBy: string; onProgress?: (done: number) => void },
): Promise<number> {
  const transaction = await writer.beginHistory(communityId, {
    recordedBy: options.recordedBy,
    correlationId: `${options.recordedBy}:${communityId}`,
  });
  if (transaction) return appendInTransaction(transaction, history, options.onProgress);
  const decided = await writer.decideHistory(
    communityId,
    history.map(({ event }) => commandForEvent(event)),
  );
  const pipeline = new SlicePipeline(options.onProgress);
  for (let start = 0; start < history.length; start += MAX_BATCH_EVENTS) {
    const end = Math.min(start + MAX_BATCH_EVENTS, history.length);
    const slice = writer.appendDecided(decided, start, end, {
      eventIds: history.slice(start, end).map(({ id }) => id),
      recordedAts: history.slice(start, end).map(({ recordedAt }) => recordedAt),
      recordedBy: options.recordedBy,
      correlationId: `${options.recordedBy}:${communityId}:${start}`,
    });
    await pipeline.add(slice, end - start);
  }
  return pipeline.finish();
}

async function appendInTransaction(
  transaction: HistoryTransaction,
  history: readonly HistoryEvent[],
  onProgress?: (done: number) => void,
): Promise<number> {
  try {
    for (let start = 0; start < history.length; start += MAX_BATCH_EVENTS) {
      const piece = history.slice(start, start + MAX_BATCH_EVENTS);
      await transaction.add(
        piece.map(({ event }) => commandForEvent(event)),
        piece.map(({ id }) => id),
        piece.map(({ recordedAt }) => recordedAt),
      );
      onProgress?.(transaction.added);
    }
    await transaction.commit();
  } catch (error) {
    await transaction.abort();
    throw error;
  }
  return transaction.added;
}
