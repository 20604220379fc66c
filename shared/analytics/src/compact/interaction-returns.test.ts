import { interactionKinds } from "@copgraph/domain";
import fc from "fast-check";
import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { CommunityGraph, CommunitySnapshot } from "../projection/community-snapshot.js";
import { interactionReturnsOf } from "./interaction-returns.js";

// The typed first returns against the definition read literally (every arc against every reverse
// arc) on random interactions: repeated and self-addressed recipients, collaborations, returns at
// the same instant and exactly at Δ, arcs censored at the query, facts in and out of time order.
const member = fc.constantFrom("a", "b", "c", "10");
const windowArb = fc.record({
  interactions: fc.array(
    fc.record({
      kind: fc.constantFrom(...interactionKinds),
      from: member,
      to: fc.array(member, { minLength: 1, maxLength: 3 }),
      occurredAt: fc.integer({ min: 0, max: 12 }),
    }),
    { maxLength: 14 },
  ),
  sorted: fc.boolean(),
  withinMs: fc.integer({ min: 1, max: 6 }),
  at: fc.integer({ min: 0, max: 14 }),
});

describe("interactionReturnsOf", () => {
  it("gives each observed arc's sender and delay to its first return within Δ, in order", () => {
    fc.assert(
      fc.property(windowArb, ({ interactions, sorted, withinMs, at }) => {
        const facts = interactions.map((x, i) => ({ ...x, id: `i${i}`, weight: 1 }));
        if (sorted) facts.sort((x, y) => x.occurredAt - y.occurredAt);
        const snapshot: CommunitySnapshot = {
          query: { at, knownAt: at },
          graph: new DirectedGraph() as unknown as CommunityGraph,
          interactions: facts,
          gatherings: [],
          joinedAt: new Map(),
        };
        const arcs = facts
          .filter((x) => x.kind !== "collaboration")
          .flatMap((x) => [...new Set(x.to)].filter((to) => to !== x.from).map((to) => ({ ...x, to })));
        const observed = arcs.filter((arc) => arc.occurredAt + withinMs <= at);
        const expected = observed.map((arc) => {
          const returns = arcs
            .filter((back) => back.from === arc.to && back.to === arc.from && back.occurredAt > arc.occurredAt)
            .map((back) => back.occurredAt - arc.occurredAt);
          const first = Math.min(...returns);
          return [arc.from, first <= withinMs ? first : null];
        });
        const result = interactionReturnsOf(snapshot, withinMs);
        const actual = [...result.from].map((sender, k) => [
          result.ids[sender],
          Number.isNaN(result.delay[k]) ? null : result.delay[k],
        ]);
        expect(actual).toEqual(expected);
        expect(result.censored).toBe(arcs.length - observed.length);
      }),
      { numRuns: 300 },
    );
  });
});
