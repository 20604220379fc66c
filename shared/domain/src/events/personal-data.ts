import type { EventType } from "./community-event.js";

/**
 * Fields holding personal data or free text, per event type. They are kept outside the stored
 * event body (see personal-data-split.ts), where erasure can delete them; ids, catalogue
 * attributes and timestamps stay in the log so aggregates survive.
 * Community name and concern describe the community, not a person, so only its description is listed.
 */
export const personalDataFields: Readonly<Record<EventType, readonly string[]>> = {
  CommunityRegistered: ["description"],
  MemberJoined: ["displayName", "organisation"],
  MemberProfileChanged: ["displayName", "organisation"],
  MemberLeft: ["reason"],
  InteractionRecorded: ["topics", "notes"],
  GatheringHeld: ["title", "place", "topics", "notes"],
  RecordRetracted: ["reason"],
  MemberErased: [],
};

/** Personal fields that hold a list of texts: kept as one JSON text, given back as the list. */
export const personalListFields: ReadonlySet<string> = new Set(["topics"]);
