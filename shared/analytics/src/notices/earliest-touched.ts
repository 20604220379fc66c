import type { CommunityHistory } from "../projection/community-history.js";
import { epochMs } from "../projection/epoch-ms.js";
import type { Dated, ReadonlySortedFacts } from "../projection/sorted-facts.js";
import type { StoredEvent } from "../projection/stored-event.js";

/**
 * The earliest valid time (ms) at which a reading can differ once `events`, the last of the log,
 * are known too. A reading at `at` (as known now, with any window before `at`) reads only facts
 * valid by `at`, so readings dated earlier stand. An interaction, gathering, join, profile change
 * or leave touches its own date (a member's second join too: the join in effect is the first in
 * the log known by then, so a later one only places a member no join placed); a retraction the
 * date of the record it retracts. Everything (−Infinity) for what is not dated on the timeline:
 * an erasure (it forgets data at every date), the registration, an unknown type, a date that is
 * not one. Nothing (+Infinity) for no events. `history` holds the whole log. Pure.
 */
export function earliestTouched(events: readonly StoredEvent[], history: CommunityHistory): number {
  let earliest = Number.POSITIVE_INFINITY;
  const retracted = new Set<string>();
  for (const { event } of events) {
    switch (event.type) {
      case "InteractionRecorded":
      case "GatheringHeld":
      case "MemberProfileChanged":
      case "MemberLeft":
      case "MemberJoined":
        earliest = Math.min(earliest, validTime(event.data.occurredAt));
        break;
      case "RecordRetracted":
        retracted.add(event.data.recordId);
        break;
      default:
        return Number.NEGATIVE_INFINITY;
    }
  }
  if (retracted.size === 0) return earliest;
  return Math.min(
    firstNamed(history.interactions, retracted, earliest),
    firstNamed(history.gatherings, retracted, earliest),
  );
}

/** A valid time as ms; −Infinity (everything) when it is not a date. */
function validTime(text: string): number {
  const ms = epochMs(text);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/**
 * Valid time of the first record (in valid-time order) whose id is in `ids`, or `bound` when none
 * comes before it. A retraction of a record the history does not hold changes no reading: the
 * record, if it ever comes, touches its own date.
 */
function firstNamed(
  records: ReadonlySortedFacts<Dated & { readonly id: string }>,
  ids: ReadonlySet<string>,
  bound: number,
): number {
  for (const record of records.all()) {
    if (record.occurredAt >= bound) break;
    if (ids.has(record.id)) return record.occurredAt;
  }
  return bound;
}
