// The closed set of event types a community stream holds, as one discriminated union.
import { z } from "zod";
import { CommunityRegisteredData } from "./community-registered.js";
import { GatheringHeldData } from "./gathering-held.js";
import { InteractionRecordedData } from "./interaction-recorded.js";
import { MemberErasedData } from "./member-erased.js";
import { MemberJoinedData } from "./member-joined.js";
import { MemberLeftData } from "./member-left.js";
import { MemberProfileChangedData } from "./member-profile-changed.js";
import { RecordRetractedData } from "./record-retracted.js";

export const eventTypes = [
  "CommunityRegistered",
  "MemberJoined",
  "MemberProfileChanged",
  "MemberLeft",
  "InteractionRecorded",
  "GatheringHeld",
  "RecordRetracted",
  "MemberErased",
] as const;
export const EventType = z.enum(eventTypes);
export type EventType = z.infer<typeof EventType>;

export const eventDataSchemas = {
  CommunityRegistered: CommunityRegisteredData,
  MemberJoined: MemberJoinedData,
  MemberProfileChanged: MemberProfileChangedData,
  MemberLeft: MemberLeftData,
  InteractionRecorded: InteractionRecordedData,
  GatheringHeld: GatheringHeldData,
  RecordRetracted: RecordRetractedData,
  MemberErased: MemberErasedData,
} as const satisfies { [T in EventType]: z.ZodType };

/** Stored in `metadata.schemaVersion`; bump one when its data shape changes and add an upcaster. */
export const eventSchemaVersions: Readonly<Record<EventType, number>> = {
  CommunityRegistered: 1,
  MemberJoined: 1,
  MemberProfileChanged: 1,
  MemberLeft: 1,
  InteractionRecorded: 1,
  GatheringHeld: 1,
  RecordRetracted: 1,
  MemberErased: 1,
};

const variant = <T extends EventType>(type: T) =>
  z.strictObject({ type: z.literal(type), data: eventDataSchemas[type] });

/** `{ type, data }` of any community event; strict at both levels. */
export const CommunityEventSchema = z.discriminatedUnion("type", [
  variant("CommunityRegistered"),
  variant("MemberJoined"),
  variant("MemberProfileChanged"),
  variant("MemberLeft"),
  variant("InteractionRecorded"),
  variant("GatheringHeld"),
  variant("RecordRetracted"),
  variant("MemberErased"),
]);
export type CommunityEvent = z.infer<typeof CommunityEventSchema>;
export type EventOf<T extends EventType> = Extract<CommunityEvent, { type: T }>;
export type EventDataOf<T extends EventType> = EventOf<T>["data"];
