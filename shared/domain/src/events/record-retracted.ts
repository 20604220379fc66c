import { z } from "zod";
import { EntityId, OccurredAt, Text } from "./fields.js";

/** Corrections are new events: an interaction or gathering recorded by mistake is retracted, never edited. */
export const RecordRetractedData = z.strictObject({
  recordId: EntityId,
  reason: Text,
  occurredAt: OccurredAt,
});
export type RecordRetractedData = z.infer<typeof RecordRetractedData>;
