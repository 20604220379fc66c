import { BACKWARDS, END, type EventStoreDBClient, FORWARDS, type ReadPosition, START } from "@eventstore/db-client";
import { StreamNotFoundError } from "../errors.js";
import { comparePositions, toLimit } from "../internal/position.js";
import type { Position, ReadAllOptions, ReadStreamOptions, RecordedEvent } from "../port.js";
import { isStreamNotFound, toRecorded } from "./mapping.js";

const PAGE_SIZE = 1_000;
const MIN_PAGE_SIZE = 100;

export async function readStreamEvents(
  client: EventStoreDBClient,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const direction = options.direction === "backwards" ? BACKWARDS : FORWARDS;
  // maxCount 0 still has to say whether the stream exists: read one and drop it.
  const limit = toLimit(options.maxCount);
  const fromRevision = options.fromRevision ?? (direction === FORWARDS ? START : END);
  const events: RecordedEvent[] = [];
  try {
    for await (const resolved of client.readStream(streamId, {
      direction,
      fromRevision,
      maxCount: Math.max(limit, 1),
    })) {
      const recorded = toRecorded(resolved);
      if (recorded && events.length < limit) events.push(recorded);
    }
  } catch (error) {
    if (isStreamNotFound(error)) throw new StreamNotFoundError(streamId);
    throw error;
  }
  return events;
}

/**
 * $all in pages, skipping system events, with the port's bounds: forwards includes the event at
 * `fromPosition`, backwards excludes it. The bounds are enforced here rather than trusted to the
 * server, so both adapters page the same way.
 */
export async function readAllEvents(
  client: EventStoreDBClient,
  options: ReadAllOptions = {},
): Promise<RecordedEvent[]> {
  const forwards = options.direction !== "backwards";
  const limit = toLimit(options.maxCount);
  const from = options.fromPosition ?? (forwards ? "start" : "end");
  const events: RecordedEvent[] = [];
  if (limit === 0 || (forwards && from === "end") || (!forwards && from === "start")) return events;
  let cursor: ReadPosition = from;
  let bound: Position | undefined = typeof from === "object" ? from : undefined;
  let inclusive = forwards;
  for (;;) {
    // +1: a later page repeats its cursor event. At least MIN_PAGE_SIZE: system events are skipped,
    // so a small page could come back with nothing to keep.
    const pageSize = Math.min(PAGE_SIZE, Math.max(MIN_PAGE_SIZE, limit - events.length + 1));
    let read = 0;
    let last: Position | undefined;
    for await (const resolved of client.readAll({
      direction: forwards ? FORWARDS : BACKWARDS,
      fromPosition: cursor,
      maxCount: pageSize,
    })) {
      read += 1;
      const position = resolved.event?.position;
      if (!position) continue;
      last = position;
      if (bound) {
        const order = comparePositions(position, bound);
        const admitted = forwards ? order > 0 || (inclusive && order === 0) : order < 0;
        if (!admitted) continue;
      }
      const recorded = toRecorded(resolved);
      if (recorded) events.push(recorded);
      if (events.length === limit) return events;
    }
    if (read < pageSize || !last) return events;
    // The next page starts at the last event read; it is excluded from now on in both directions.
    cursor = last;
    bound = last;
    inclusive = false;
  }
}

export interface StreamTail {
  /** The stream's last event; undefined when the stream does not exist. */
  readonly head: RecordedEvent | undefined;
  /** Events among the last ones of the stream whose id was asked for. */
  readonly found: Map<string, RecordedEvent>;
}

/**
 * EventStoreDB has no index by event id: the idempotency check looks for the ids among the last
 * `window + ids.length` events of the stream, where a retry finds its batch.
 */
export async function readTail(
  client: EventStoreDBClient,
  streamId: string,
  ids: readonly string[],
  window: number,
): Promise<StreamTail> {
  const wanted = new Set(ids);
  const found = new Map<string, RecordedEvent>();
  let head: RecordedEvent | undefined;
  try {
    const tail = await readStreamEvents(client, streamId, {
      direction: "backwards",
      fromRevision: "end",
      maxCount: Math.max(1, ids.length === 0 ? 1 : window + ids.length),
    });
    head = tail[0];
    for (const event of tail) if (wanted.has(event.id)) found.set(event.id, event);
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return { head, found };
}
