import { z } from "zod";
import { LearningEnvironment, OccupationalLayer, Sector } from "../catalogues.js";
import { Attributes, EntityId, Name, OccurredAt } from "./fields.js";

export const MemberJoinedData = z.strictObject({
  memberId: EntityId,
  displayName: Name,
  sector: Sector,
  occupationalLayer: OccupationalLayer,
  organisation: Name.optional(),
  learningEnvironment: LearningEnvironment.optional(),
  attributes: Attributes.optional(),
  occurredAt: OccurredAt,
});
export type MemberJoinedData = z.infer<typeof MemberJoinedData>;
