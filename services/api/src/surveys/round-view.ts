import type { RoundView } from "@copgraph/contract";
import { roundEndsAt, type SurveyRound } from "@copgraph/domain";

export type RoundStatus = RoundView["status"];

/** Scheduled before its open date, closed once it ended (close date or closed early), else open. */
export function roundStatus(round: SurveyRound, now: string): RoundStatus {
  const instant = Date.parse(now);
  if (instant >= Date.parse(roundEndsAt(round)) || round.closedAt !== null) return "closed";
  return instant < Date.parse(round.opensAt) ? "scheduled" : "open";
}

/** A round as the API shows it; the member ids asked only `withRoster` (facilitators, admins). */
export function roundView(round: SurveyRound, now: string, withRoster = false): RoundView {
  return {
    roundId: round.roundId,
    communityId: round.communityId,
    title: round.title,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    closedAt: round.closedAt,
    status: roundStatus(round, now),
    rosterSize: round.roster.length,
    ...(withRoster ? { roster: [...round.roster] } : {}),
    answered: round.roster.filter((memberId) => round.answers.has(memberId)).length,
    questions: [...round.questions],
    catalogueVersion: round.catalogueVersion,
  };
}
