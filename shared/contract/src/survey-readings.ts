// A survey round's readings (trust, value, reported reciprocity) and its chain test, as the API
// speaks them. Definitions: docs/survey-analytics.md.
import { z } from "zod";
import { GraphQueryFields, queryCaps } from "./graph-query.js";

const Value = z.number().nullable();

/**
 * The chain test runs in the request (not the analytics pool), so its work is capped:
 * ordered pairs of respondents × permutations. 150 respondents × 200 permutations fit.
 */
export const chainCaps = {
  permutations: queryCaps.permutations,
  pairPermutations: 5_000_000,
  /** Fewer than the other tests' 1000: the default shrinks further when the cap asks it. */
  defaultPermutations: 200,
} as const;

export const SurveyReadingsQuery = z.object({
  knownAt: GraphQueryFields.shape.knownAt.meta({
    description:
      "Transaction time: the round's answers and the members' groups as copgraph knew them then (default now)",
  }),
  attribute: GraphQueryFields.shape.attribute.meta({
    description: "Attribute of across versus within (E-I of trust ties), default sector; also a group breakdown",
  }),
});
export type SurveyReadingsQuery = z.infer<typeof SurveyReadingsQuery>;

export const SurveyChainQuery = z.object({
  knownAt: GraphQueryFields.shape.knownAt.meta({
    description:
      "Transaction time: the round's answers and the recorded window as copgraph knew them then (default now)",
  }),
  seed: GraphQueryFields.shape.seed,
  permutations: z.coerce
    .number()
    .int()
    .min(0)
    .max(chainCaps.permutations, `must be at most ${chainCaps.permutations}, the cap on permutations`)
    .optional()
    .meta({
      description: `Permutations for the QAP and MRQAP p-values (default ${chainCaps.defaultPermutations}, fewer when the next cap asks it); at most ${chainCaps.permutations}, and respondents × (respondents − 1) × permutations at most ${chainCaps.pairPermutations.toLocaleString("en")}; more is refused with 400 naming the limit`,
    }),
});
export type SurveyChainQuery = z.infer<typeof SurveyChainQuery>;

/** Who answered out of whom was asked: every reading states it. */
export const ResponseRate = z.object({
  rostered: z.number().int().nullable(),
  respondents: z.number().int().nullable(),
  value: Value.meta({ description: "respondents / rostered; withdrawn answers do not count" }),
});

/** The answers read: taken from `from` to `to` (the close, or the planned close while open). */
export const ReadingWindow = z.object({ from: z.string(), to: z.string() });

const About = {
  communityId: z.string(),
  roundId: z.string(),
  status: z.enum(["scheduled", "open", "closed"]),
  window: ReadingWindow,
  knownAt: z.string(),
  responseRate: ResponseRate,
  audience: z.enum(["names", "pseudonyms", "aggregates"]).meta({
    description:
      "names: facilitators and admins (member ids and names); pseudonyms: researchers; aggregates: agencies (network and groups of at least the minimum size)",
  }),
  suppressed: z.boolean().optional().meta({
    description: "Agencies: fewer members answered than the minimum group size, so every value is withheld",
  }),
};

export const GivenReceived = z.object({
  trustGiven: Value,
  trustReceived: Value,
  valueGiven: Value,
  valueReceived: Value,
  trustRatingsGiven: z.number().int(),
  trustRatingsReceived: z.number().int(),
  valueRatingsGiven: z.number().int(),
  valueRatingsReceived: z.number().int(),
});

export const MemberReading = GivenReceived.extend({
  displayName: z.string().optional().meta({ description: "Facilitators and admins only" }),
});

export const TrustValueReading = z.object({
  network: z.object({
    trustScore: Value,
    valueScore: Value,
    trustShareOfMaximum: Value,
    valueShareOfMaximum: Value,
    trustRatings: z.number().int(),
    valueRatings: z.number().int(),
    dimensions: z.record(z.string(), Value),
  }),
  byGroup: z.record(z.string(), z.record(z.string(), GivenReceived.nullable())).meta({
    description:
      "Attribute → group → means given and received (ratings pooled). For agencies: groups of fewer respondents than the minimum are merged, unnamed, into 'other (suppressed)' (null)",
  }),
  suppressedGroups: z.record(z.string(), z.array(z.string())).optional(),
  acrossWithin: z.object({
    attribute: z.string(),
    trustWithin: Value,
    trustAcross: Value,
    valueWithin: Value,
    valueAcross: Value,
    internalTrustTies: z.number().int(),
    externalTrustTies: z.number().int(),
    ei: Value,
  }),
  mutualTrust: z.object({
    dyads: z.number().int(),
    mutualDyads: z.number().int(),
    oneWayDyads: z.number().int(),
    value: Value,
    shareOfDyads: Value,
  }),
  byMember: z.record(z.string(), MemberReading).optional().meta({
    description:
      "Every rostered member's means given and received (trust received: the member's coalition-style trust score); by member id, by pseudonym for researchers, absent for agencies. No single rating (who rated whom how) is ever shown",
  }),
});

export const ReportedLayerReciprocity = z.object({
  layer: z.string().nullable(),
  question: z.string().nullable(),
  over: z.literal("dyads in which both answered"),
  value: Value,
  edge: Value,
  mutualDyads: z.number().int(),
  asymmetricDyads: z.number().int(),
  dyadsUsed: z.number().int(),
  arcsLeftOut: z.number().int(),
  respondents: z.number().int(),
  rostered: z.number().int(),
  responseRate: Value,
});

export const SurveyReadingsResponse = z
  .object({
    ...About,
    trustValue: TrustValueReading.nullable(),
    reciprocity: z.array(ReportedLayerReciprocity).nullable().meta({
      description: "Per reported layer of the round's name generators, over dyads in which both answered",
    }),
  })
  .meta({ id: "SurveyReadings" });
export type SurveyReadingsResponse = z.infer<typeof SurveyReadingsResponse>;

const PValues = {
  p: Value,
  pGreater: Value,
  pLess: Value,
  permutations: z.number().int(),
};
const QapCorrelation = z.object({ r: Value, ...PValues });

export const SurveyChainResponse = z
  .object({
    ...About,
    chain: z
      .object({
        members: z.number().int().meta({ description: "Respondents: the matrices' members" }),
        dyads: z.number().int(),
        permutations: z.number().int(),
        seed: z.number().int(),
        recordedWindow: ReadingWindow.meta({
          description: "Recorded reversal and reciprocity are read from here: the 12 months before the round opened",
        }),
        correlations: z.object({
          reversalReciprocity: QapCorrelation,
          reversalTrust: QapCorrelation,
          reciprocityTrust: QapCorrelation,
        }),
        regression: z.object({
          cells: z.number().int(),
          r2: Value,
          coefficients: z.array(
            z.object({ name: z.string(), estimate: Value, standardError: Value, t: Value, ...PValues }),
          ),
          undefinedBecause: z.string().optional(),
        }),
      })
      .nullable(),
  })
  .meta({ id: "SurveyChain" });
export type SurveyChainResponse = z.infer<typeof SurveyChainResponse>;
