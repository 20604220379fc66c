import { describe, expect, it } from "vitest";
import { CommunityHistory } from "../projection/community-history.js";
import { day, gathering, interaction, joined, stored } from "../projection/fixtures.js";
import { monthsBefore, mutualTrustMatrix, recordedChainMatrices } from "./chain-matrices.js";
import type { DyadMatrix } from "./dyad-matrix.js";
import { exampleRound } from "./testing-example.js";

/** The pairs with 1, as "ab" strings, read off the upper triangle. */
function pairsOf(matrix: DyadMatrix): string[] {
  const n = matrix.members.length;
  const pairs: string[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      expect(matrix.values[i * n + j]).toBe(matrix.values[j * n + i]);
      if (matrix.values[i * n + j] === 1) pairs.push(matrix.members[i]! + matrix.members[j]!);
    }
  }
  return pairs;
}

describe("the recorded chain matrices", () => {
  // The round opens on day 400; the window is the 12 months before: from day 400 − 365 = 35
  // (2026-02-05 back to 2025-02-05), to just before day 400.
  const openedAt = day(400);
  const history = CommunityHistory.fromEvents(
    stored(
      ...["a", "b", "c", "d", "e"].map((id) => joined(id, 0)),
      // {a,b}: a advises b, later b advises a: reversed and reciprocal.
      interaction("i1", "a", ["b"], 50),
      interaction("i2", "b", ["a"], 60),
      // {a,c}: c gives to a and a to c at one instant: reciprocal, not reversed.
      interaction("i3", "a", ["c"], 70),
      interaction("i4", "c", ["a"], 70),
      // {c,d}: d presents to c at a gathering, c mentors d later: reversed through a gathering.
      gathering("g1", 80, [
        ["d", "presenter"],
        ["c", "learner"],
      ]),
      interaction("i5", "c", ["d"], 90, { kind: "mentoring" }),
      // {b,c}: collaboration only (mutual by kind): neither.
      interaction("i6", "b", ["c"], 100, { kind: "collaboration" }),
      // {a,d}: d → a before the window, a → d inside it: neither (only one direction in the window).
      interaction("i7", "d", ["a"], 20),
      interaction("i8", "a", ["d"], 120),
      // {b,d}: b → d, then d → b on the day the round opens: outside the window.
      interaction("i9", "b", ["d"], 130),
      interaction("i10", "d", ["b"], 400),
      // {d,e}: reversed, but e did not answer: not in the matrices.
      interaction("i11", "d", ["e"], 140),
      interaction("i12", "e", ["d"], 150),
    ),
  );
  const matrices = recordedChainMatrices(history, { members: ["a", "b", "c", "d"], openedAt, knownAt: day(500) });

  it("read the 12 calendar months before the round opened", () => {
    expect(matrices.window).toEqual({ from: Date.UTC(2025, 1, 5), to: openedAt - 1 });
    expect(new Date(openedAt).toISOString()).toBe("2026-02-05T00:00:00.000Z");
  });

  it("mark a pair reversed when one gave to the other and later the other gave back", () => {
    expect(matrices.reversal.members).toEqual(["a", "b", "c", "d"]);
    expect(pairsOf(matrices.reversal)).toEqual(["ab", "cd"]);
  });

  it("mark a pair reciprocal when directed ties run both ways in the window, whenever they fell", () => {
    expect(pairsOf(matrices.reciprocity)).toEqual(["ab", "ac", "cd"]);
  });

  it("count only what was known at knownAt", () => {
    const early = recordedChainMatrices(history, { members: ["a", "b"], openedAt, knownAt: day(55) });
    expect(pairsOf(early.reciprocity)).toEqual([]);
  });
});

describe("monthsBefore", () => {
  it("keeps the day and time, clamping to the month's end", () => {
    expect(monthsBefore(Date.UTC(2026, 2, 31, 9, 30), 1)).toBe(Date.UTC(2026, 1, 28, 9, 30));
    expect(monthsBefore(Date.UTC(2024, 1, 29), 12)).toBe(Date.UTC(2023, 1, 28));
    expect(monthsBefore(Date.UTC(2026, 0, 15), 12)).toBe(Date.UTC(2025, 0, 15));
  });
});

describe("the mutual trust matrix", () => {
  it("marks pairs of respondents who both rate each other's trust at 3 or more", () => {
    // a↔b: 4 and 3; a↔c: 2 and 3; c↔d: 3 and 1; d→e: e did not answer.
    expect(pairsOf(mutualTrustMatrix(exampleRound))).toEqual(["ab"]);
  });
});
