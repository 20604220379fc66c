import { z } from "zod";

/** One stored event as the API shows it: envelope, both clocks, and the event's data. */
export const LoggedEvent = z
  .object({
    id: z.string(),
    type: z.string(),
    revision: z.number().int(),
    position: z.number().int(),
    occurredAt: z.string().meta({ description: "Valid time: when it happened in the community" }),
    recordedAt: z.string().meta({ description: "Transaction time: when copgraph stored it" }),
    schemaVersion: z.number().int(),
    data: z.record(z.string(), z.unknown()),
    metadata: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "LoggedEvent" });
export type LoggedEvent = z.infer<typeof LoggedEvent>;

export const EventPageQuery = z.object({
  from: z.coerce.number().int().min(0).default(0).meta({ description: "First revision returned (0-based)" }),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});

export const EventPage = z
  .object({
    communityId: z.string(),
    from: z.number().int(),
    limit: z.number().int(),
    revision: z.number().int().meta({ description: "The community's current revision" }),
    next: z.number().int().nullable().meta({ description: "`from` of the next page, or null at the end" }),
    events: z.array(LoggedEvent),
  })
  .meta({ id: "EventPage" });
export type EventPage = z.infer<typeof EventPage>;
