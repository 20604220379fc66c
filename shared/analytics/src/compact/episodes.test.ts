import { interactionKinds, participantRoles } from "@copgraph/domain";
import fc from "fast-check";
import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { activeMembers } from "../indicators/activity/events.js";
import { episodesOf, forEachFlowArc } from "../indicators/roles/facts.js";
import type { CommunityGraph, CommunitySnapshot } from "../projection/community-snapshot.js";
import { activeMembersOf } from "./active-members.js";
import { compactEpisodesOf } from "./episodes.js";
import { BACKWARD, FORWARD, flowDyadsOf } from "./flow-dyads.js";

// The compact episodes against episodesOf (the definition, over objects), and the flow dyads against
// a direct reading of those episodes, on random windows: repeated participants, same-instant
// gatherings and interactions, collaborations, self-addressed and repeated recipients, and facts
// both in time order (as projected) and out of it.
const ids = ["b", "a", "10", "2", "c"];
const member = fc.constantFrom(...ids);
const time = fc.integer({ min: 0, max: 4 });
const snapshotArb = fc
  .record({
    gatherings: fc.array(
      fc.record({
        occurredAt: time,
        participants: fc.array(fc.record({ memberId: member, role: fc.constantFrom(...participantRoles) }), {
          maxLength: 5,
        }),
      }),
      { maxLength: 6 },
    ),
    interactions: fc.array(
      fc.record({
        kind: fc.constantFrom(...interactionKinds),
        from: member,
        to: fc.array(member, { maxLength: 3 }),
        occurredAt: time,
      }),
      { maxLength: 10 },
    ),
    sorted: fc.boolean(),
  })
  .map(({ gatherings, interactions, sorted }): CommunitySnapshot => {
    const inOrder = <T extends { occurredAt: number }>(facts: T[]) =>
      sorted ? [...facts].sort((x, y) => x.occurredAt - y.occurredAt) : facts;
    return {
      query: { at: 10, knownAt: 10 },
      graph: new DirectedGraph() as unknown as CommunityGraph,
      gatherings: inOrder(gatherings.map((g, i) => ({ ...g, id: `g${i}`, format: "meeting" as const }))),
      interactions: inOrder(interactions.map((x, i) => ({ ...x, id: `i${i}`, weight: 1 }))),
      joinedAt: new Map(),
    };
  });

const classNames = ["giver", "peer", "receiver"];

describe("compactEpisodesOf", () => {
  it("holds episodesOf's episodes, in its order", () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const compact = compactEpisodesOf(snapshot);
        const expanded = [...compact.at].map((at, e) => {
          const range = [...Array(compact.offsets[e + 1]! - compact.offsets[e]!).keys()].map(
            (k) => compact.offsets[e]! + k,
          );
          return {
            at,
            members: range.map((p) => compact.ids[compact.members[p]!]),
            classes: range.map((p) => classNames[compact.classes[p]!]),
          };
        });
        expect(expanded).toEqual(episodesOf(snapshot));
      }),
      { numRuns: 300 },
    );
  });
});

describe("flowDyadsOf", () => {
  it("lists each dyad once, in order of its first arc, with its arcs, reversal, spread and directions", () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const expected = new Map<string, { a: string; b: string; times: number[]; forward: boolean[] }>();
        for (const episode of episodesOf(snapshot)) {
          forEachFlowArc(episode.members, episode.classes, (giver, receiver) => {
            const [a, b] = giver < receiver ? [giver, receiver] : [receiver, giver];
            const dyad = expected.get(`${a} ${b}`) ?? { a, b, times: [], forward: [] };
            expected.set(`${a} ${b}`, dyad);
            dyad.times.push(episode.at);
            dyad.forward.push(giver === a);
          });
        }
        const episodes = compactEpisodesOf(snapshot);
        const dyads = flowDyadsOf(episodes);
        const actual = [...dyads.a].map((a, d) => ({
          a: episodes.ids[a],
          b: episodes.ids[dyads.b[d]!],
          arcs: dyads.arcs[d],
          reversed: dyads.reversed[d] === 1,
          spread: dyads.spread[d] === 1,
          ways: dyads.ways[d],
        }));
        const reference = [...expected.values()].map(({ a, b, times, forward }) => ({
          a,
          b,
          arcs: times.length,
          reversed: times.some((t, i) => times.some((u, j) => forward[i] !== forward[j] && t < u)),
          spread: new Set(times).size > 1,
          ways: (forward.includes(true) ? FORWARD : 0) | (forward.includes(false) ? BACKWARD : 0),
        }));
        expect(actual).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });
});

describe("activeMembersOf", () => {
  it("is activity's activeMembers, in the same order", () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        expect([...activeMembersOf(snapshot)]).toEqual([...activeMembers(snapshot)]);
      }),
      { numRuns: 200 },
    );
  });
});
