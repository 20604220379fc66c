import { z } from "zod";
import { EntityId, OccurredAt, Text } from "./fields.js";

export const MemberLeftData = z.strictObject({
  memberId: EntityId,
  occurredAt: OccurredAt,
  reason: Text.optional(),
});
export type MemberLeftData = z.infer<typeof MemberLeftData>;
