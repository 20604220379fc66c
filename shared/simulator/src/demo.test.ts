import { CommunityHistory, computeIndicators, projectSnapshot } from "@copgraph/analytics";
import { describe, expect, it } from "vitest";
import { DEMO_SPAN_MS, type DemoStory, demoCommunities } from "./demo.js";
import { expectValidHistory } from "./testing/invariants.js";
import { measure } from "./testing/measure.js";

const now = Date.UTC(2026, 2, 15, 10, 30);
const demos = demoCommunities(now);
const byStory = (story: DemoStory) => demos.find((d) => d.story === story)!;
const ids = ["silo.ei", "reciprocity.edge", "reciprocity.returned_within", "roles.switch_rate", "diversity.format"];
// As the app shows them: every layer, at `now`.
const values = new Map(demos.map((d) => [d.story, measure(d, { layers: "all", ids })]));
const value = (story: DemoStory, id: string) => values.get(story)![id]!.value!;

describe("demoCommunities", () => {
  it("gives three communities with distinct ids, names and concerns", () => {
    expect(demos.map((d) => d.story)).toEqual(["siloed", "diverse", "growing"]);
    expect(new Set(demos.map((d) => d.communityId)).size).toBe(3);
    expect(new Set(demos.map((d) => d.name)).size).toBe(3);
    for (const d of demos) {
      expect(d.events[0]).toMatchObject({ type: "CommunityRegistered", data: { communityId: d.communityId } });
      expect(d.concern.length).toBeGreaterThan(10);
    }
  });

  it("are valid histories over the two years before now, each of 40–120 members and at most a few thousand events", () => {
    for (const d of demos) {
      expectValidHistory(d.events, now);
      expect(Date.parse(d.events[0]!.data.occurredAt)).toBe(now - DEMO_SPAN_MS);
      expect(d.truth.counts.members).toBeGreaterThanOrEqual(40);
      expect(d.truth.counts.members).toBeLessThanOrEqual(120);
      expect(d.events.length).toBeGreaterThan(500);
      expect(d.events.length).toBeLessThanOrEqual(4000);
    }
  });

  it("are deterministic for a given now", () => {
    expect(demoCommunities(now)).toEqual(demos);
    expect(demoCommunities(now + 1)[0]!.events).not.toEqual(demos[0]!.events);
  });

  it("name members plausibly (first name and surname, distinct within a community)", () => {
    for (const d of demos) {
      const names = d.events.flatMap((e) => (e.type === "MemberJoined" ? [e.data.displayName] : []));
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
    }
  });

  it("the siloed community reads more siloed than the diverse one (silo.ei lower)", () => {
    expect(value("siloed", "silo.ei")).toBeLessThan(value("diverse", "silo.ei") - 0.3);
  });

  it("the diverse community switches roles more and reciprocates more, in more formats", () => {
    expect(value("diverse", "roles.switch_rate")).toBeGreaterThan(value("siloed", "roles.switch_rate") + 0.3);
    expect(value("diverse", "reciprocity.edge")).toBeGreaterThan(value("siloed", "reciprocity.edge"));
    expect(value("diverse", "reciprocity.returned_within")).toBeGreaterThan(
      value("siloed", "reciprocity.returned_within") + 0.2,
    );
    expect(value("diverse", "diversity.format")).toBeGreaterThan(value("siloed", "diversity.format"));
  });

  it("the growing community starts small and grows steadily", () => {
    const d = byStory("growing");
    const joins = d.events.flatMap((e) => (e.type === "MemberJoined" ? [Date.parse(e.data.occurredAt)] : []));
    const start = now - DEMO_SPAN_MS;
    const byQuarter = [0, 1, 2, 3, 4, 5, 6, 7].map(
      (q) =>
        joins.filter((t) => t >= start + (q * DEMO_SPAN_MS) / 8 && t < start + ((q + 1) * DEMO_SPAN_MS) / 8).length,
    );
    expect(joins.filter((t) => t < start + 86_400_000)).toHaveLength(d.truth.params.initialMembers);
    expect(d.truth.params.initialMembers).toBeLessThan(12);
    for (const joined of byQuarter.slice(1)) expect(joined).toBeGreaterThanOrEqual(5);
  });
});

describe("demoCommunities as recorded", () => {
  const DAY = 86_400_000;
  const historyOf = (story: DemoStory) => CommunityHistory.fromEvents(byStory(story).recorded);

  it("the growing community's silo dissolves: its sectors mix more and more over the two years", () => {
    const history = historyOf("growing");
    const start = now - DEMO_SPAN_MS;
    const eiOver = (at: number) => {
      const snapshot = projectSnapshot(history, { at, knownAt: now, from: at - 180 * DAY });
      return computeIndicators(snapshot, { attribute: "sector", seed: 7, permutations: 50 }, ["silo.ei"])["silo.ei"]!
        .value as number;
    };
    const early = eiOver(start + 150 * DAY);
    const late = eiOver(now);
    expect(early).toBeLessThan(-0.3);
    expect(late).toBeGreaterThan(early + 0.5);
  });

  it("each has records entered late and corrections, recorded in log order and never after now", () => {
    for (const demo of demos) {
      const recorded = demo.recorded;
      expect(recorded).toHaveLength(demo.events.length);
      for (let i = 1; i < recorded.length; i++) {
        expect(recorded[i]!.recordedAt).toBeGreaterThanOrEqual(recorded[i - 1]!.recordedAt);
      }
      expect(Math.max(...recorded.map((r) => r.recordedAt))).toBeLessThanOrEqual(now);
      const lateByDays = recorded.filter((r) => r.recordedAt - Date.parse(r.event.data.occurredAt) > 2 * DAY);
      expect(lateByDays.length).toBeGreaterThan(20);
      expect(recorded.filter((r) => r.event.type === "RecordRetracted").length).toBeGreaterThan(3);
    }
  });

  it("as known at a past date, the picture at that date differs from what is known now", () => {
    for (const story of ["siloed", "diverse", "growing"] as const) {
      const history = historyOf(story);
      const at = now - 200 * DAY;
      const thenKnown = projectSnapshot(history, { at, knownAt: at }).graph;
      const nowKnown = projectSnapshot(history, { at, knownAt: now }).graph;
      let weightThen = 0;
      let weightNow = 0;
      thenKnown.forEachEdge((_, attributes) => {
        weightThen += attributes.weight;
      });
      nowKnown.forEachEdge((_, attributes) => {
        weightNow += attributes.weight;
      });
      expect(weightNow, story).not.toBe(weightThen);
    }
  });
});
