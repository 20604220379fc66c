import { type SurveyRound, surveyQuestionById } from "@copgraph/domain";

/** A rostered member's profile as tracking groups it. */
export interface RosterProfile {
  readonly sector?: string;
  readonly occupationalLayer?: string;
}

export interface RateOfGroup {
  readonly group: string;
  readonly roster: number;
  readonly answered: number;
  readonly rate: number;
}

export interface SurveyTracking {
  readonly roster: number;
  readonly answered: number;
  readonly withdrawn: number;
  readonly responseRate: number;
  readonly bySector: RateOfGroup[];
  readonly byOccupationalLayer: RateOfGroup[];
  readonly byQuestion: RateOfGroup[];
  /** Rostered members without an answer that counts, in roster order. */
  readonly notAnswered: string[];
}

const UNKNOWN = "(unknown)";
const rate = (answered: number, roster: number) => (roster === 0 ? 0 : answered / roster);

/** Response rates of a round, overall, by the members' sector and layer, and by question. Pure. */
export function surveyTracking(round: SurveyRound, profiles: ReadonlyMap<string, RosterProfile>): SurveyTracking {
  const answered = (memberId: string) => round.answers.has(memberId);
  const by = (groupOf: (memberId: string) => string): RateOfGroup[] => {
    const groups = new Map<string, { roster: number; answered: number }>();
    for (const memberId of round.roster) {
      const group = groupOf(memberId);
      const counts = groups.get(group) ?? { roster: 0, answered: 0 };
      counts.roster += 1;
      if (answered(memberId)) counts.answered += 1;
      groups.set(group, counts);
    }
    return [...groups]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([group, counts]) => ({ group, ...counts, rate: rate(counts.answered, counts.roster) }));
  };
  const byQuestion = round.questions
    .filter((id) => surveyQuestionById.get(id)?.kind !== "rating")
    .map((question) => {
      let count = 0;
      for (const { body } of round.answers.values()) {
        const answeredIt =
          body.nominations.some((nomination) => nomination.question === question) ||
          body.items.some((item) => item.question === question);
        if (answeredIt) count += 1;
      }
      return { group: question, roster: round.roster.length, answered: count, rate: rate(count, round.roster.length) };
    });
  const respondents = round.roster.filter(answered).length;
  return {
    roster: round.roster.length,
    answered: respondents,
    withdrawn: round.roster.filter((memberId) => round.withdrawn.has(memberId)).length,
    responseRate: rate(respondents, round.roster.length),
    bySector: by((memberId) => profiles.get(memberId)?.sector ?? UNKNOWN),
    byOccupationalLayer: by((memberId) => profiles.get(memberId)?.occupationalLayer ?? UNKNOWN),
    byQuestion,
    notAnswered: round.roster.filter((memberId) => !answered(memberId)),
  };
}
