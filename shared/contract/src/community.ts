import { z } from "zod";

/** A count, null when withheld from an agency (see `suppressed`). */
const Count = z.number().int().nullable();

export const CommunitySummary = z
  .object({
    communityId: z.string(),
    name: z.string(),
    concern: z.string(),
    description: z.string().optional(),
    registeredAt: z.string().meta({ description: "Valid time of the registration" }),
    revision: z.number().int(),
    activeMembers: Count,
    members: Count.meta({ description: "Members who ever joined" }),
    interactions: Count,
    gatherings: Count,
    retractions: Count,
    lastOccurredAt: z.string().meta({ description: "Latest valid time among the community's events" }),
    suppressed: z.boolean().optional().meta({
      description:
        "For an agency: the counts are withheld (null), the community having fewer current members than the minimum group size",
    }),
  })
  .meta({ id: "CommunitySummary" });
export type CommunitySummary = z.infer<typeof CommunitySummary>;

export const CommunityList = z.object({ communities: z.array(CommunitySummary) }).meta({ id: "CommunityList" });
export type CommunityList = z.infer<typeof CommunityList>;
