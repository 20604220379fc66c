import { z } from "zod";

// Per-member values (`byMember`, and the parts of `details` that list or key members) grow with
// the community: a report of 17,000 members would be megabytes. They come only when asked, a page
// of members at a time; the default answer carries community-level values and group breakdowns.

export const DEFAULT_MEMBER_PAGE_SIZE = 1_000;
export const MAX_MEMBER_PAGE_SIZE = 5_000;

const pageFields = {
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional()
    .meta({ description: "With details=members: the page of members, from 1 (default 1)" }),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_MEMBER_PAGE_SIZE, `must be at most ${MAX_MEMBER_PAGE_SIZE} members per page`)
    .optional()
    .meta({
      description: `With details=members: members per page (default ${DEFAULT_MEMBER_PAGE_SIZE}, at most ${MAX_MEMBER_PAGE_SIZE})`,
    }),
};

export const MemberDetailsQuery = z.object({
  details: z.enum(["community", "members"]).default("community").meta({
    description:
      "community (default): community-level values and group breakdowns only; members: also the per-member values (byMember and the member-level parts of details), a page of members at a time",
  }),
  ...pageFields,
});
export type MemberDetailsQuery = z.infer<typeof MemberDetailsQuery>;

/** Paging only means something with details=members: refuse it otherwise rather than ignore it. */
export const withMemberPagingRule = <T extends z.ZodType<MemberDetailsQuery>>(schema: T) =>
  schema.refine((q) => q.details === "members" || (q.page === undefined && q.pageSize === undefined), {
    message: "page and pageSize page the members: give them with details=members",
    path: ["page"],
  });

export const MemberDetailsOmitted = z
  .object({
    included: z.literal(false),
    omitted: z.record(z.string(), z.array(z.string())).optional().meta({
      description:
        "Per indicator, the member-level parts left out of this answer, as paths into its value: `byMember`, `details.partition` (keyed by member), `details.members[]` (a list of members), `details.clusters[].members[]`",
    }),
    ask: z.string().optional().meta({ description: "How to get them" }),
  })
  .meta({
    id: "MemberDetailsOmitted",
    description:
      "No per-member values in this answer; `omitted` and `ask` are absent when the caller's view has none to give (agencies)",
  });

export const MemberDetailsPage = z
  .object({
    included: z.literal(true),
    page: z.number().int(),
    pageSize: z.number().int(),
    members: z.number().int().meta({ description: "Members with a per-member value in any indicator asked" }),
    pages: z.number().int(),
    order: z.literal("member id").meta({
      description:
        "Members are paged in the order of their ids (as the caller sees them: pseudonyms for researchers), compared as strings; each member-level part holds only the page's members",
    }),
  })
  .meta({ id: "MemberDetailsPage" });

export const MemberDetails = z
  .discriminatedUnion("included", [MemberDetailsOmitted, MemberDetailsPage])
  .meta({ id: "MemberDetails", description: "What this answer holds of the per-member values" });
export type MemberDetails = z.infer<typeof MemberDetails>;
