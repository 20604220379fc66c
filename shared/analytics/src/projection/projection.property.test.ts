import {
  type CommunityEvent,
  type EventOf,
  interactionKinds,
  isMutualKind,
  participantRoles,
  roleClass,
  sectors,
} from "@copgraph/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CommunityHistory, fromEvents } from "./community-history.js";
import type { CommunitySnapshot } from "./community-snapshot.js";
import { DAY, day } from "./fixtures.js";
import { projectSnapshot } from "./project-snapshot.js";
import { type GraphQuery, type TieLayer, tieLayers } from "./query.js";
import type { StoredEvent } from "./stored-event.js";

// Random logs: few members and record ids, so joins, leaves, retractions and ties collide often.
// Odd logs (a tie to a member never joined, a profile change before the join) are allowed on purpose.
const memberIds = ["m0", "m1", "m2", "m3", "m4"];
const recordIds = ["r0", "r1", "r2", "r3", "r4", "r5"];
const member = fc.constantFrom(...memberIds);
const when = fc.integer({ min: 0, max: 12 }).map((n) => new Date(day(n)).toISOString());
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const office = fc.constantFrom("north", "south", null);

/** A join on a day in [0, latestDay]; a member may join twice in an odd log. */
const joinArb = (memberId: fc.Arbitrary<string>, latestDay: number) =>
  fc
    .tuple(
      memberId,
      fc.integer({ min: 0, max: latestDay }),
      fc.constantFrom(...sectors),
      maybe(fc.constantFrom("X", "Y")),
    )
    .map(
      ([memberId, on, sector, organisation]): EventOf<"MemberJoined"> => ({
        type: "MemberJoined",
        data: {
          memberId,
          displayName: "n",
          sector,
          occupationalLayer: "professional",
          attributes: { office: "north" },
          occurredAt: new Date(day(on)).toISOString(),
          ...(organisation && { organisation }),
        },
      }),
    );

const eventArb: fc.Arbitrary<CommunityEvent> = fc.oneof(
  joinArb(member, 12),
  fc
    .record({
      memberId: member,
      occurredAt: when,
      sector: maybe(fc.constantFrom(...sectors)),
      organisation: maybe(fc.constantFrom("Z", null)),
      office,
    })
    .map(
      ({ office, ...d }): EventOf<"MemberProfileChanged"> => ({
        type: "MemberProfileChanged",
        data: { ...d, attributes: { office } },
      }),
    ),
  fc.record({ memberId: member, occurredAt: when }).map((data): CommunityEvent => ({ type: "MemberLeft", data })),
  fc.record({ memberId: member, occurredAt: when }).map((data): CommunityEvent => ({ type: "MemberErased", data })),
  {
    weight: 5,
    arbitrary: fc
      .record({
        interactionId: fc.constantFrom(...recordIds),
        kind: fc.constantFrom(...interactionKinds),
        from: member,
        to: fc.uniqueArray(member, { minLength: 1, maxLength: 3 }),
        occurredAt: when,
        weight: maybe(fc.constantFrom(0.5, 2, 3)),
      })
      .map((data): CommunityEvent => ({ type: "InteractionRecorded", data })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        gatheringId: fc.constantFrom(...recordIds),
        occurredAt: when,
        participants: fc.uniqueArray(fc.record({ memberId: member, role: fc.constantFrom(...participantRoles) }), {
          selector: (p) => p.memberId,
          minLength: 2,
          maxLength: 4,
        }),
      })
      .map((d): CommunityEvent => ({ type: "GatheringHeld", data: { ...d, format: "workshop" } })),
  },
  fc
    .record({ recordId: fc.constantFrom(...recordIds), occurredAt: when })
    .map((d): CommunityEvent => ({ type: "RecordRetracted", data: { ...d, reason: "mistake" } })),
);

