import type { LoggedEvent } from "@copgraph/contract";
import type { EventStore, RecordedEvent } from "@copgraph/event-store";
import { readCommunityStream } from "../stream/community-stream.js";

/** A stored event as the API and exports show it: envelope, both clocks, data. */
export function toLoggedEvent(event: RecordedEvent): LoggedEvent {
  const { schemaVersion, recordedAt } = event.metadata;
  return {
    id: event.id,
    type: event.type,
    revision: Number(event.revision),
    position: Number(event.position.commit),
    occurredAt: String(event.data.occurredAt ?? ""),
    recordedAt: typeof recordedAt === "string" ? recordedAt : event.created.toISOString(),
    schemaVersion: typeof schemaVersion === "number" ? schemaVersion : 1,
    data: event.data,
    metadata: event.metadata,
  };
}

/** Every event of a community, in revision order (an empty list for an unknown community). */
export async function readCommunityLog(store: EventStore, communityId: string): Promise<LoggedEvent[]> {
  const events: LoggedEvent[] = [];
  for await (const page of readCommunityStream(store, communityId))
    for (const event of page) events.push(toLoggedEvent(event));
  return events;
}
