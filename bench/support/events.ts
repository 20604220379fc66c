import { randomUUID } from "node:crypto";
import type { EventData } from "@copgraph/event-store";

// Events shaped like the ones the API writes: InteractionRecorded data (~200 bytes of JSON) with the
// metadata CommunityWriter adds (recordedAt, recordedBy, correlationId, schemaVersion).

export const MEMBER_COUNT = 50;
export const memberIds = Array.from({ length: MEMBER_COUNT }, (_, i) => `member-${String(i + 1).padStart(2, "0")}`);

const kinds = ["advice", "knowledge-sharing", "mentoring", "feedback", "introduction", "collaboration"] as const;
const formats = ["workshop", "meeting", "makerspace", "online", "site-visit"] as const;
const topics = ["3d-printing", "assessment", "robotics", "coding", "inclusion", "apprenticeships", "design"] as const;

const pick = <T>(list: readonly T[], i: number) => list[i % list.length] as T;

/** Every ordered pair of distinct members, in a fixed order (50 members: 2,450 pairs, no self-ties). */
export const memberPairs: readonly (readonly [string, string])[] = memberIds.flatMap((from) =>
  memberIds.filter((to) => to !== from).map((to) => [from, to] as const),
);

/** The request body of POST /interactions for pair `i` (no interactionId, no occurredAt: the server picks them). */
export function interactionRequest(i: number) {
  const [from, to] = pick(memberPairs, i);
  return {
    kind: pick(kinds, i),
    from,
    to: [to],
    format: pick(formats, i),
    topics: [pick(topics, i), pick(topics, i + 3)],
    weight: 1 + (i % 3),
  };
}

/** InteractionRecorded data for pair `i`, as the decider stores it. */
export function interactionData(i: number, occurredAt: string) {
  return { interactionId: randomUUID(), ...interactionRequest(i), occurredAt };
}

export type IdKind = "v4" | "v7";

let lastMs = -1;
let sequence = 0;

/**
 * A time-ordered UUIDv7 (RFC 9562) like the API's own event ids (services/community/src/write/event-id.ts):
 * 48-bit milliseconds, a 12-bit counter within the millisecond, the rest random.
 */
export function uuidV7(now = Date.now()): string {
  if (now <= lastMs) {
    sequence++;
    if (sequence > 0xfff) {
      lastMs++;
      sequence = 0;
    }
  } else {
    lastMs = now;
    sequence = 0;
  }
  const time = lastMs.toString(16).padStart(12, "0");
  // randomUUID() is "xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx" with the variant bits already set at V.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${sequence.toString(16).padStart(3, "0")}${randomUUID().slice(18)}`;
}

export const newId = (kind: IdKind) => (kind === "v7" ? uuidV7() : randomUUID());

/** An event as CommunityWriter hands it to the store; `idKind` v7 as the API makes them, v4 as many clients do. */
export function interactionEvent(i: number, occurredAt: string, recordedAt: string, idKind: IdKind = "v7"): EventData {
  return {
    id: newId(idKind),
    type: "InteractionRecorded",
    data: interactionData(i, occurredAt),
    metadata: { recordedAt, recordedBy: "anonymous", correlationId: randomUUID(), schemaVersion: 1 },
  };
}

/** MemberJoined events for the batch endpoint, one per member. */
export function memberJoinedEvents(occurredAt: string) {
  return memberIds.map((memberId, i) => ({
    type: "MemberJoined",
    data: {
      memberId,
      displayName: `Member ${i + 1}`,
      sector: pick(["education", "business", "research", "public-authority"], i),
      occupationalLayer: pick(["professional", "student", "management"], i),
      occurredAt,
    },
  }));
}
