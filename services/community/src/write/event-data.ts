import { type EventType, eventSchemaVersions, type StoredBody } from "@copgraph/domain";
import type { EventData, JsonObject } from "@copgraph/event-store";
import { encodeData } from "../stream/community-stream.js";
import { newEventId } from "./event-id.js";

/**
 * The metadata of one write (who, when, why) with each event type's schema version: one object per
 * type, shared by the write's events, so a large history neither copies nor serialises it per event.
 */
export class WriteMetadata {
  private readonly byType = new Map<EventType, JsonObject>();

  constructor(private readonly base: JsonObject) {}

  of(type: EventType): JsonObject {
    let metadata = this.byType.get(type);
    if (!metadata) {
      metadata = Object.freeze({ ...this.base, schemaVersion: eventSchemaVersions[type] });
      this.byType.set(type, metadata);
    }
    return metadata;
  }
}

/**
 * An event body (personal values already taken out) as the store appends it; `recordedAt`, when
 * given, is the transaction time it keeps from the log it was imported from.
 */
export function toEventData(
  event: StoredBody,
  id: string | undefined,
  metadata: WriteMetadata,
  recordedAt?: string,
): EventData {
  const shared = metadata.of(event.type);
  return {
    id: id ?? newEventId(),
    type: event.type,
    data: encodeData(event),
    metadata: recordedAt === undefined ? shared : { ...shared, recordedAt },
  };
}
