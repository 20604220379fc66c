import { sectors } from "@copgraph/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulateCommunity } from "./simulate.js";
import { expectValidHistory } from "./testing/invariants.js";
import { DAY_MS } from "./time.js";

const small = { initialMembers: 15, growth: 3, end: Date.UTC(2024, 3, 1) };

describe("simulateCommunity: determinism", () => {
  it("gives identical events and truth for the same parameters and seed", () => {
    const a = simulateCommunity({ ...small, seed: 42 });
    const b = simulateCommunity({ ...small, seed: 42 });
    expect(a.events.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
  });

  it("gives different events for different seeds", () => {
    const a = simulateCommunity({ ...small, seed: 1 });
    const b = simulateCommunity({ ...small, seed: 2 });
    expect(b.events).not.toEqual(a.events);
  });

  it("keeps the other draws when only the reciprocity changes (separate random streams)", () => {
    const started = (rho: number) =>
      simulateCommunity({ ...small, seed: 5, reciprocity: rho, retractionRate: 0 })
        .events.filter((e) => e.type === "InteractionRecorded")
        .map(({ data }) => [data.from, data.to, data.kind, data.occurredAt]);
    const none = started(0);
    const all = started(1);
    // Without returns, the started interactions are exactly the ones made alongside returns.
    expect(all.length).toBeGreaterThan(none.length);
    const set = new Set(all.map((x) => JSON.stringify(x)));
    for (const x of none) expect(set.has(JSON.stringify(x))).toBe(true);
  });
});

describe("simulateCommunity: histories the domain accepts", () => {
  it("with the default parameters", () => {
    const { events, truth } = simulateCommunity();
    expectValidHistory(events, truth.params.end);
    expect(events[0]!.type).toBe("CommunityRegistered");
  });

  const mix = fc
    .subarray([...sectors], { minLength: 1 })
    .chain((keys) => fc.tuple(...keys.map((key) => fc.integer({ min: 1, max: 50 }).map((w) => [key, w / 10]))))
    .map((entries) => Object.fromEntries(entries));
  // Uniform over [min, max] in 1/100 steps: fc.double favours edge values (0, tiny), which would
  // make most histories empty.
  const uniform = (min: number, max: number) =>
    fc.integer({ min: 0, max: 100 }).map((k) => min + ((max - min) * k) / 100);
  const params = fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    start: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2026, 0, 1) }),
    spanDays: fc.oneof(uniform(0.01, 2), uniform(2, 120)),
    initialMembers: fc.integer({ min: 0, max: 12 }),
    growth: uniform(0, 10),
    churn: uniform(0, 0.6),
    sectorMix: mix,
    homophily: uniform(0, 1),
    reciprocity: uniform(0, 1),
    roleSwitching: uniform(0, 1),
    interactionsPerMemberPerMonth: uniform(0, 8),
    kindMix: fc.constantFrom({ collaboration: 1 }, { advice: 1, feedback: 2 }, { mentoring: 1, collaboration: 1 }),
    gatheringsPerMonth: uniform(0, 10),
    gatheringSize: fc
      .integer({ min: 2, max: 6 })
      .chain((min) => fc.record({ min: fc.constant(min), max: fc.integer({ min, max: min + 8 }) })),
    returnDelayDays: fc.constantFrom({ min: 0.01, max: 0.5 }, { min: 1, max: 14 }, { min: 20, max: 60 }),
    retractionRate: uniform(0, 0.4),
    profileChangeRate: uniform(0, 0.6),
    burstiness: uniform(0, 2),
  });

  it("for any small parameter set (fast-check)", () => {
    let records = 0;
    let retracted = 0;
    fc.assert(
      fc.property(params, ({ spanDays, ...rest }) => {
        const end = rest.start + Math.max(1, Math.floor(spanDays * DAY_MS));
        const { events, truth } = simulateCommunity({ ...rest, end });
        expectValidHistory(events, end);
        expect(truth.counts.events).toBe(events.length);
        records += truth.counts.interactions + truth.counts.gatherings;
        retracted += truth.counts.retracted;
      }),
      { numRuns: 60, seed: 20240101 },
    );
    // The runs exercised real histories, not only empty ones.
    expect(records).toBeGreaterThan(1000);
    expect(retracted).toBeGreaterThan(10);
  });

  it("cuts to maxEvents with a prefix that is still valid, and says so", () => {
    const whole = simulateCommunity({ ...small, seed: 3 });
    const cut = simulateCommunity({ ...small, seed: 3, maxEvents: 100 });
    expect(whole.events.length).toBeGreaterThan(100);
    expect(cut.events).toEqual(whole.events.slice(0, 100));
    expect(cut.truth.truncated).toBe(true);
    expect(whole.truth.truncated).toBe(false);
    expectValidHistory(cut.events, small.end);
  });
});

