import {
  type AllStreamResolvedEvent,
  ErrorType,
  type ResolvedEvent,
  type WrongExpectedVersionError,
} from "@eventstore/db-client";
import { type JsonObject, NO_POSITION, type RecordedEvent } from "../port.js";

// Translation between the client's shapes and the port's. System streams ($…) and system event
// types ($>, $metadata, …) are EventStoreDB's own bookkeeping and never reach callers.

export const isSystemStream = (streamId: string) => streamId.startsWith("$");

function asJsonObject(value: unknown): JsonObject {
  // Events written through this adapter always carry JSON objects; anything else (binary data
  // from another writer) is not part of the port's model.
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
    ? (value as JsonObject)
    : {};
}

export function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || isSystemStream(event.streamId) || event.type.startsWith("$")) return undefined;
  return {
    streamId: event.streamId,
    id: event.id,
    type: event.type,
    revision: event.revision,
    // Servers before 22.6 do not return positions on stream reads.
    position: event.position ? { commit: event.position.commit, prepare: event.position.prepare } : NO_POSITION,
    data: asJsonObject(event.data),
    metadata: asJsonObject(event.metadata),
    created: event.created,
  };
}

const hasErrorType = (error: unknown, type: ErrorType) =>
  typeof error === "object" && error !== null && (error as { type?: unknown }).type === type;

export const isStreamNotFound = (error: unknown) => hasErrorType(error, ErrorType.STREAM_NOT_FOUND);

export const isWrongExpectedVersion = (error: unknown): error is WrongExpectedVersionError =>
  hasErrorType(error, ErrorType.WRONG_EXPECTED_VERSION);
