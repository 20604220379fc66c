import { describe, expect, it } from "vitest";
import { CommunityHistory } from "../projection/community-history.js";
import {
  changed,
  day,
  erased,
  gathering,
  interaction,
  joined,
  left,
  retracted,
  stored,
} from "../projection/fixtures.js";
import { earliestTouched } from "./earliest-touched.js";

const before = [
  joined("a", 0),
  joined("b", 0),
  interaction("i1", "a", ["b"], 10),
  gathering("g1", 20, [
    ["a", "facilitator"],
    ["b", "participant"],
  ]),
  interaction("i2", "b", ["a"], 30),
];

/** The history holding `before` then `since`, and what `since` touches. */
function touched(...since: Parameters<typeof stored>) {
  const events = stored(...before, ...since);
  return earliestTouched(events.slice(before.length), CommunityHistory.fromEvents(events));
}

describe("earliestTouched", () => {
  it("is the earliest date of the records, profile changes and leaves recorded, a late one included", () => {
    expect(touched(interaction("i3", "a", ["b"], 40), [interaction("late", "a", ["b"], 5), 41])).toBe(day(5));
    expect(touched(changed("a", 25, { sector: "business" }), left("b", 35))).toBe(day(25));
  });

  it("dates a retraction at the record it retracts, not when it was retracted", () => {
    expect(touched(retracted("i2", 50))).toBe(day(30));
    expect(touched(retracted("g1", 50), retracted("i2", 50))).toBe(day(20));
    // A record the history does not hold: nothing reads it.
    expect(touched(retracted("nothing", 50))).toBe(Number.POSITIVE_INFINITY);
  });

  it("dates a join at its date, a member's second one too (the first known places them)", () => {
    expect(touched(joined("c", 45))).toBe(day(45));
    expect(touched(joined("a", 45))).toBe(day(45));
  });

  it("touches everything for an erasure, and nothing for no events", () => {
    expect(touched(interaction("i3", "a", ["b"], 40), erased("a", 41))).toBe(Number.NEGATIVE_INFINITY);
    expect(touched()).toBe(Number.POSITIVE_INFINITY);
  });
});
