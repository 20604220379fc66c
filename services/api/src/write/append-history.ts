import { MAX_BATCH_EVENTS } from "@copgraph/contract";
import { type CommunityEvent, commandForEvent, DomainError } from "@copgraph/domain";
import type { CommunityWriter } from "./community-writer.js";

export interface HistoryEvent {
  readonly event: CommunityEvent;
  /** Kept so that a re-import of an exported log stores nothing twice. */
  readonly id?: string;
}

/**
 * Appends a whole history through the decider in batches of at most 10,000 events. The whole
 * history is decided first, so a rule broken anywhere stores nothing; a DomainError's index is the
 * event's position in the whole history.
 */
export async function appendHistory(
  writer: CommunityWriter,
  communityId: string,
  history: readonly HistoryEvent[],
  options: { recordedBy: string; onProgress?: (done: number) => void },
): Promise<number> {
  if (history.length > MAX_BATCH_EVENTS)
    await writer.check(
      communityId,
      history.map(({ event }) => commandForEvent(event)),
    );
  let done = 0;
  for (let start = 0; start < history.length; start += MAX_BATCH_EVENTS) {
    const batch = history.slice(start, start + MAX_BATCH_EVENTS);
    try {
      await writer.write({
        communityId,
        commands: batch.map(({ event }) => commandForEvent(event)),
        eventIds: batch.map(({ id }) => id),
        recordedBy: options.recordedBy,
        correlationId: `${options.recordedBy}:${communityId}:${start}`,
      });
    } catch (error) {
      // The index the caller knows is the position in the whole history, not in the batch.
      if (error instanceof DomainError && error.index !== undefined) throw error.withIndex(start + error.index);
      throw error;
    }
    done += batch.length;
    options.onProgress?.(done);
  }
  return done;
}
