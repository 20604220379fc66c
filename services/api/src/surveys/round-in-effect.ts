import { roundInEffectAt, type SurveyRound } from "@copgraph/domain";
import type { SurveyLog } from "./survey-log.js";

/**
 * The community's survey round in effect at `at` (the last whose answers had ended by then), each
 * round read as known at `knownAt`: a round, an answer or a closing recorded later is not seen.
 */
export async function roundInEffect(
  log: SurveyLog,
  communityId: string,
  at: number,
  knownAt: number,
): Promise<SurveyRound | undefined> {
  const known = new Date(knownAt).toISOString();
  const rounds: SurveyRound[] = [];
  for (const roundId of await log.roundIds(communityId)) {
    const round = await log.round(communityId, roundId, known);
    if (round) rounds.push(round);
  }
  return roundInEffectAt(rounds, at);
}
