// One community's stream in the event store: how it is named, how its stored events become
// domain events, and how it is read page by page. Every part of the core goes through here.
import { epochMs } from "@copgraph/analytics";
import type { CommunityEvent, StoredBody } from "@copgraph/domain";
import { type EventStore, type JsonObject, type RecordedEvent, StreamNotFoundError } from "@copgraph/event-store";

const PREFIX = "community-";
/** Events a read asks the store for at once. */
export const STREAM_PAGE = 10_000;

export const streamOf = (communityId: string) => `${PREFIX}${communityId}`;
export const communityOf = (streamId: string) => streamId.slice(PREFIX.length);
export const isCommunityStream = (streamId: string) => streamId.startsWith(PREFIX);

/**
 * A stored event as the domain event it records. Stored bodies were decided (and split of their
 * personal values) before they were appended, and event types have one schema version so far:
 * this is where an upcaster would go.
 */
export function decodeEvent(recorded: { readonly type: string; readonly data: object }): CommunityEvent {
  return { type: recorded.type, data: recorded.data } as unknown as CommunityEvent;
}

/**
 * When copgraph learned the event (ms): the writer's `recordedAt`, or the store's own time for an
 * event written without one.
 */
export function recordedAtOf(recorded: Pick<RecordedEvent, "metadata" | "created">): number {
  const text = recorded.metadata.recordedAt;
  if (typeof text !== "string") return recorded.created.getTime();
  // A write's events share one recordedAt, so a replay meets each text in a run: parse it once.
  if (text !== lastRecordedAt.text) lastRecordedAt = { text, ms: epochMs(text) };
  return lastRecordedAt.ms || recorded.created.getTime();
}

let lastRecordedAt = { text: "", ms: Number.NaN };

/** A decided event body (personal values already taken out) as the store keeps its data. */
export function encodeData(body: StoredBody): JsonObject {
  return body.data as JsonObject;
}

/**
 * The community's stored events from `fromRevision` on, a page at a time, in revision order;
 * nothing for a community that has no events.
 */
export async function* readCommunityStream(
  store: EventStore,
  communityId: string,
  fromRevision = 0n,
): AsyncGenerator<RecordedEvent[]> {
  for (let from = fromRevision; ; ) {
    let page: RecordedEvent[];
    try {
      page = await store.readStream(streamOf(communityId), { fromRevision: from, maxCount: STREAM_PAGE });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw error;
    }
    if (page.length > 0) yield page;
    if (page.length < STREAM_PAGE) return;
    from = (page.at(-1)?.revision ?? from) + 1n;
  }
}
