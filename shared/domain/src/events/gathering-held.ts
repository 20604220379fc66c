import { z } from "zod";
import { GatheringFormat, ParticipantRole } from "../catalogues.js";
import { EntityId, Name, OccurredAt, Text, Topics } from "./fields.js";

export const MAX_PARTICIPANTS = 2000;
/** One week. */
export const MAX_DURATION_MINUTES = 10_080;

export const Participant = z.strictObject({ memberId: EntityId, role: ParticipantRole });
export type Participant = z.infer<typeof Participant>;

/**
 * A workshop, meeting, visit… Distinct participants are checked by the decider, which reports
 * too_few_participants / duplicate_participant with the offending position.
 */
export const GatheringHeldData = z.strictObject({
  gatheringId: EntityId,
  title: Name.optional(),
  format: GatheringFormat,
  place: Name.optional(),
  occurredAt: OccurredAt,
  durationMinutes: z.number().int().positive().max(MAX_DURATION_MINUTES).optional(),
  participants: z.array(Participant).min(2).max(MAX_PARTICIPANTS),
  topics: Topics.optional(),
  notes: Text.optional(),
});
export type GatheringHeldData = z.infer<typeof GatheringHeldData>;
