// Random community logs and queries for property tests: few members and record ids, so joins,
// leaves, retractions and ties collide often. Test support only.
import { type CommunityEvent, type EventOf, interactionKinds, participantRoles, sectors } from "@copgraph/domain";
import fc from "fast-check";
import type { CommunitySnapshot } from "../community-snapshot.js";
import { DAY, day } from "../fixtures.js";
import { type GraphQuery, tieLayers } from "../query.js";
import type { StoredEvent } from "../stored-event.js";

// Odd logs (a tie to a member never joined, a profile change before the join) are allowed on purpose.
export const memberIds = ["m0", "m1", "m2", "m3", "m4"];
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
export const logArb = fc
  .tuple(
    fc.tuple(...memberIds.map((id) => recorded<CommunityEvent>(joinArb(fc.constant(id), 6), 8))),
    fc.array(recorded(eventArb, 15), { minLength: 5, maxLength: 40, size: "medium" }),
  )
  .chain(([joins, others]) => fc.shuffledSubarray([...joins, ...others], { minLength: joins.length + others.length }))
  .map((entries) => entries.map(([event, rec], revision): StoredEvent => ({ event, recordedAt: day(rec), revision })));

const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
export const queryArb: fc.Arbitrary<GraphQuery> = fc.record({
  at: fc.integer({ min: 4, max: 28 }).map((n) => day(n / 2)),
  knownAt: fc.integer({ min: 4, max: 16 }).map(day),
  from: sometimes(fc.integer({ min: 0, max: 8 }).map(day)),
  halfLife: sometimes(fc.constantFrom(DAY / 2, DAY, 3 * DAY)),
  layers: sometimes(fc.subarray([...tieLayers])),
  minWeight: sometimes(fc.constantFrom(0, 0.5, 1, 2)),
});

/** Everything a snapshot says, exactly, in insertion order. */
export const plain = (s: CommunitySnapshot) => ({
  graph: s.graph.export(),
  interactions: s.interactions,
  gatherings: s.gatherings,
  joinedAt: [...s.joinedAt],
});
