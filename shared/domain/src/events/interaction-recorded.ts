import { z } from "zod";
import { GatheringFormat, InteractionKind } from "../catalogues.js";
import { EntityId, OccurredAt, Text, Topics } from "./fields.js";

export const MAX_RECIPIENTS = 500;
export const MAX_WEIGHT = 1000;

// Reported at the repeated position, so a client can mark the entry.
const Recipients = z
  .array(EntityId)
  .min(1)
  .max(MAX_RECIPIENTS)
  .superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) ctx.addIssue({ code: "custom", message: "repeats a member", path: [index] });
      seen.add(id);
    });
  });

/** A tie from `from` to each of `to` (directed unless the kind is mutual). */
export const InteractionRecordedData = z.strictObject({
  interactionId: EntityId,
  kind: InteractionKind,
  from: EntityId,
  to: Recipients,
  occurredAt: OccurredAt,
  format: GatheringFormat.optional(),
  topics: Topics.optional(),
  /** Strength of the tie; absent means 1. z.number() already refuses NaN and Infinity. */
  weight: z.number().positive().max(MAX_WEIGHT).optional(),
  notes: Text.optional(),
});
export type InteractionRecordedData = z.infer<typeof InteractionRecordedData>;
