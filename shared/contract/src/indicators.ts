import { z } from "zod";
import { ResolvedQuery } from "./graph-query.js";
import { MemberDetails } from "./member-details.js";

const Value = z.number().nullable();

export const IndicatorValue = z
  .object({
    value: Value,
    version: z.number().int(),
    baseline: Value.optional(),
    p: Value.optional(),
    z: Value.optional(),
    byGroup: z.record(z.string(), Value).optional(),
    byMember: z.record(z.string(), Value).optional(),
    details: z.unknown().optional(),
    suppressed: z.boolean().optional().meta({
      description: "Withheld (every value null): the community has fewer members than the minimum group size",
    }),
    suppressedGroups: z.array(z.string()).optional().meta({
      description:
        "Groups whose byGroup value is withheld (null). Groups under the minimum group size are merged, unnamed, into 'other (suppressed)'; a larger group is withheld too when the total minus the shown groups would give their value away",
    }),
  })
  .meta({ id: "IndicatorValue" });
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const IndicatorsResponse = z
  .object({
    communityId: z.string(),
    query: ResolvedQuery,
    indicators: z.record(z.string(), IndicatorValue),
    memberDetails: MemberDetails.optional(),
  })
  .meta({ id: "IndicatorsResponse" });
export type IndicatorsResponse = z.infer<typeof IndicatorsResponse>;

export const TimelineResponse = z
  .object({
    communityId: z.string(),
    query: ResolvedQuery,
    steps: z.array(z.string()).meta({ description: "The dates (valid time) of the series" }),
    series: z.record(
      z.string(),
      z.object({
        version: z.number().int(),
        values: z.array(Value),
        baselines: z.array(Value).optional(),
        suppressed: z.array(z.boolean()).optional().meta({
          description: "Per date: the value is withheld, the community being smaller than the minimum group size",
        }),
      }),
    ),
  })
  .meta({ id: "TimelineResponse" });
export type TimelineResponse = z.infer<typeof TimelineResponse>;

export const CompareResponse = z
  .object({
    query: ResolvedQuery.omit({ revision: true }),
    communities: z.array(
      z.object({
        communityId: z.string(),
        name: z.string(),
        revision: z.number().int(),
        indicators: z.record(z.string(), IndicatorValue.omit({ byMember: true, details: true })),
      }),
    ),
  })
  .meta({ id: "CompareResponse" });
export type CompareResponse = z.infer<typeof CompareResponse>;
