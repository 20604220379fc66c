// Survey rounds, personal links, answers and response tracking, as the API speaks them.
import { EntityId, MAX_ROSTER, SurveyAnswerBody, SurveyRoundOpenedData } from "@copgraph/domain";
import { z } from "zod";
import { CommunityParams } from "./requests.js";

/** The instrument a round asks from, for the forms that open one. */
export { type SurveyQuestion, surveyQuestions } from "@copgraph/domain";

export const RoundParams = CommunityParams.extend({ roundId: EntityId });
export const RoundMemberParams = RoundParams.extend({ memberId: EntityId });

const DateTime = z.iso.datetime({ offset: true });

export const OpenRoundRequest = z
  .strictObject({
    roundId: EntityId.optional().meta({ description: "Chosen by the server when left out" }),
    title: SurveyRoundOpenedData.shape.title.meta({
      description: "The round's name, e.g. 'Spring 2026' (not about a person: it stays in the log)",
    }),
    opensAt: DateTime.optional().meta({ description: "From when answers are taken (default: now)" }),
    closesAt: DateTime.meta({ description: "Until when answers are taken and links work" }),
    roster: z
      .array(EntityId)
      .min(1)
      .max(MAX_ROSTER)
      .optional()
      .meta({ description: "Member ids asked (default: every member current at opensAt)" }),
    questions: z
      .array(z.string().min(1).max(64))
      .min(1)
      .max(50)
      .optional()
      .meta({ description: "Question ids of the catalogue (default: all of them)" }),
  })
  .meta({ id: "OpenRoundRequest" });
export type OpenRoundRequest = z.infer<typeof OpenRoundRequest>;

export const RoundView = z
  .object({
    roundId: z.string(),
    communityId: z.string(),
    title: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
    /** When the facilitator closed it; null while it runs. */
    closedAt: z.string().nullable(),
    status: z.enum(["scheduled", "open", "closed"]),
    rosterSize: z.number().int(),
    /** The member ids asked: for facilitators and admins only. */
    roster: z.array(z.string()).optional().meta({ description: "Member ids asked (facilitators and admins only)" }),
    answered: z.number().int(),
    questions: z.array(z.string()),
    catalogueVersion: z.number().int(),
  })
  .meta({ id: "SurveyRound" });
export type RoundView = z.infer<typeof RoundView>;

export const RoundList = z.object({ rounds: z.array(RoundView) });

export const IssuedLink = z.object({
  memberId: z.string(),
  displayName: z.string().optional().meta({ description: "For callers who may see names" }),
  link: z.string(),
});
export const IssuedLinks = z
  .object({ links: z.array(IssuedLink) })
  .meta({ id: "IssuedLinks", description: "The links just issued: shown once, only their hashes are kept" });

export const RateBreakdown = z.object({
  group: z.string(),
  roster: z.number().int(),
  answered: z.number().int(),
  rate: z.number(),
});

export const RoundTracking = z
  .object({
    roundId: z.string(),
    status: z.enum(["scheduled", "open", "closed"]),
    roster: z.number().int(),
    answered: z.number().int(),
    withdrawn: z.number().int(),
    responseRate: z.number().meta({ description: "answered / roster (withdrawn answers do not count)" }),
    bySector: z.array(RateBreakdown),
    byOccupationalLayer: z.array(RateBreakdown),
    byQuestion: z
      .array(RateBreakdown)
      .meta({ description: "Per question of the round: respondents who answered it (an empty name list counts)" }),
    notAnswered: z
      .array(z.object({ memberId: z.string(), displayName: z.string().optional() }))
      .meta({ description: "Rostered members without an answer that counts; names for facilitators only" }),
  })
  .meta({ id: "SurveyRoundTracking" });
export type RoundTracking = z.infer<typeof RoundTracking>;

/** What a respondent's link shows: the questions, the roster's names, their own answer. */
export const RespondentRound = z
  .object({
    title: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
    takesAnswers: z.boolean(),
    consent: z
      .object({ id: z.string(), text: z.string() })
      .meta({ description: "What the respondent reads before answering (versioned)" }),
    respondent: z.object({ memberId: z.string(), displayName: z.string().optional() }),
    questions: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(["name-generator", "rating", "community-item"]),
        prompt: z.string(),
        layer: z.string().optional(),
        aspect: z
          .enum(["trust", "value"])
          .optional()
          .meta({ description: "A rating block's aspect: what its answer's ratings are filed under" }),
        dimensions: z.array(z.object({ id: z.string(), prompt: z.string() })).optional(),
        scale: z.object({ min: z.number().int(), max: z.number().int() }).optional(),
      }),
    ),
    roster: z
      .array(z.object({ memberId: z.string(), displayName: z.string().optional() }))
      .meta({ description: "The others on the roster, by name (no other profile data)" }),
    answer: SurveyAnswerBody.nullable().meta({ description: "The respondent's own answer that counts, if any" }),
    answeredAt: z.string().nullable(),
  })
  .meta({ id: "RespondentRound" });
export type RespondentRound = z.infer<typeof RespondentRound>;

export const SurveyAnswerRequest = SurveyAnswerBody.meta({ id: "SurveyAnswer" });

export const SURVEY_TOKEN_HEADER = "x-survey-token";
