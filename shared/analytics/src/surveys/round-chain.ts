// The chain test of one round in one call: the recorded matrices from the community's history in
// the window before the round opened, mutual trust from the answers, over the respondents.
import type { CommunityHistory } from "../projection/community-history.js";
import { type ChainTest, chainTest } from "./chain.js";
import { mutualTrustMatrix, recordedChainMatrices } from "./chain-matrices.js";
import { responseRate, type SurveyResponses } from "./responses.js";

export interface RoundChainQuery {
  /** When the round opened (epoch ms). */
  readonly openedAt: number;
  /** Transaction time the records are read as known at (epoch ms). */
  readonly knownAt: number;
  readonly seed: number;
  /** 0 to 10,000. */
  readonly permutations: number;
  /** Calendar months of the window. Default 12. */
  readonly months?: number;
}

export interface RoundChain extends ChainTest {
  /** The window of recorded facts, epoch ms, both ends included. */
  readonly window: { readonly from: number; readonly to: number };
  readonly respondents: number;
  readonly rostered: number;
  readonly responseRate: number | null;
}

export function roundChainTest(
  history: CommunityHistory,
  responses: SurveyResponses,
  query: RoundChainQuery,
): RoundChain {
  const members = responses.respondents;
  const trust = mutualTrustMatrix(responses, members);
  const { reversal, reciprocity, window } = recordedChainMatrices(history, {
    members,
    openedAt: query.openedAt,
    knownAt: query.knownAt,
    ...(query.months === undefined ? {} : { months: query.months }),
  });
  return {
    ...chainTest({ reversal, reciprocity, trust }, { seed: query.seed, permutations: query.permutations }),
    window,
    respondents: members.length,
    rostered: responses.roster.length,
    responseRate: responseRate(responses),
  };
}