// Everyone joins early (mostly), then records, changes, leaves… follow; recording times are
// drawn freely, so late logs and imports put transaction time far from valid time.
const recorded = <T>(arb: fc.Arbitrary<T>, latestDay: number) => fc.tuple(arb, fc.integer({ min: 0, max: latestDay }));
const logArb = fc
  .tuple(
    fc.tuple(...memberIds.map((id) => recorded<CommunityEvent>(joinArb(fc.constant(id), 6), 8))),
    fc.array(recorded(eventArb, 15), { minLength: 5, maxLength: 40, size: "medium" }),
  )
  .chain(([joins, others]) => fc.shuffledSubarray([...joins, ...others], { minLength: joins.length + others.length }))
  .map((entries) => entries.map(([event, rec], revision): StoredEvent => ({ event, recordedAt: day(rec), revision })));

const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const queryArb: fc.Arbitrary<GraphQuery> = fc.record({
  at: fc.integer({ min: 4, max: 28 }).map((n) => day(n / 2)),
  knownAt: fc.integer({ min: 4, max: 16 }).map(day),
  from: sometimes(fc.integer({ min: 0, max: 8 }).map(day)),
  halfLife: sometimes(fc.constantFrom(DAY / 2, DAY, 3 * DAY)),
  layers: sometimes(fc.subarray([...tieLayers])),
  minWeight: sometimes(fc.constantFrom(0, 0.5, 1, 2)),
});

interface Edge {
  source: string;
  target: string;
  weight: number;
  layers: Partial<Record<TieLayer, number>>;
}

