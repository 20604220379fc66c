import type { RoundView } from "@copgraph/contract";
import { roundEndsAt, type SurveyRound } from "@copgraph/domain";

export type RoundStatus = RoundView["status"];

/** Scheduled before its open date, closed once it ended (close date or closed early), else open. */
export function roundStatus(round: SurveyRound, now: string): RoundStatus {
  const instant = Date.parse(now);
  if (instant >= Date.parse(roundEndsAt(round)) || round.closedAt !== null) return "closed";
  return instant < Date.parse(round.opensAt) ? "scheduled" : "open";
}

export function roundView(round: SurveyRound, now: string): RoundView {
  return {
    roundId: round.roundId,
    communityId: round.communityId,
    title: round.title,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    closedAt: round.closedAt,
    status: roundStatus(round, now),
    rosterSize: round.roster.length,
    answered: round.roster.filter((memberId) => round.answers.has(memberId)).length,
    questions: [...round.questions],
    catalogueVersion: round.catalogueVersion,
  };
}
