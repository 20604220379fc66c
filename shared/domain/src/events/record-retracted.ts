import { z } from "zod";
import { EntityId, OccurredAt, Text } from "./fields.js";

/** Corrections are new events: an interaction or gathering recorded by mistake is retracted, never edited. */
export const RecordRetractedData = z.strictObject({
  recordId: EntityId,
  /** Optional: none may be given once a member the record is about has been erased. */
  reason: Text.optional(),
  occurredAt: OccurredAt,
});
export type RecordRetractedData = z.infer<typeof RecordRetractedData>;
