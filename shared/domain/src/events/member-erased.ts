import { z } from "zod";
import { EntityId, OccurredAt } from "./fields.js";

/** The member's personal data must no longer be returned anywhere; aggregates stay. */
export const MemberErasedData = z.strictObject({
  memberId: EntityId,
  occurredAt: OccurredAt,
});
export type MemberErasedData = z.infer<typeof MemberErasedData>;
