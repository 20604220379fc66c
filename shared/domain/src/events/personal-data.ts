import type { EventType } from "./community-event.js";

/**
 * Fields holding personal data or free text, per event type. Erasure blanks these (or keeps them
 * outside the event body); ids, catalogue attributes and timestamps stay so aggregates survive.
 * Community name and concern describe the community, not a person, so only its description is listed.
 */
export const personalDataFields: Readonly<Record<EventType, readonly string[]>> = {
  CommunityRegistered: ["description"],
  MemberJoined: ["displayName", "organisation"],
  MemberProfileChanged: ["displayName", "organisation"],
  MemberLeft: ["reason"],
  InteractionRecorded: ["notes"],
  GatheringHeld: ["title", "place", "notes"],
  RecordRetracted: ["reason"],
  MemberErased: [],
};
