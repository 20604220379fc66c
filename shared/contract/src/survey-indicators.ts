// The catalogue's structural indicators on a survey round's reported layers, as the API speaks
// them. Definitions: docs/surveys.md (missing answers) and docs/indicators.md.
import { reportedLayers } from "@copgraph/domain";
import { z } from "zod";
import { GraphQueryFields, IndicatorSelection } from "./graph-query.js";
import { IndicatorValue } from "./indicators.js";

const ReportedLayer = z.string().refine((layer) => reportedLayers.includes(layer), {
  message: `must be a reported layer: ${reportedLayers.join(", ")}`,
});

export const SurveyIndicatorsQuery = z.object({
  layers: z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(ReportedLayer).min(1))
    .optional()
    .meta({
      description: `Reported layers, comma-separated (${reportedLayers.join(", ")}); default every layer the round asks. Ties of several layers add up: an arc's weight is the number of questions that named it`,
    }),
  indicators: IndicatorSelection.shape.indicators.meta({
    description:
      "Indicator ids, comma-separated (default every structural one). Time-based indicators (activity, returns within a time) and those that read gatherings are not offered on reported layers: asking for one is refused with 400 saying why",
  }),
  knownAt: GraphQueryFields.shape.knownAt.meta({
    description:
      "Transaction time: the round's answers and the members' profiles as copgraph knew them then (default now)",
  }),
  attribute: GraphQueryFields.shape.attribute,
  seed: GraphQueryFields.shape.seed,
  permutations: GraphQueryFields.shape.permutations,
});
export type SurveyIndicatorsQuery = z.infer<typeof SurveyIndicatorsQuery>;

export const SurveyIndicatorValue = IndicatorValue.extend({
  over: z.enum(["members asked", "dyads in which both answered"]).meta({
    description:
      "What the value is computed over: every member asked (a non-respondent's own ties unknown, ties to them kept), or, for reciprocity, only the dyads in which both answered (a tie to someone who did not answer could never be returned)",
  }),
});
export type SurveyIndicatorValue = z.infer<typeof SurveyIndicatorValue>;

export const SurveyIndicatorsResponse = z
  .object({
    communityId: z.string(),
    roundId: z.string(),
    layers: z.array(z.string()),
    at: z.string().meta({
      description: "Valid time of the members' attributes: the round's close (its planned close while open)",
    }),
    knownAt: z.string(),
    attribute: z.string(),
    seed: z.number().int(),
    permutations: z.number().int(),
    roster: z.number().int().nullable().meta({ description: "Members asked" }),
    respondents: z.number().int().nullable().meta({ description: "Members whose answer counts (not withdrawn)" }),
    responseRate: z.number().nullable().meta({ description: "respondents / roster, stated with every reading" }),
    reciprocityOver: z.literal("dyads in which both answered"),
    audience: z.enum(["names", "pseudonyms", "aggregates"]),
    suppressed: z.boolean().optional().meta({
      description: "Agencies: fewer members answered than the minimum group size, so every value is withheld",
    }),
    indicators: z.record(z.string(), SurveyIndicatorValue),
  })
  .meta({ id: "SurveyIndicatorsResponse" });
export type SurveyIndicatorsResponse = z.infer<typeof SurveyIndicatorsResponse>;
