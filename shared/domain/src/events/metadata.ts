// The stream and envelope conventions shared by the API and the event store.
import { z } from "zod";
import { EntityId, OccurredAt } from "./fields.js";

export const STREAM_CATEGORY = "community";

/** `community-<communityId>`; communityId holds no `-`, so the category is `community`. */
export function streamNameFor(communityId: string): string {
  return `${STREAM_CATEGORY}-${communityId}`;
}

/** The communityId of a community stream, or null for any other stream. */
export function communityIdFromStream(streamName: string): string | null {
  const prefix = `${STREAM_CATEGORY}-`;
  return streamName.startsWith(prefix) && streamName.length > prefix.length ? streamName.slice(prefix.length) : null;
}

/**
 * Envelope metadata. `recordedAt` is transaction time (when copgraph learned it), as opposed to
 * `data.occurredAt`, valid time. Loose: keys a store adds (e.g. `$correlationId`) pass through.
 */
export const EventMetadataSchema = z.looseObject({
  schemaVersion: z.number().int().positive(),
  recordedAt: OccurredAt,
  recordedBy: z.string().trim().min(1).max(200).optional(),
  correlationId: EntityId.optional(),
  causationId: EntityId.optional(),
});
export type EventMetadata = z.infer<typeof EventMetadataSchema>;
