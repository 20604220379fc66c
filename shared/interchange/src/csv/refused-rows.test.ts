import { describe, expect, it } from "vitest";
import { refusedRows } from "./refused-rows.js";

// Where in the file each refusal of the decider points: its row, and its column when it names one.
describe("refusedRows", () => {
  it("points an interaction's unknown receiver at its row and the to column", () => {
    const refusals = [
      { index: 1, path: ["to", 0], message: "member zoe has not joined" },
      { index: 2, path: ["from"], message: "member yan has not joined" },
    ];
    expect(refusedRows("interactions", refusals, [[2], [3], [4]])).toEqual([
      { line: 3, column: "to", message: "member zoe has not joined" },
      { line: 4, column: "from", message: "member yan has not joined" },
    ]);
  });

  it("points a gathering's participant at the participant's own row", () => {
    const refusals = [{ index: 0, path: ["participants", 1, "memberId"], message: "member x has not joined" }];
    expect(refusedRows("gatherings", refusals, [[2, 3, 4]])).toEqual([
      { line: 3, column: "memberId", message: "member x has not joined" },
    ]);
  });

  it("says a member's date in the file's own column, and a refusal of the whole row without one", () => {
    expect(
      refusedRows(
        "members",
        [
          { index: 0, path: ["occurredAt"], message: "is after now" },
          { index: 1, path: [], message: "the community is not registered" },
        ],
        [[2], [3]],
      ),
    ).toEqual([
      { line: 2, column: "joinedAt", message: "is after now" },
      { line: 3, message: "the community is not registered" },
    ]);
  });
});
