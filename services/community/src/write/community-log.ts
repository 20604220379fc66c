import type { CommunitySummary, WriteResult } from "@copgraph/contract";
import { type CommunityEvent, type CommunityState, evolve, initialState } from "@copgraph/domain";
import type { Position, RecordedEvent } from "@copgraph/event-store";
import { decodeEvent } from "../stream/community-stream.js";
import { idempotencyKeyHash } from "./idempotency-key.js";

/** The answer a keyed write gave, rebuilt from the events' metadata so it survives restarts. */
interface KeyedWrite {
  requestHash: string;
  result: WriteResult;
}

interface Counts {
  members: number;
  interactions: number;
  gatherings: number;
  retractions: number;
}

/**
 * One community's write model: the decider state, its revision, a summary for listings, and the
 * Idempotency-Key index. The caller owns it and applies every event it appends or reads.
 */
export class CommunityLog {
  state: CommunityState = initialState();
  /** Revision of the last applied event; -1n while the stream is empty. */
  revision = -1n;
  position: Position = { commit: 0n, prepare: 0n };
  private registration?: { name: string; concern: string; description?: string; occurredAt: string };
  private counts: Counts = { members: 0, interactions: 0, gatherings: 0, retractions: 0 };
  private lastOccurredAtMs = Number.NEGATIVE_INFINITY;
  /** Keyed writes by the hash of their Idempotency-Key. */
  private readonly keyed = new Map<string, KeyedWrite>();

  constructor(readonly communityId: string) {}

  get registered(): boolean {
    return this.registration !== undefined;
  }

  /** Applies a decided event (optimistically, before it is stored, or while loading). */
  apply(event: CommunityEvent): void {
    this.state = evolve(this.state, event);
    this.revision++;
    this.count(event);
    this.lastOccurredAtMs = Math.max(this.lastOccurredAtMs, Date.parse(event.data.occurredAt));
  }

  /** Applies a stored event read back from the log, including the Idempotency-Key index. */
  applyRecorded(recorded: RecordedEvent): void {
    const event = decodeEvent(recorded);
    this.apply(event);
    this.position = recorded.position;
    // Logs written before keys were hashed hold the key itself.
    const { idempotencyKeyHash: hashed, idempotencyKey: raw } = recorded.metadata;
    const key = typeof hashed === "string" ? hashed : typeof raw === "string" ? idempotencyKeyHash(raw) : undefined;
    if (key === undefined) return;
    let entry = this.keyed.get(key);
    if (!entry) {
      const requestHash = String(recorded.metadata.requestHash ?? "");
      entry = { requestHash, result: { communityId: this.communityId, revision: 0, position: 0, events: [] } };
      this.keyed.set(key, entry);
    }
    entry.result.revision = Number(recorded.revision);
    entry.result.position = Number(recorded.position.commit);
    entry.result.events.push(describeEvent(event, recorded.revision, recorded.id));
  }

  /** Remembers the answer of a keyed write once it is stored. */
  rememberKeyedWrite(key: string, requestHash: string, result: WriteResult): void {
    this.keyed.set(idempotencyKeyHash(key), { requestHash, result });
  }

  keyedWrite(key: string): KeyedWrite | undefined {
    return this.keyed.get(idempotencyKeyHash(key));
  }

  summary(): CommunitySummary | undefined {
    const registration = this.registration;
    if (!registration) return undefined;
    let activeMembers = 0;
    for (const member of this.state.members.values()) if (member.leftAt === null && !member.erased) activeMembers++;
    return {
      communityId: this.communityId,
      name: registration.name,
      concern: registration.concern,
      ...(registration.description === undefined ? {} : { description: registration.description }),
      registeredAt: registration.occurredAt,
      revision: Number(this.revision),
      activeMembers,
      ...this.counts,
      lastOccurredAt: new Date(this.lastOccurredAtMs).toISOString(),
    };
  }

  private count(event: CommunityEvent): void {
    switch (event.type) {
      case "CommunityRegistered":
        this.registration = {
          name: event.data.name,
          concern: event.data.concern,
          ...(event.data.description === undefined ? {} : { description: event.data.description }),
          occurredAt: event.data.occurredAt,
        };
        break;
      case "MemberJoined":
        this.counts.members++;
        break;
      case "InteractionRecorded":
        this.counts.interactions++;
        break;
      case "GatheringHeld":
        this.counts.gatherings++;
        break;
      case "RecordRetracted":
        this.counts.retractions++;
        break;
      default:
        break;
    }
  }
}

/** The id of the member or record an event is about, for write results. */
export function recordIdOf(event: { readonly data: object }): string | undefined {
  const data = event.data as Record<string, unknown>;
  const id = data.memberId ?? data.interactionId ?? data.gatheringId ?? data.recordId ?? data.communityId;
  return typeof id === "string" ? id : undefined;
}

export function describeEvent(event: { readonly type: string; readonly data: object }, revision: bigint, id: string) {
  const recordId = recordIdOf(event);
  return {
    id,
    type: event.type,
    revision: Number(revision),
    ...(recordId === undefined ? {} : { recordId }),
  };
}
