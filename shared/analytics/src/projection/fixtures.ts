// Builders for small stored histories in tests: times are whole days after 2025-01-01.
import type { CommunityEvent, EventDataOf, EventOf, ParticipantRole } from "@copgraph/domain";
import type { StoredEvent } from "./stored-event.js";

export const DAY = 86_400_000;
const EPOCH = Date.UTC(2025, 0, 1);

/** Valid or transaction time `n` days after the epoch (fractions allowed). */
export const day = (n: number): number => EPOCH + n * DAY;
const iso = (n: number) => new Date(day(n)).toISOString();

export const joined = (
  memberId: string,
  on: number,
  data: Partial<EventDataOf<"MemberJoined">> = {},
): EventOf<"MemberJoined"> => ({
  type: "MemberJoined",
  data: {
    memberId,
    displayName: `Member ${memberId}`,
    sector: "education",
    occupationalLayer: "professional",
    occurredAt: iso(on),
    ...data,
  },
});

export const changed = (
  memberId: string,
  on: number,
  data: Omit<EventDataOf<"MemberProfileChanged">, "memberId" | "occurredAt">,
): EventOf<"MemberProfileChanged"> => ({
  type: "MemberProfileChanged",
  data: { memberId, occurredAt: iso(on), ...data },
});

export const left = (memberId: string, on: number): EventOf<"MemberLeft"> => ({
  type: "MemberLeft",
  data: { memberId, occurredAt: iso(on) },
});

export const erased = (memberId: string, on: number): EventOf<"MemberErased"> => ({
  type: "MemberErased",
  data: { memberId, occurredAt: iso(on) },
});

export const interaction = (
  interactionId: string,
  from: string,
  to: string[],
  on: number,
  data: Partial<EventDataOf<"InteractionRecorded">> = {},
): EventOf<"InteractionRecorded"> => ({
  type: "InteractionRecorded",
  data: { interactionId, kind: "advice", from, to, occurredAt: iso(on), ...data },
});

export const gathering = (
  gatheringId: string,
  on: number,
  participants: [memberId: string, role: ParticipantRole][],
): EventOf<"GatheringHeld"> => ({
  type: "GatheringHeld",
  data: {
    gatheringId,
    format: "workshop",
    occurredAt: iso(on),
    participants: participants.map(([memberId, role]) => ({ memberId, role })),
  },
});

export const retracted = (recordId: string, on: number): EventOf<"RecordRetracted"> => ({
  type: "RecordRetracted",
  data: { recordId, reason: "logged by mistake", occurredAt: iso(on) },
});

/**
 * Stored events in log order (revision = position). An event is recorded when it occurred
 * unless given as `[event, recordedOnDay]` (a late log or a back-dated import).
 */
export function stored(...entries: (CommunityEvent | [CommunityEvent, number])[]): StoredEvent[] {
  return entries.map((entry, revision) => {
    const [event, recordedOn] = Array.isArray(entry) ? entry : [entry, undefined];
    const recordedAt = recordedOn === undefined ? Date.parse(event.data.occurredAt) : day(recordedOn);
    return { event, recordedAt, revision };
  });
}
