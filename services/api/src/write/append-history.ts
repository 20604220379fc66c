import { MAX_BATCH_EVENTS } from "@copgraph/contract";
import { type CommunityEvent, commandForEvent } from "@copgraph/domain";
import type { CommunityWriter } from "./community-writer.js";
import { SlicePipeline } from "./slice-pipeline.js";

export interface HistoryEvent {
  readonly event: CommunityEvent;
  /** Kept so that a re-import of an exported log stores nothing twice. */
  readonly id?: string;
}

/**
 * Appends a whole history in slices of at most 10,000 events. The whole history is decided once,
 * first, so a rule broken anywhere stores nothing; a DomainError's index is the event's position in
 * the whole history. Slices are not decided again, and two are in flight at a time.
 */
export async function appendHistory(
  writer: CommunityWriter,
  communityId: string,
  history: readonly HistoryEvent[],
  options: { recordedBy: string; onProgress?: (done: number) => void },
): Promise<number> {
  const decided = await writer.decideHistory(
    communityId,
    history.map(({ event }) => commandForEvent(event)),
  );
  const pipeline = new SlicePipeline(options.onProgress);
  for (let start = 0; start < history.length; start += MAX_BATCH_EVENTS) {
    const end = Math.min(start + MAX_BATCH_EVENTS, history.length);
    const slice = writer.appendDecided(decided, start, end, {
      eventIds: history.slice(start, end).map(({ id }) => id),
      recordedBy: options.recordedBy,
      correlationId: `${options.recordedBy}:${communityId}:${start}`,
    });
    await pipeline.add(slice, end - start);
  }
  return pipeline.finish();
}
