import type { CommunityEvent } from "./events/community-event.js";
import type { CommunityState, StateView } from "./state.js";

/**
 * Applies a stored event. The caller owns the state: it is updated in place and returned,
 * O(1) per event (replaying a million events must not copy anything). Entries are replaced,
 * never mutated, which keeps decideBatch's overlay sound. Stored events are facts, so an event
 * the decider would have refused is applied as far as it makes sense, never thrown on.
 */
export function evolve(state: CommunityState, event: CommunityEvent): CommunityState {
  applyEvent(state, event);
  return state;
}

export function applyEvent(state: StateView, event: CommunityEvent): void {
  state.eventCount += 1;
  switch (event.type) {
    case "CommunityRegistered": {
      state.registered = true;
      state.communityId = event.data.communityId;
      state.registeredAt = Date.parse(event.data.occurredAt);
      return;
    }
    case "MemberJoined": {
      const { memberId, occurredAt, attributes } = event.data;
      state.members.set(memberId, {
        joinedAt: Date.parse(occurredAt),
        leftAt: null,
        erased: false,
        attributeKeys: new Set(attributes ? Object.keys(attributes) : []),
      });
      return;
    }
    case "MemberProfileChanged": {
      const { memberId, attributes } = event.data;
      const member = state.members.get(memberId);
      if (!member || !attributes) return;
      // Keys in recording order, not valid time: an upper bound is all the cap needs.
      const keys = new Set(member.attributeKeys);
      for (const [key, value] of Object.entries(attributes)) {
        if (value === null) keys.delete(key);
        else keys.add(key);
      }
      state.members.set(memberId, { ...member, attributeKeys: keys });
      return;
    }
    case "MemberLeft": {
      const member = state.members.get(event.data.memberId);
      if (member) state.members.set(event.data.memberId, { ...member, leftAt: Date.parse(event.data.occurredAt) });
      return;
    }
    case "InteractionRecorded": {
      const { interactionId, from, to } = event.data;
      state.records.set(interactionId, { kind: "interaction", retracted: false, parties: [from, ...to] });
      return;
    }
    case "GatheringHeld": {
      const { gatheringId, participants } = event.data;
      const parties = participants.map((participant) => participant.memberId);
      state.records.set(gatheringId, { kind: "gathering", retracted: false, parties });
      return;
    }
    case "RecordRetracted": {
      const record = state.records.get(event.data.recordId);
      if (record) state.records.set(event.data.recordId, { ...record, retracted: true });
      return;
    }
    case "MemberErased": {
      const member = state.members.get(event.data.memberId);
      if (member) state.members.set(event.data.memberId, { ...member, erased: true });
      return;
    }
    default: {
      const _exhaustive: never = event;
      void _exhaustive;
    }
  }
}
