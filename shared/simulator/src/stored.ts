// Simulated events as an event store would hand them back: { event, recordedAt, revision }, the
// shape CommunityHistory.fromEvents reads (declared here: the simulator depends on the domain only).
// By default everything is recorded when it happened. A share of interactions and gatherings can
// be logged late ("the facilitator logs last week's meeting today"), which moves them later in
// the log, so bitemporal queries have back-dated facts to find.
import type { CommunityEvent } from "@copgraph/domain";
import { Random } from "./random.js";
import { DAY_MS, HOUR_MS } from "./time.js";

export interface SimulatedStoredEvent {
  readonly event: CommunityEvent;
  /** Transaction time (ms). */
  readonly recordedAt: number;
  /** Position in the community's stream (log order, by recordedAt). */
  readonly revision: number;
}

export interface ToStoredOptions {
  /** Share of interactions and gatherings recorded late, in [0, 1]. Default 0. */
  readonly backdatedShare?: number;
  /** Longest lateness in days (uniform from one hour up to this). Default 14. */
  readonly maxDelayDays?: number;
  /** Seed of the lateness draws. Default 1. */
  readonly seed?: number;
  /** Revision of the first event. Default 0. */
  readonly firstRevision?: number;
}

/**
 * Stored events in log order (recordedAt ascending, ties in the given order). Only records are
 * back-dated, never joins or leaves, and a retraction is recorded no earlier than its record, so
 * the log stays one the decider accepts in order. recordedAt may lie after the last occurredAt.
 */
export function simulationToStored(
  events: readonly CommunityEvent[],
  options: ToStoredOptions = {},
): SimulatedStoredEvent[] {
  const share = options.backdatedShare ?? 0;
  const maxDelayDays = options.maxDelayDays ?? 14;
  const firstRevision = options.firstRevision ?? 0;
  if (!(share >= 0 && share <= 1)) throw new RangeError("backdatedShare must be between 0 and 1");
  if (!(maxDelayDays > 0 && Number.isFinite(maxDelayDays))) throw new RangeError("maxDelayDays must be positive");
  if (!Number.isSafeInteger(firstRevision) || firstRevision < 0) {
    throw new RangeError("firstRevision must be a non-negative integer");
  }
  const random = new Random(options.seed ?? 1);
  const maxDelay = maxDelayDays * DAY_MS;
  const recordedAtOf = new Map<string, number>();
  const entries = events.map((event, order) => {
    const occurredAt = Date.parse(event.data.occurredAt);
    let recordedAt = occurredAt;
    if (event.type === "InteractionRecorded" || event.type === "GatheringHeld") {
      // Two draws per record whatever the share, so the share changes nothing else.
      const late = random.chance(share);
      const delay = Math.floor(HOUR_MS + random.next() * Math.max(0, maxDelay - HOUR_MS));
      if (late) recordedAt = occurredAt + delay;
      const id = event.type === "InteractionRecorded" ? event.data.interactionId : event.data.gatheringId;
      recordedAtOf.set(id, recordedAt);
    } else if (event.type === "RecordRetracted") {
      recordedAt = Math.max(recordedAt, recordedAtOf.get(event.data.recordId) ?? recordedAt);
    }
    return { event, recordedAt, order };
  });
  entries.sort((a, b) => a.recordedAt - b.recordedAt || a.order - b.order);
  return entries.map(({ event, recordedAt }, i) => ({ event, recordedAt, revision: firstRevision + i }));
}
