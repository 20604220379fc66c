// Small builders for events and commands, so each test states only what it is about.
import type { Command } from "../commands.js";
import type { EventDataOf, EventOf } from "../events/community-event.js";

export const T0 = "2025-01-01T09:00:00Z";
export const T1 = "2025-02-01T09:00:00Z";
export const T2 = "2025-03-01T09:00:00Z";
export const T3 = "2025-04-01T09:00:00Z";

export const registered = (data: Partial<EventDataOf<"CommunityRegistered">> = {}): EventOf<"CommunityRegistered"> => ({
  type: "CommunityRegistered",
  data: { communityId: "makers", name: "Makers", concern: "Teaching with makerspaces", occurredAt: T0, ...data },
});

export const joined = (memberId: string, data: Partial<EventDataOf<"MemberJoined">> = {}): EventOf<"MemberJoined"> => ({
  type: "MemberJoined",
  data: {
    memberId,
    displayName: `Member ${memberId}`,
    sector: "education",
    occupationalLayer: "professional",
    occurredAt: T0,
    ...data,
  },
});

export const left = (memberId: string, occurredAt = T2): EventOf<"MemberLeft"> => ({
  type: "MemberLeft",
  data: { memberId, occurredAt },
});

export const erased = (memberId: string, occurredAt = T2): EventOf<"MemberErased"> => ({
  type: "MemberErased",
  data: { memberId, occurredAt },
});

export const interaction = (
  interactionId: string,
  from: string,
  to: string[],
  data: Partial<EventDataOf<"InteractionRecorded">> = {},
): EventOf<"InteractionRecorded"> => ({
  type: "InteractionRecorded",
  data: { interactionId, kind: "advice", from, to, occurredAt: T1, ...data },
});

export const gathering = (
  gatheringId: string,
  memberIds: string[],
  data: Partial<EventDataOf<"GatheringHeld">> = {},
): EventOf<"GatheringHeld"> => ({
  type: "GatheringHeld",
  data: {
    gatheringId,
    format: "workshop",
    occurredAt: T1,
    participants: memberIds.map((memberId, i) => ({ memberId, role: i === 0 ? "facilitator" : "participant" })),
    ...data,
  },
});

export const retracted = (recordId: string, occurredAt = T2): EventOf<"RecordRetracted"> => ({
  type: "RecordRetracted",
  data: { recordId, reason: "logged by mistake", occurredAt },
});

/** A registered community with members a, b and c, all joined at T0. */
export const community = () => [registered(), joined("a"), joined("b"), joined("c")];

export const cmd = {
  register: (e = registered()): Command => ({ type: "RegisterCommunity", data: e.data }),
  join: (e: EventOf<"MemberJoined">): Command => ({ type: "JoinMember", data: e.data }),
  change: (data: EventDataOf<"MemberProfileChanged">): Command => ({ type: "ChangeMemberProfile", data }),
  leave: (e: EventOf<"MemberLeft">): Command => ({ type: "LeaveCommunity", data: e.data }),
  interact: (e: EventOf<"InteractionRecorded">): Command => ({ type: "RecordInteraction", data: e.data }),
  gather: (e: EventOf<"GatheringHeld">): Command => ({ type: "RecordGathering", data: e.data }),
  retract: (e: EventOf<"RecordRetracted">): Command => ({ type: "RetractRecord", data: e.data }),
  erase: (e: EventOf<"MemberErased">): Command => ({ type: "EraseMember", data: e.data }),
};
