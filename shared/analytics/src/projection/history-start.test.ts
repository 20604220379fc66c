import { describe, expect, it } from "vitest";
import { CommunityHistory } from "./community-history.js";
import { day, gathering, interaction, joined, stored } from "./fixtures.js";
import { historyStart } from "./history-start.js";

describe("historyStart", () => {
  it("is the valid time of the earliest join, interaction or gathering", () => {
    const history = CommunityHistory.fromEvents(
      stored(joined("ana", 5), joined("ben", 6), interaction("i1", "ana", ["ben"], 7), gathering("g1", 3, [])),
    );
    expect(historyStart(history, day(100))).toBe(day(3));
  });

  it("counts only what copgraph had been told by knownAt", () => {
    // A back-dated import on day 50 adds a join on day 1.
    const history = CommunityHistory.fromEvents(stored(joined("ana", 5), [joined("old", 1), 50]));
    expect(historyStart(history, day(10))).toBe(day(5));
    expect(historyStart(history, day(50))).toBe(day(1));
  });

  it("is undefined when nothing was known", () => {
    expect(historyStart(new CommunityHistory(), day(10))).toBeUndefined();
    expect(historyStart(CommunityHistory.fromEvents(stored(joined("ana", 5))), day(4))).toBeUndefined();
  });
});
