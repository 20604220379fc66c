import { z } from "zod";

/** What a successful write returns: the community's new revision and the events it stored. */
export const WriteResult = z
  .object({
    communityId: z.string(),
    revision: z
      .number()
      .int()
      .meta({ description: "Revision (0-based) of the last event of the community after the write" }),
    position: z.number().int().meta({ description: "Global log position of the last event written" }),
    events: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        revision: z.number().int(),
        recordId: z
          .string()
          .optional()
          .meta({ description: "The member, interaction or gathering id the event is about" }),
      }),
    ),
    warnings: z
      .array(z.string())
      .optional()
      .meta({ description: "Stored as asked, but worth a second look (e.g. a member id that carries a name)" }),
  })
  .meta({ id: "WriteResult" });
export type WriteResult = z.infer<typeof WriteResult>;
