import { roundEndsAt, type SurveyRound } from "./survey-round.js";

/**
 * The round whose reported ties stand at `at`: the one that ended last on or before it (ended:
 * its close date, or its closing when the facilitator closed it earlier). A round still taking
 * answers at `at` has no say yet, so reported layers appear at a round's close and stay until the
 * next round's. Fold each round from the events known at the query's known-at first. Pure.
 */
export function roundInEffectAt(rounds: Iterable<SurveyRound>, at: number): SurveyRound | undefined {
  let found: SurveyRound | undefined;
  let foundEnd = Number.NEGATIVE_INFINITY;
  for (const round of rounds) {
    const end = Date.parse(roundEndsAt(round));
    if (end > at) continue;
    // Two rounds ending at the same instant: the one opened later is the newer view.
    if (end > foundEnd || (end === foundEnd && found !== undefined && round.opensAt > found.opensAt)) {
      found = round;
      foundEnd = end;
    }
  }
  return found;
}
