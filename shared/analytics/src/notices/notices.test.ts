import { describe, expect, it } from "vitest";
import { defaultIndicatorOptions } from "../indicators/indicator.js";
import { indicatorById } from "../indicators/registry.js";
import { CommunityHistory } from "../projection/community-history.js";
import { day, gathering, interaction, joined, retracted, stored } from "../projection/fixtures.js";
import { projectSnapshot } from "../projection/project-snapshot.js";
import { gatheringTimes } from "./gathering-times.js";
import { quietSpellStarts } from "./quiet-spells.js";
import { type ReadingPoint, readingConditionStarts } from "./reading-condition.js";
import { watchSteps } from "./watch-steps.js";

const iso = (ms: number) => new Date(ms).toISOString();

describe("watchSteps", () => {
  it("falls on Mondays at midnight UTC, from the first on or after the start to the end", () => {
    // 2025-01-01 was a Wednesday.
    const steps = watchSteps(day(0), day(20)).map(iso);
    expect(steps).toEqual(["2025-01-06T00:00:00.000Z", "2025-01-13T00:00:00.000Z", "2025-01-20T00:00:00.000Z"]);
    expect(watchSteps(day(5), day(5)).map(iso)).toEqual(["2025-01-06T00:00:00.000Z"]);
  });
});

describe("a watched E-I over a hand-made history", () => {
  // Three in education, three in business. One tie across sectors on day 3, then on day 41
  // (Tuesday 11 February) six ties inside the sectors: E-I falls from 1 to −0.71, below its
  // random-mixing baseline of 0.2. The first weekly step that sees it is Monday 17 February.
  const members = ["e1", "e2", "e3"].map((id) => joined(id, 0, { sector: "education" }));
  const business = ["b1", "b2", "b3"].map((id) => joined(id, 0, { sector: "business" }));
  const inside: [string, string][] = [
    ["e1", "e2"],
    ["e2", "e3"],
    ["e1", "e3"],
    ["b1", "b2"],
    ["b2", "b3"],
    ["b1", "b3"],
  ];
  const history = CommunityHistory.fromEvents(
    stored(
      ...members,
      ...business,
      interaction("across", "e1", ["b1"], 3),
      ...inside.map(([from, to], index) => interaction(`inside${index}`, from, [to], 41)),
    ),
  );
  const ei = indicatorById.get("silo.ei")!;
  const points: ReadingPoint[] = watchSteps(day(0), day(120)).map((at) => {
    const result = ei.compute(projectSnapshot(history, { at, knownAt: at, minWeight: 0 }), defaultIndicatorOptions);
    return { at, value: result.value, baseline: result.baseline ?? null };
  });

  it("starts to hold at the first step after the crossing, once", () => {
    const starts = readingConditionStarts({ kind: "below-baseline", indicator: "silo.ei" }, points);
    expect(starts.map((start) => iso(start.at))).toEqual(["2025-02-17T00:00:00.000Z"]);
    expect(starts[0]?.value).toBeCloseTo(-5 / 7);
    expect(starts[0]?.baseline).toBeCloseTo(0.2);
  });

  it("a threshold the reading never reaches gives no date", () => {
    expect(readingConditionStarts({ kind: "below", indicator: "silo.ei", threshold: -0.9 }, points)).toEqual([]);
  });
});

describe("readingConditionStarts", () => {
  const week = 7 * 86_400_000;
  const series = (values: (number | null)[]): ReadingPoint[] =>
    values.map((value, index) => ({ at: day(5) + index * week, value, baseline: 0.5 }));

  it("dates each start of a run, not every date it holds", () => {
    const starts = readingConditionStarts(
      { kind: "above", indicator: "network.density", threshold: 0.3 },
      series([0.1, 0.4, 0.5, 0.2, 0.35]),
    );
    expect(starts.map((start) => start.at)).toEqual([day(5) + week, day(5) + 4 * week]);
  });

  it("an undefined reading neither starts nor ends a run", () => {
    const starts = readingConditionStarts(
      { kind: "below", indicator: "reciprocity.dyadic", threshold: 0.3 },
      series([0.2, null, 0.1, 0.5]),
    );
    expect(starts.map((start) => start.at)).toEqual([day(5)]);
  });

  it("a drop compares with the value at least `days` earlier, which it reports as the baseline", () => {
    // Weekly: 0.6 for 13 weeks, then 0.45 (a drop of 0.15 over 90 days), then 0.55 (0.05).
    const values = [...Array(13).fill(0.6), 0.45, 0.55];
    const starts = readingConditionStarts(
      { kind: "drops-by", indicator: "reciprocity.dyadic", by: 0.1, days: 90 },
      series(values),
    );
    expect(starts).toEqual([{ at: day(5) + 13 * week, value: 0.45, baseline: 0.6 }]);
  });

  it("a drop needs a value far enough back", () => {
    const starts = readingConditionStarts(
      { kind: "drops-by", indicator: "reciprocity.dyadic", by: 0.1, days: 90 },
      series([0.9, 0.1]),
    );
    expect(starts).toEqual([]);
  });
});

describe("quietSpellStarts", () => {
  it("dates a spell `days` after the gathering before it, also one still going on", () => {
    const starts = quietSpellStarts([day(10), day(30), day(120)], day(0), day(300), 60);
    expect(starts.map((start) => start.at)).toEqual([day(90), day(180)]);
    expect(starts[0]).toMatchObject({ value: 60, baseline: 60 });
  });

  it("counts from the history's start before the first gathering, and not past the end", () => {
    expect(quietSpellStarts([day(70)], day(0), day(100), 60).map((start) => start.at)).toEqual([day(60)]);
    expect(quietSpellStarts([day(70)], day(0), day(129), 60)).toHaveLength(1);
  });

  it("leaves retracted gatherings out", () => {
    const history = CommunityHistory.fromEvents(
      stored(
        joined("a", 0),
        joined("b", 0),
        gathering("g1", 10, [
          ["a", "facilitator"],
          ["b", "participant"],
        ]),
        gathering("g2", 50, [
          ["a", "facilitator"],
          ["b", "participant"],
        ]),
        retracted("g2", 60),
      ),
    );
    expect(gatheringTimes(history)).toEqual([day(10)]);
    expect(quietSpellStarts(gatheringTimes(history), day(0), day(100), 60).map((s) => s.at)).toEqual([day(70)]);
  });
});
