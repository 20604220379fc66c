import { z } from "zod";
import { LearningEnvironment, OccupationalLayer, Sector } from "../catalogues.js";
import { AttributeChanges, EntityId, Name, OccurredAt } from "./fields.js";

export const memberProfileFields = [
  "displayName",
  "sector",
  "occupationalLayer",
  "organisation",
  "learningEnvironment",
  "attributes",
] as const;

/**
 * Attributes take effect from `occurredAt` (valid time), so profiles have a history.
 * `null` clears an optional field (organisation, learningEnvironment, an attribute).
 */
export const MemberProfileChangedData = z
  .strictObject({
    memberId: EntityId,
    displayName: Name.optional(),
    sector: Sector.optional(),
    occupationalLayer: OccupationalLayer.optional(),
    organisation: Name.nullable().optional(),
    learningEnvironment: LearningEnvironment.nullable().optional(),
    attributes: AttributeChanges.optional(),
    occurredAt: OccurredAt,
  })
  .refine((data) => memberProfileFields.some((field) => data[field] !== undefined), {
    message: `must change at least one of ${memberProfileFields.join(", ")}`,
  });
export type MemberProfileChangedData = z.infer<typeof MemberProfileChangedData>;
