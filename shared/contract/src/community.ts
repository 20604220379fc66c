import { z } from "zod";

export const CommunitySummary = z
  .object({
    communityId: z.string(),
    name: z.string(),
    concern: z.string(),
    description: z.string().optional(),
    registeredAt: z.string().meta({ description: "Valid time of the registration" }),
    revision: z.number().int(),
    activeMembers: z.number().int(),
    members: z.number().int().meta({ description: "Members who ever joined" }),
    interactions: z.number().int(),
    gatherings: z.number().int(),
    retractions: z.number().int(),
    lastOccurredAt: z.string().meta({ description: "Latest valid time among the community's events" }),
  })
  .meta({ id: "CommunitySummary" });
export type CommunitySummary = z.infer<typeof CommunitySummary>;

export const CommunityList = z.object({ communities: z.array(CommunitySummary) }).meta({ id: "CommunityList" });
export type CommunityList = z.infer<typeof CommunityList>;