/** Edges in a comparable shape: sorted, weights rounded to forgive summation order. */
const normalise = (edges: Edge[]) =>
  edges
    .map(({ source, target, weight, layers }) => ({
      key: `${source}>${target}`,
      weight: Math.round(weight * 1e9) / 1e9,
      layers: Object.fromEntries(
        Object.entries(layers)
          .map(([layer, w]) => [layer, Math.round(w * 1e9) / 1e9] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));

/** Everything a snapshot says, exactly, in insertion order. */
const plain = (s: CommunitySnapshot) => ({
  graph: s.graph.export(),
  interactions: s.interactions,
  gatherings: s.gatherings,
  joinedAt: [...s.joinedAt],
});

/** The specification, written naively: filter the whole log for every question. */
function reference(log: readonly StoredEvent[], q: GraphQuery) {
  const time = (e: StoredEvent) => Date.parse(e.event.data.occurredAt);
  const order = (a: StoredEvent, b: StoredEvent) => time(a) - time(b) || a.revision - b.revision;
  const known = log.filter((e) => e.recordedAt <= q.knownAt);
  const of = <T extends CommunityEvent["type"]>(type: T, events = known) =>
    events.filter((e): e is StoredEvent & { event: EventOf<T> } => e.event.type === type);
  const retractedIds = new Set(of("RecordRetracted").map((e) => e.event.data.recordId));
  const erasedIds = new Set(of("MemberErased", [...log]).map((e) => e.event.data.memberId));
  const counted = (e: StoredEvent, id: string) =>
    !retractedIds.has(id) && time(e) <= q.at && time(e) >= (q.from ?? Number.NEGATIVE_INFINITY);
  const interactions = of("InteractionRecorded")
    .filter((e) => counted(e, e.event.data.interactionId))
    .sort(order);
  const gatherings = of("GatheringHeld")
    .filter((e) => counted(e, e.event.data.gatheringId))
    .sort(order);
  const named = new Set([
    ...interactions.flatMap((e) => [e.event.data.from, ...e.event.data.to]),
    ...gatherings.flatMap((e) => e.event.data.participants.map((p) => p.memberId)),
  ]);
  const nodes: { id: string; attributes: Record<string, string> }[] = [];
  const joins = memberIds
    .map((id) => of("MemberJoined").find((e) => e.event.data.memberId === id))
    .filter((e): e is NonNullable<typeof e> => e !== undefined && time(e) <= q.at)
    .sort(order);
  for (const join of joins) {
    const { memberId, sector, occupationalLayer, organisation, attributes } = join.event.data;
    const isLeft = of("MemberLeft").some((e) => e.event.data.memberId === memberId && time(e) <= q.at);
    if (isLeft && !named.has(memberId)) continue;
    const profile: Record<string, string | null | undefined> = {
      sector,
      occupationalLayer,
      organisation,
      ...attributes,
    };
    const changes = of("MemberProfileChanged").filter((e) => e.event.data.memberId === memberId && time(e) <= q.at);
    for (const { event } of changes.sort(order)) {
      const { sector, organisation, attributes } = event.data;
      Object.assign(
        profile,
        sector === undefined ? {} : { sector },
        organisation === undefined ? {} : { organisation },
      );
      Object.assign(profile, attributes);
    }
    if (erasedIds.has(memberId)) profile.organisation = null;
    const set = Object.entries(profile).filter((entry): entry is [string, string] => typeof entry[1] === "string");
    nodes.push({ id: memberId, attributes: Object.fromEntries(set) });
  }
  const isNode = new Set(nodes.map((n) => n.id));
  const layers = new Set(q.layers ?? tieLayers);
  const ties = new Map<string, Partial<Record<TieLayer, number>>>();
  // The same 2^(−Δ/h) as the projection, so ties exactly at minWeight fall on the same side.
  const decay = (e: StoredEvent) => (q.halfLife ? 2 ** (-(q.at - time(e)) / q.halfLife) : 1);
  const add = (s: string, t: string, layer: TieLayer, w: number) => {
    if (s === t || !isNode.has(s) || !isNode.has(t) || !layers.has(layer)) return;
    const tie = ties.get(`${s} ${t}`) ?? {};
    tie[layer] = (tie[layer] ?? 0) + w;
    ties.set(`${s} ${t}`, tie);
  };
  for (const e of interactions) {
    const { kind, from, to, weight = 1 } = e.event.data;
    for (const t of to) {
      add(from, t, kind, weight * decay(e));
      if (isMutualKind(kind)) add(t, from, kind, weight * decay(e));
    }
  }
  for (const e of gatherings) {
    for (const a of e.event.data.participants) {
      for (const b of e.event.data.participants) {
        if (roleClass(a.role) === "giver" && roleClass(b.role) === "receiver")
          add(a.memberId, b.memberId, "led", decay(e));
        add(a.memberId, b.memberId, "co-attendance", decay(e));
      }
    }
  }
  const edges = [...ties]
    .map(([key, perLayer]): Edge => {
      const [source = "", target = ""] = key.split(" ");
      return { source, target, layers: perLayer, weight: Object.values(perLayer).reduce((x, y) => x + y, 0) };
    })
    .filter((e) => e.weight >= (q.minWeight ?? 0));
  return { nodes, edges, interactions, gatherings };
}

describe("projection properties", () => {
  it("is the same whether built one event at a time (queried between appends) or all at once", () => {
    fc.assert(
      fc.property(logArb, fc.array(queryArb, { minLength: 1, maxLength: 3 }), (log, queries) => {
        const incremental = new CommunityHistory();
        for (const [i, e] of log.entries()) {
          incremental.apply(e);
          // Reading between appends exercises the lazily re-sorted indexes.
          projectSnapshot(incremental, queries[i % queries.length]!);
        }
        const batch = fromEvents(log);
        for (const q of queries)
          expect(plain(projectSnapshot(incremental, q))).toEqual(plain(projectSnapshot(batch, q)));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with a naive reading of the whole log", () => {
    fc.assert(
      fc.property(logArb, queryArb, (log, q) => {
        const actual = projectSnapshot(fromEvents(log), q);
        const expected = reference(log, q);
        expect(actual.graph.mapNodes((id, attributes) => ({ id, attributes }))).toEqual(expected.nodes);
        expect(actual.interactions.map((i) => i.id)).toEqual(
          expected.interactions.map((e) => e.event.data.interactionId),
        );
        expect(actual.gatherings.map((g) => g.id)).toEqual(expected.gatherings.map((e) => e.event.data.gatheringId));
        const edges = actual.graph.mapEdges((_e, { weight, layers }, source, target) => ({
          source,
          target,
          weight,
          layers,
        }));
        expect(normalise(edges)).toEqual(normalise(expected.edges));
      }),
      { numRuns: 500 },
    );
  });
});