describe("simulateCommunity: what it makes", () => {
  const { events, truth } = simulateCommunity({
    seed: 9,
    initialMembers: 30,
    attributes: { office: { north: 2, south: 1 } },
  });

  it("counts in the truth match the events", () => {
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(truth.counts.members).toBe(count("MemberJoined"));
    expect(truth.counts.interactions).toBe(count("InteractionRecorded"));
    expect(truth.counts.gatherings).toBe(count("GatheringHeld"));
    expect(truth.counts.retracted).toBe(count("RecordRetracted"));
    expect(truth.counts.returns).toBeGreaterThan(0);
    expect(truth.planted).toEqual({ homophily: 0.3, reciprocity: 0.3, roleSwitching: 0.2 });
  });

  it("gives members names, the custom attribute from its categories, and profile changes", () => {
    const joins = events.flatMap((e) => (e.type === "MemberJoined" ? [e.data] : []));
    expect(new Set(joins.map((j) => j.displayName)).size).toBe(joins.length);
    for (const join of joins) expect(["north", "south"]).toContain(join.attributes?.office);
    expect(truth.counts.byType.MemberProfileChanged).toBeGreaterThan(0);
    expect(truth.counts.byType.MemberLeft).toBeGreaterThan(0);
  });

  it("spreads records over the span with busier and quieter weeks", () => {
    const weeks = new Map<number, number>();
    for (const e of events) {
      if (e.type !== "InteractionRecorded") continue;
      const week = Math.floor((Date.parse(e.data.occurredAt) - truth.params.start) / (7 * DAY_MS));
      weeks.set(week, (weeks.get(week) ?? 0) + 1);
    }
    expect(weeks.size).toBeGreaterThan(45);
    const counts = [...weeks.values()];
    expect(Math.max(...counts)).toBeGreaterThan(2 * Math.min(...counts));
  });
});

describe("simulateCommunity: parameter validation", () => {
  it.each([
    [{ communityId: "has-dash" }, /communityId/],
    [{ name: " padded " }, /name/],
    [{ start: 10, end: 5 }, /start|end/],
    [{ end: Date.UTC(2024, 0, 1) }, /end must be later than start/],
    [{ homophily: 1.5 }, /homophily/],
    [{ reciprocity: -0.1 }, /reciprocity/],
    [{ roleSwitching: Number.NaN }, /roleSwitching/],
    [{ churn: 1 }, /churn/],
    [{ initialMembers: 2.5 }, /initialMembers/],
    [{ gatheringSize: { min: 1, max: 4 } }, /gatheringSize/],
    [{ gatheringSize: { min: 5, max: 4 } }, /gatheringSize/],
    [{ sectorMix: { farming: 1 } }, /sectorMix/],
    [{ sectorMix: { education: 0 } }, /sectorMix/],
    [{ kindMix: { advice: -1 } }, /kindMix/],
    [{ attributes: { sector: { a: 1 } } }, /attributes/],
    [{ attributes: { office: { " north": 1 } } }, /attributes/],
    [{ maxEvents: 0 }, /maxEvents/],
    [{ seed: 1.5 }, /seed/],
  ])("refuses %j with a RangeError", (params, message) => {
    expect(() => simulateCommunity(params as never)).toThrow(RangeError);
    expect(() => simulateCommunity(params as never)).toThrow(message);
  });
});
