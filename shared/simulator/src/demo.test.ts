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
