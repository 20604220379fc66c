import type { CommunityEvent } from "@copgraph/domain";
import { epochMs } from "./epoch-ms.js";
import { MemberTimeline } from "./member-timeline.js";
import type { GatheringRecord, InteractionRecord } from "./records.js";
import { RevisionsByTime } from "./revisions-by-time.js";
import { type Dated, type ReadonlySortedFacts, SortedFacts } from "./sorted-facts.js";
import type { StoredEvent } from "./stored-event.js";

/** Where a join sits in valid time; the profile itself stays in the member's timeline. */
export interface JoinRef extends Dated {
  readonly memberId: string;
  /** Which of the member's joins (there is one unless the log is odd). */
  readonly ordinal: number;
}

/**
 * Version of what `apply` keeps from the events: change it with any change to what a history holds
 * for a given log, so checkpoints taken by an older projection are rebuilt rather than trusted.
 */
export const PROJECTION_VERSION = 1;

/** Everything a history holds (for checkpoints); facts in (occurredAt, revision) order. */
export interface HistoryState {
  readonly version: number;
  /** In the order members were first named in the log. */
  readonly members: readonly MemberTimeline[];
  readonly joins: readonly JoinRef[];
  readonly interactions: readonly InteractionRecord[];
  readonly gatherings: readonly GatheringRecord[];
  readonly retractions: ReadonlyMap<string, number>;
  readonly revisions: { readonly times: readonly number[]; readonly revisions: readonly number[] };
}

/** A state whose lists a new history takes over as they are. */
export type OwnedHistoryState = Omit<HistoryState, "joins" | "interactions" | "gatherings"> & {
  readonly joins: JoinRef[];
  readonly interactions: InteractionRecord[];
  readonly gatherings: GatheringRecord[];
};

/**
 * The facts of one community over both clocks, built incrementally: `apply` appends one stored
 * event in O(1) amortised and nothing is replayed. Facts are append-only (erasure only forgets
 * personal data) and indexed by valid time, so a projection for any (at, knownAt) reads only
 * the facts of its window.
 */
export class CommunityHistory {
  readonly #members = new Map<string, MemberTimeline>();
  #joins = new SortedFacts<JoinRef>();
  #interactions = new SortedFacts<InteractionRecord>();
  #gatherings = new SortedFacts<GatheringRecord>();
  readonly #retractions = new Map<string, number>();
  readonly #revisions = new RevisionsByTime();
  #version = 0;

  /** A history holding `events`, in the order given (log order). */
  static fromEvents(events: Iterable<StoredEvent>): CommunityHistory {
    const history = new CommunityHistory();
    for (const stored of events) history.apply(stored);
    return history;
  }

  /** The history holding `state`, which it takes over (its lists too): the caller must not keep them. */
  static fromState(state: OwnedHistoryState): CommunityHistory {
    const history = new CommunityHistory();
    history.#version = state.version;
    for (const timeline of state.members) history.#members.set(timeline.memberId, timeline);
    history.#joins = SortedFacts.adopt(state.joins);
    history.#interactions = SortedFacts.adopt(state.interactions);
    history.#gatherings = SortedFacts.adopt(state.gatherings);
    for (const [recordId, at] of state.retractions) history.#retractions.set(recordId, at);
    const { times, revisions } = state.revisions;
    for (let i = 0; i < times.length; i++) history.#revisions.add(times[i]!, revisions[i]!);
    return history;
  }

