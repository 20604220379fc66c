import { z } from "zod";
import { CommunityId, Name, OccurredAt, Text } from "./fields.js";

/** A community of practice starts being tracked. Once per community (stream). */
export const CommunityRegisteredData = z.strictObject({
  communityId: CommunityId,
  name: Name,
  /** The shared concern or passion the community forms around. */
  concern: Text,
  description: Text.optional(),
  occurredAt: OccurredAt,
});
export type CommunityRegisteredData = z.infer<typeof CommunityRegisteredData>;
