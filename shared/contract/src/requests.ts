import { eventDataSchemas, eventTypes } from "@copgraph/domain";
import { z } from "zod";

// Request bodies of the write routes, derived from the event data schemas so that a field is
// defined once. Ids the server can generate and `occurredAt` (default: now) become optional.

const data = eventDataSchemas;
const optionalOccurredAt = { occurredAt: data.MemberJoined.shape.occurredAt.optional() };

export const RegisterCommunityRequest = z
  .strictObject({
    ...data.CommunityRegistered.shape,
    communityId: data.CommunityRegistered.shape.communityId.optional(),
    ...optionalOccurredAt,
  })
  .meta({ id: "RegisterCommunityRequest" });

export const JoinMemberRequest = z
  .strictObject({
    ...data.MemberJoined.shape,
    memberId: data.MemberJoined.shape.memberId.optional(),
    ...optionalOccurredAt,
  })
  .meta({ id: "JoinMemberRequest" });

const { memberId: _memberId, ...profileFields } = data.MemberProfileChanged.shape;
export const ChangeMemberProfileRequest = z
  .strictObject({ ...profileFields, ...optionalOccurredAt })
  .refine((body) => Object.keys(body).some((key) => key !== "occurredAt"), {
    message: "name at least one profile field to change",
  })
  .meta({ id: "ChangeMemberProfileRequest" });

export const LeaveCommunityRequest = z
  .strictObject({ reason: data.MemberLeft.shape.reason, ...optionalOccurredAt })
  .meta({ id: "LeaveCommunityRequest" });

export const EraseMemberRequest = z.strictObject({ ...optionalOccurredAt }).meta({ id: "EraseMemberRequest" });

export const RecordInteractionRequest = z
  .strictObject({
    ...data.InteractionRecorded.shape,
    interactionId: data.InteractionRecorded.shape.interactionId.optional(),
    ...optionalOccurredAt,
  })
  .meta({ id: "RecordInteractionRequest" });

export const RecordGatheringRequest = z
  .strictObject({
    ...data.GatheringHeld.shape,
    gatheringId: data.GatheringHeld.shape.gatheringId.optional(),
    ...optionalOccurredAt,
  })
  .meta({ id: "RecordGatheringRequest" });

export const RetractRecordRequest = z
  .strictObject({ ...data.RecordRetracted.shape, ...optionalOccurredAt })
  .meta({ id: "RetractRecordRequest" });

export const MAX_BATCH_EVENTS = 10_000;

const BatchItem = z.discriminatedUnion(
  "type",
  eventTypes.map((type) =>
    z.strictObject({
      id: z
        .uuid()
        .optional()
        .meta({ description: "Event id; a retried import with the same ids stores nothing twice" }),
      type: z.literal(type),
      data: data[type],
      recordedAt: z.iso.datetime({ offset: true }).optional().meta({
        description:
          "Its transaction time in the log it came from: kept when the community has no events yet (none may be in the future or before the one before), else the write's own time is recorded",
      }),
    }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

export const EventBatchRequest = z
  .strictObject({ events: z.array(BatchItem).min(1).max(MAX_BATCH_EVENTS) })
  .meta({ id: "EventBatchRequest" });
export type EventBatchRequest = z.infer<typeof EventBatchRequest>;

export const CommunityParams = z.object({ id: data.CommunityRegistered.shape.communityId });
export const MemberParams = CommunityParams.extend({ memberId: data.MemberJoined.shape.memberId });
