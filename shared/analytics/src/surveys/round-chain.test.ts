import { describe, expect, it } from "vitest";
import { CommunityHistory } from "../projection/community-history.js";
import { day, interaction, joined, stored } from "../projection/fixtures.js";
import { chainTestOver } from "./chain.js";
import { matrixOfPairs } from "./dyad-matrix.js";
import { roundChainTest } from "./round-chain.js";
import { exampleRound } from "./testing-example.js";

describe("the chain test of a round", () => {
  // Respondents a, b, c, d (e did not answer). Recorded: {a,b} reversed; {a,c} and {c,d} reciprocal.
  // Mutual trust: {a,b} only (testing-example.ts).
  const history = CommunityHistory.fromEvents(
    stored(
      ...["a", "b", "c", "d", "e"].map((id) => joined(id, 0)),
      interaction("i1", "a", ["b"], 50),
      interaction("i2", "b", ["a"], 60),
      interaction("i3", "a", ["c"], 70),
      interaction("i4", "c", ["a"], 70),
      interaction("i5", "c", ["d"], 80),
      interaction("i6", "d", ["c"], 80),
      interaction("i7", "d", ["e"], 90),
      interaction("i8", "e", ["d"], 95),
    ),
  );

  it("reads the window before the round opened and the answers, over the respondents, stating the response rate", () => {
    const chain = roundChainTest(history, exampleRound, {
      openedAt: day(400),
      knownAt: day(400),
      seed: 3,
      permutations: 0,
    });
    const members = ["a", "b", "c", "d"];
    const expected = chainTestOver(
      {
        reversal: matrixOfPairs(members, [["a", "b"]]),
        reciprocity: matrixOfPairs(members, [
          ["a", "b"],
          ["a", "c"],
          ["c", "d"],
        ]),
        trust: matrixOfPairs(members, [["a", "b"]]),
      },
      [],
    );
    expect(chain).toEqual({
      ...expected,
      window: { from: Date.UTC(2025, 1, 5), to: day(400) - 1 },
      respondents: 4,
      rostered: 5,
      responseRate: 0.8,
    });
    // Reversal and trust coincide here: r = 1.
    expect(chain.correlations.reversalTrust.r).toBeCloseTo(1, 12);
  });
});