  /** Everything the history holds, by reference: read it before the next `apply`. */
  state(): HistoryState {
    return {
      version: this.#version,
      members: [...this.#members.values()],
      joins: this.#joins.all(),
      interactions: this.#interactions.all(),
      gatherings: this.#gatherings.all(),
      retractions: this.#retractions,
      revisions: this.#revisions.steps(),
    };
  }

  /** Events applied so far; changes with every `apply`, so it can key caches. */
  get version(): number {
    return this.#version;
  }

  /** The community's latest revision known at `knownAt` (epoch ms); -1 when none was. */
  revisionKnownAt(knownAt: number): number {
    return this.#revisions.knownAt(knownAt);
  }

  /** Appends one stored event. Stored events are facts: an odd one is kept as far as it makes sense, never refused. */
  apply(stored: StoredEvent): void {
    this.#version += 1;
    const { event, recordedAt, revision } = stored;
    this.#revisions.add(recordedAt, revision);
    if (event.type === "RecordRetracted") {
      // Whatever its own occurredAt, a retraction counts from when copgraph learned it.
      const known = this.#retractions.get(event.data.recordId);
      if (known === undefined || recordedAt < known) this.#retractions.set(event.data.recordId, recordedAt);
      return;
    }
    if (event.type === "CommunityRegistered") return;
    const occurredAt = epochMs(event.data.occurredAt);
    // A fact with no valid time cannot be placed on the timeline; validated events always have one.
    if (Number.isNaN(occurredAt)) return;
    this.#applyDated(event, { occurredAt, recordedAt, revision });
  }

  #applyDated(event: Exclude<CommunityEvent, { type: "RecordRetracted" | "CommunityRegistered" }>, when: Dated): void {
    switch (event.type) {
      case "MemberJoined": {
        const ordinal = this.#timeline(event.data.memberId).addJoin(event.data, when);
        this.#joins.add({ ...when, memberId: event.data.memberId, ordinal });
        return;
      }
      case "MemberProfileChanged":
        this.#timeline(event.data.memberId).addChange(event.data, when);
        return;
      case "MemberLeft":
        this.#timeline(event.data.memberId).addLeave(when);
        return;
      case "MemberErased":
        this.#timeline(event.data.memberId).addErasure(when);
        return;
      // Records are written field by field, not spread: one object shape keeps long scans fast.
      case "InteractionRecorded": {
        const { interactionId, kind, from, to, weight, format } = event.data;
        const { occurredAt, recordedAt, revision } = when;
        this.#interactions.add({
          occurredAt,
          recordedAt,
          revision,
          id: interactionId,
          kind,
          from,
          to: to.slice(),
          weight: weight ?? 1,
          format,
        });
        return;
      }
      case "GatheringHeld": {
        const { gatheringId, format, participants } = event.data;
        const { occurredAt, recordedAt, revision } = when;
        const copied = participants.map(({ memberId, role }) => ({ memberId, role }));
        this.#gatherings.add({ occurredAt, recordedAt, revision, id: gatheringId, format, participants: copied });
        return;
      }
      default: {
        const _exhaustive: never = event;
        void _exhaustive;
      }
    }
  }

  #timeline(memberId: string): MemberTimeline {
    let timeline = this.#members.get(memberId);
    if (!timeline) {
      timeline = new MemberTimeline(memberId);
      this.#members.set(memberId, timeline);
    }
    return timeline;
  }

  /** A member's timeline (joins, leaves, profile changes, erasures), if any event named them. */
  member(memberId: string): MemberTimeline | undefined {
    return this.#members.get(memberId);
  }

  /** Every member's timeline, in the order members were first named in the log. */
  members(): IterableIterator<MemberTimeline> {
    return this.#members.values();
  }

  /** Joins by (occurredAt, revision): who could be a node at a given valid time. */
  get joins(): ReadonlySortedFacts<JoinRef> {
    return this.#joins;
  }

  get interactions(): ReadonlySortedFacts<InteractionRecord> {
    return this.#interactions;
  }

  get gatherings(): ReadonlySortedFacts<GatheringRecord> {
    return this.#gatherings;
  }

  /** Transaction time of the earliest retraction of `recordId`; undefined if never retracted. */
  retractedAt(recordId: string): number | undefined {
    return this.#retractions.get(recordId);
  }

  /** Every retraction: recordId → when copgraph learned it (transaction time). */
  get retractions(): ReadonlyMap<string, number> {
    return this.#retractions;
  }
}

/** A history holding `events` in the order given. */
export function fromEvents(events: Iterable<StoredEvent>): CommunityHistory {
  return CommunityHistory.fromEvents(events);
}
