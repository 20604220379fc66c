// What the indicators on reported ties read from a round: plain lists, no events, no names.
import type { MemberRating } from "./survey-events.js";
import { surveyQuestionById } from "./survey-questions.js";
import type { SurveyRound } from "./survey-round.js";

/** One member named by a respondent in one name generator: a directed tie of a reported layer. */
export interface ReportedTie {
  readonly from: string;
  readonly to: string;
  readonly layer: string;
  readonly question: string;
}

/** One respondent's ratings of one member named (dimensions left out are missing). */
export interface ReportedRating extends Omit<MemberRating, "memberId"> {
  readonly from: string;
  readonly to: string;
}

export interface SurveyResponses {
  readonly roundId: string;
  readonly roster: readonly string[];
  /** Rostered members whose answer counts: their outgoing reported ties are known. */
  readonly respondents: readonly string[];
  readonly ties: readonly ReportedTie[];
  readonly ratings: readonly ReportedRating[];
  readonly items: readonly { readonly respondent: string; readonly question: string; readonly value: number }[];
  /** respondents / roster. */
  readonly responseRate: number;
}

/**
 * The answers that count in a round as its events leave it (fold the events known at a date to
 * read it as known then): a withdrawn answer is not among them, and a non-respondent's outgoing
 * ties are unknown, not absent. Pure.
 */
export function surveyResponsesOf(round: SurveyRound): SurveyResponses {
  const respondents = round.roster.filter((memberId) => round.answers.has(memberId));
  const ties: ReportedTie[] = [];
  const ratings: ReportedRating[] = [];
  const items: { respondent: string; question: string; value: number }[] = [];
  for (const respondent of respondents) {
    const { body } = round.answers.get(respondent) as NonNullable<ReturnType<typeof round.answers.get>>;
    for (const nomination of body.nominations) {
      const question = surveyQuestionById.get(nomination.question);
      if (question?.kind !== "name-generator") continue;
      for (const to of nomination.named)
        ties.push({ from: respondent, to, layer: question.layer, question: question.id });
    }
    for (const { memberId, ...given } of body.ratings) ratings.push({ from: respondent, to: memberId, ...given });
    for (const item of body.items) items.push({ respondent, ...item });
  }
  return {
    roundId: round.roundId,
    roster: round.roster,
    respondents,
    ties,
    ratings,
    items,
    responseRate: round.roster.length === 0 ? 0 : respondents.length / round.roster.length,
  };
}
