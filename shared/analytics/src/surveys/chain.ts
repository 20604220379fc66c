// The chain, tested: role reversal → reciprocity → trust, as three dyad matrices over the members
// who answered (definitions: docs/survey-analytics.md). Three pairwise QAP correlations and one
// MRQAP regression of trust on reversal and reciprocity, all against one seeded permutation list.
import { checkSameMembers, type DyadMatrix } from "./dyad-matrix.js";
import { type MrqapResult, mrqap } from "./mrqap.js";
import { pairsAmong } from "./pairs.js";
import { seededPermutations } from "./permutations.js";
import { type QapCorrelation, qapCorrelation } from "./qap.js";

export interface ChainMatrices {
  /** 1 when the pair's roles reversed in recorded interactions and gatherings of the window. */
  readonly reversal: DyadMatrix;
  /** 1 when the pair's recorded directed ties run both ways in the window. */
  readonly reciprocity: DyadMatrix;
  /** 1 when both rate each other's trust at 3 or more in the round. */
  readonly trust: DyadMatrix;
}

export interface ChainOptions {
  readonly seed: number;
  /** 0 to 10,000 (maxChainPermutations). */
  readonly permutations: number;
}

export interface ChainTest {
  readonly members: number;
  /** Unordered pairs of members: the dyads the matrices hold. */
  readonly dyads: number;
  /** QAP correlations; the second-named matrix is the one permuted. */
  readonly correlations: {
    readonly reversalReciprocity: QapCorrelation;
    readonly reversalTrust: QapCorrelation;
    readonly reciprocityTrust: QapCorrelation;
  };
  /** trust ~ intercept + reversal + reciprocity, DSP p-values. */
  readonly regression: MrqapResult;
  readonly permutations: number;
}

/** The chain test against an explicit list of permutations of the members' positions. */
export function chainTestOver(matrices: ChainMatrices, permutations: readonly Int32Array[]): ChainTest {
  const n = checkSameMembers({ ...matrices });
  const { reversal, reciprocity, trust } = matrices;
  return {
    members: n,
    dyads: pairsAmong(n),
    correlations: {
      reversalReciprocity: qapCorrelation(reversal, reciprocity, permutations),
      reversalTrust: qapCorrelation(reversal, trust, permutations),
      reciprocityTrust: qapCorrelation(reciprocity, trust, permutations),
    },
    regression: mrqap(trust, { reversal, reciprocity }, permutations),
    permutations: permutations.length,
  };
}

/** The chain test against `permutations` seeded permutations (reproducible from the seed). */
export function chainTest(matrices: ChainMatrices, options: ChainOptions): ChainTest {
  const n = checkSameMembers({ ...matrices });
  return chainTestOver(matrices, seededPermutations(n, options.seed, options.permutations));
}
