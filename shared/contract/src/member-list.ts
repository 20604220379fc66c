import { z } from "zod";

/** Where a member stands today: may they be named in a new record? */
export const MemberStatus = z.enum(["active", "left", "erased"]).meta({
  description:
    "active: a member now (may be named in a new record); left: has left; erased: their personal data was erased (an anonymous node)",
});
export type MemberStatus = z.infer<typeof MemberStatus>;

export const MemberListEntry = z.object({
  id: z.string().meta({ description: "The member id (a pseudonym for a researcher)" }),
  displayName: z.string().optional().meta({
    description: "The member's name: only for callers who may see names (admins, facilitators), never once erased",
  }),
  organisation: z.string().optional().meta({ description: "Like displayName: only for callers who may see names" }),
  attributes: z
    .record(z.string(), z.string())
    .meta({ description: "The current profile (sector, occupational layer, custom attributes), as graph nodes carry" }),
  status: MemberStatus,
  joinedAt: z.string().meta({ description: "Valid time of joining" }),
  leftAt: z.string().optional().meta({ description: "Valid time of leaving, when they have left" }),
});
export type MemberListEntry = z.infer<typeof MemberListEntry>;

export const MemberList = z
  .object({
    communityId: z.string(),
    at: z.string().meta({ description: "The date the statuses are for (now), everything recorded by then known" }),
    revision: z.number().int(),
    members: z
      .array(MemberListEntry)
      .meta({ description: "Every member who joined by `at`, in the order of their ids" }),
  })
  .meta({
    id: "MemberList",
    description:
      "Who is who, for labels, search and pickers: names and organisations for admins and facilitators, pseudonyms and no names for researchers",
  });
export type MemberList = z.infer<typeof MemberList>;
