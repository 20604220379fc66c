import { IdempotencyConflictError } from "../errors.js";
import type { AppendOptions, EventData, ExpectedRevision, JsonObject } from "../port.js";

// Both adapters check an append the same way before touching storage, so a caller that works on
// SQLite does not fail later on EventStoreDB (which only accepts UUID ids).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CheckedEvent {
  /** Lower-cased, as EventStoreDB returns it. */
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

export interface CheckedAppend {
  readonly streamId: string;
  readonly events: CheckedEvent[];
  readonly expected: ExpectedRevision;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Throws TypeError / RangeError for malformed input and IdempotencyConflictError for an id repeated in the batch. */
export function checkAppend(streamId: string, events: readonly EventData[], options?: AppendOptions): CheckedAppend {
  if (typeof streamId !== "string" || streamId.length === 0)
    throw new TypeError("event-store: streamId must be a non-empty string");
  if (!Array.isArray(events)) throw new TypeError("event-store: events must be an array");
  const expected = options?.expectedRevision ?? "any";
  if (typeof expected === "bigint" && expected < 0n) {
    throw new RangeError(`event-store: an exact expectedRevision must be >= 0n (use "no_stream"), got ${expected}`);
  }
  const seen = new Set<string>();
  const checked: CheckedEvent[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as EventData;
    if (typeof event?.id !== "string" || !UUID.test(event.id))
      throw new TypeError(`event-store: event ${i} has no UUID id`);
    if (typeof event.type !== "string" || event.type.length === 0)
      throw new TypeError(`event-store: event ${i} has no type`);
    if (!isJsonObject(event.data)) throw new TypeError(`event-store: event ${i} data must be a JSON object`);
    if (event.metadata !== undefined && !isJsonObject(event.metadata)) {
      throw new TypeError(`event-store: event ${i} metadata must be a JSON object`);
    }
    const id = event.id.toLowerCase();
    // Storing either copy would make the batch non-idempotent: refuse the whole batch.
    if (seen.has(id)) throw new IdempotencyConflictError(streamId, id);
    seen.add(id);
    checked[i] = { id, type: event.type, data: event.data, metadata: event.metadata ?? {} };
  }
  return { streamId, events: checked, expected };
}
