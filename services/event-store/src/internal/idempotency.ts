import { IdempotencyConflictError } from "../errors.js";
import type { AppendResult, Position, StreamRevision } from "../port.js";

/** Where a store holds an event with one of the proposed ids. */
export interface StoredPlace {
  readonly streamId: string;
  readonly revision: StreamRevision;
  readonly position: Position;
}

/**
 * Decides what an append means given where its ids are already stored (`found[i]` for `ids[i]`):
 * undefined when none is stored (a new append); the first append's result when all are stored in
 * this stream, contiguously and in order, with the same content (`sameContent(i)`, a retry);
 * IdempotencyConflictError otherwise.
 */
export function classifyRetry(
  streamId: string,
  ids: readonly string[],
  found: readonly (StoredPlace | undefined)[],
  sameContent: (index: number) => boolean,
): AppendResult | undefined {
  const firstStored = found.findIndex((place) => place !== undefined);
  if (firstStored === -1) return undefined;
  let previous: StoredPlace | undefined;
  for (let i = 0; i < ids.length; i++) {
    const place = found[i];
    // A partly stored batch cannot be a retry: report an id that is stored, it is the one that clashes.
    if (!place) throw new IdempotencyConflictError(streamId, ids[firstStored] as string);
    const clash =
      place.streamId !== streamId ||
      (previous !== undefined && place.revision !== previous.revision + 1n) ||
      !sameContent(i);
    if (clash) throw new IdempotencyConflictError(streamId, ids[i] as string);
    previous = place;
  }
  const last = previous as StoredPlace;
  return { success: true, nextExpectedRevision: last.revision, position: last.position };
}
