// A survey round is a stream of its own, `surveys-<communityId>-<roundId>`, beside the community's
// stream: no community decider, read model or export sees it. Events hold member ids, never names:
// the roster's names stay in the vault, and so do an answer's ratings and items once recorded.
import { z } from "zod";
import { CommunityId, EntityId, Name, OccurredAt } from "../events/fields.js";
import { type Issue, issuesFrom, unreadableIssue } from "../issues.js";

export const SURVEY_STREAM_CATEGORY = "surveys";

/** Community ids hold no `-`, so `surveys-<communityId>-` names exactly one community's rounds. */
export const surveyStreamOf = (communityId: string, roundId: string) =>
  `${SURVEY_STREAM_CATEGORY}-${communityId}-${roundId}`;
export const surveyStreamPrefixOf = (communityId: string) => `${SURVEY_STREAM_CATEGORY}-${communityId}-`;

/** Rosters beyond this are a mistake, not a community of practice. */
export const MAX_ROSTER = 5000;

const MemberIds = (max: number) => z.array(EntityId).max(max);

export const SurveyRoundOpenedData = z.strictObject({
  roundId: EntityId,
  communityId: CommunityId,
  /** The facilitator's name for the round ("Spring 2026"): not about a person, so it stays in the log like a community's name. */
  title: Name,
  opensAt: OccurredAt,
  closesAt: OccurredAt,
  roster: MemberIds(MAX_ROSTER).min(1),
  questions: z.array(z.string().min(1).max(64)).min(1).max(50),
  catalogueVersion: z.number().int().min(1),
  occurredAt: OccurredAt,
});
export type SurveyRoundOpenedData = z.infer<typeof SurveyRoundOpenedData>;

/** The members a name generator's answer named. */
export const Nomination = z.strictObject({
  question: z.string().min(1).max(64),
  named: MemberIds(MAX_ROSTER),
});
export type Nomination = z.infer<typeof Nomination>;

const Rating = z.number().int().min(1).max(4);

/** One respondent's ratings of one member named; a dimension left out is missing, not zero. */
export const MemberRating = z.strictObject({
  memberId: EntityId,
  trust: z
    .strictObject({
      reliable: Rating.optional(),
      commonConcern: Rating.optional(),
      openToDiscussion: Rating.optional(),
    })
    .optional(),
  value: z
    .strictObject({ influence: Rating.optional(), involvement: Rating.optional(), resources: Rating.optional() })
    .optional(),
});
export type MemberRating = z.infer<typeof MemberRating>;

export const ItemAnswer = z.strictObject({
  question: z.string().min(1).max(64),
  value: z.number().int().min(1).max(5),
});
export type ItemAnswer = z.infer<typeof ItemAnswer>;

/** A respondent's whole answer: a later one from the same respondent replaces it. */
export const SurveyAnswerBody = z.strictObject({
  nominations: z.array(Nomination).max(50),
  ratings: z.array(MemberRating).max(MAX_ROSTER),
  items: z.array(ItemAnswer).max(50),
});
export type SurveyAnswerBody = z.infer<typeof SurveyAnswerBody>;

export const SurveyAnsweredData = z.strictObject({
  roundId: EntityId,
  respondent: EntityId,
  ...SurveyAnswerBody.shape,
  occurredAt: OccurredAt,
});
export type SurveyAnsweredData = z.infer<typeof SurveyAnsweredData>;

export const SurveyAnswerWithdrawnData = z.strictObject({
  roundId: EntityId,
  respondent: EntityId,
  occurredAt: OccurredAt,
});
export type SurveyAnswerWithdrawnData = z.infer<typeof SurveyAnswerWithdrawnData>;

export const SurveyRoundClosedData = z.strictObject({ roundId: EntityId, occurredAt: OccurredAt });
export type SurveyRoundClosedData = z.infer<typeof SurveyRoundClosedData>;

export const surveyEventTypes = [
  "SurveyRoundOpened",
  "SurveyAnswered",
  "SurveyAnswerWithdrawn",
  "SurveyRoundClosed",
] as const;
export type SurveyEventType = (typeof surveyEventTypes)[number];

/**
 * Stored in `metadata.schemaVersion`, as for community events. SurveyAnswered 2: its ratings and
 * items are filed in the vault, not in the log (survey-answer-filing.ts); version 1 held them inline.
 */
export const surveyEventSchemaVersions: Readonly<Record<SurveyEventType, number>> = {
  SurveyRoundOpened: 1,
  SurveyAnswered: 2,
  SurveyAnswerWithdrawn: 1,
  SurveyRoundClosed: 1,
};

export const SurveyEventSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("SurveyRoundOpened"), data: SurveyRoundOpenedData }),
  z.strictObject({ type: z.literal("SurveyAnswered"), data: SurveyAnsweredData }),
  z.strictObject({ type: z.literal("SurveyAnswerWithdrawn"), data: SurveyAnswerWithdrawnData }),
  z.strictObject({ type: z.literal("SurveyRoundClosed"), data: SurveyRoundClosedData }),
]);
export type SurveyEvent = z.infer<typeof SurveyEventSchema>;

export type ParseSurveyEventResult = { ok: true; event: SurveyEvent } | { ok: false; issues: Issue[] };

/** Validates `{ type, data }` of a survey event; never throws. */
export function parseSurveyEvent(input: unknown): ParseSurveyEventResult {
  try {
    const result = SurveyEventSchema.safeParse(input);
    return result.success ? { ok: true, event: result.data } : { ok: false, issues: issuesFrom(result.error) };
  } catch (cause) {
    return { ok: false, issues: [unreadableIssue(cause)] };
  }
}
