import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDated, type Dated, SortedFacts } from "./sorted-facts.js";

const fact = (occurredAt: number, revision: number): Dated => ({ occurredAt, recordedAt: 0, revision });

describe("SortedFacts", () => {
  it("keeps facts in (occurredAt, revision) order when some arrive back-dated", () => {
    const facts = new SortedFacts<Dated>();
    for (const f of [fact(5, 0), fact(7, 1), fact(2, 2), fact(5, 3)]) facts.add(f);
    expect(facts.all().map((f) => f.revision)).toEqual([2, 0, 3, 1]);
    facts.add(fact(1, 4));
    expect(facts.all().map((f) => f.revision)).toEqual([4, 2, 0, 3, 1]);
  });

  it("adopts a list as it is, and sorts it on the first read if it was out of order (a damaged checkpoint)", () => {
    expect(
      SortedFacts.adopt([fact(1, 0), fact(1, 1), fact(4, 2)])
        .all()
        .map((f) => f.revision),
    ).toEqual([0, 1, 2]);
    const adopted = SortedFacts.adopt([fact(4, 0), fact(1, 1), fact(1, 2)]);
    expect(adopted.between(0, 2).map((f) => f.revision)).toEqual([1, 2]);
    adopted.add(fact(3, 3));
    expect(adopted.all().map((f) => f.revision)).toEqual([1, 2, 3, 0]);
  });

  it("reads the inclusive range [from, to] only", () => {
    const facts = new SortedFacts<Dated>();
    for (const [i, t] of [1, 3, 3, 5, 8].entries()) facts.add(fact(t, i));
    const times = (from: number, to: number) => [...facts.between(from, to)].map((f) => f.occurredAt);
    expect(times(3, 5)).toEqual([3, 3, 5]);
    expect(times(2, 4)).toEqual([3, 3]);
    expect(times(Number.NEGATIVE_INFINITY, 0)).toEqual([]);
    expect(times(6, 2)).toEqual([]);
    expect(times(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)).toHaveLength(5);
  });

  it("answers like a filter over a sorted copy, whatever the order of arrival and of reads", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { maxLength: 40 }),
        fc.integer({ min: -1, max: 21 }),
        fc.integer({ min: -1, max: 21 }),
        (arrivals, from, to) => {
          const facts = new SortedFacts<Dated>();
          const added: Dated[] = [];
          arrivals.forEach(([t, readNow], i) => {
            facts.add(fact(t, i));
            added.push(fact(t, i));
            if (readNow) facts.all();
          });
          const expected = [...added].sort(compareDated).filter((f) => f.occurredAt >= from && f.occurredAt <= to);
          expect([...facts.between(from, to)]).toEqual(expected);
        },
      ),
    );
  });
});
