import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Command } from "./commands.js";
import { decide } from "./decide.js";
import { decideBatch } from "./decide-batch.js";
import { DomainError } from "./errors.js";
import type { CommunityEvent } from "./events/community-event.js";
import { evolve } from "./evolve.js";
import { type CommunityState, initialState } from "./state.js";
import {
  cmd,
  community,
  erased,
  gathering,
  interaction,
  joined,
  left,
  registered,
  retracted,
  T1,
  T2,
} from "./testing/fixtures.js";
import { given, SPEC_NOW } from "./testing/spec.js";

const now = { now: SPEC_NOW };
const snapshot = (state: CommunityState) => ({
  ...state,
  members: [...state.members.entries()].map(([id, m]) => [id, { ...m, attributeKeys: [...m.attributeKeys] }]),
  records: [...state.records.entries()].map(([id, r]) => [id, { ...r }]),
});

const attempt = <T>(run: () => T): { value: T } | { error: unknown } => {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
};
/** Comparable form of an outcome: the events, or the refusal's code, path and index. */
const summary = (outcome: { value: unknown } | { error: unknown }) =>
  "value" in outcome ? outcome : { ...(outcome.error as DomainError) };

describe("decideBatch", () => {
  it("lets later commands see what earlier ones decided", () => {
    const commands = [
      cmd.register(),
      cmd.join(joined("a")),
      cmd.join(joined("b")),
      cmd.interact(interaction("i1", "a", ["b"])),
      cmd.retract(retracted("i1")),
      cmd.leave(left("b", T2)),
    ];
    given([])
      .whenBatch(commands)
      .then([registered(), joined("a"), joined("b"), interaction("i1", "a", ["b"]), retracted("i1"), left("b", T2)]);
  });

  it("is all or nothing, and reports the failing command's index", () => {
    const error = given(community())
      .whenBatch([
        cmd.join(joined("d")),
        cmd.interact(interaction("i1", "a", ["d"])),
        cmd.interact(interaction("i1", "b", ["c"])),
      ])
      .thenThrows("duplicate_record_id", ["interactionId"]);
    expect(error.index).toBe(2);
  });

  it("sees its own duplicates, retractions and erasures", () => {
    const spec = given(community());
    expect(
      spec.whenBatch([cmd.join(joined("d")), cmd.join(joined("d"))]).thenThrows("member_already_joined").index,
    ).toBe(1);
    expect(
      spec
        .whenBatch([cmd.gather(gathering("g", ["a", "b"])), cmd.retract(retracted("g")), cmd.retract(retracted("g"))])
        .thenThrows("record_already_retracted").index,
    ).toBe(2);
    expect(
      spec
        .whenBatch([cmd.erase(erased("a", T1)), cmd.interact(interaction("i", "b", ["a"], { occurredAt: T1 }))])
        .thenThrows("member_not_active", ["to", 0]).index,
    ).toBe(1);
  });

  it("leaves the caller's state untouched, whether it succeeds or fails", () => {
    const state = [...community(), interaction("i0", "a", ["b"])].reduce(evolve, initialState());
    const before = snapshot(state);
    decideBatch(state, [cmd.join(joined("d")), cmd.retract(retracted("i0")), cmd.leave(left("a"))], now);
    expect(() => decideBatch(state, [cmd.join(joined("e")), cmd.join(joined("e"))], now)).toThrow(DomainError);
    expect(snapshot(state)).toEqual(before);
  });

  it("returns no events for an empty batch", () => {
    expect(decideBatch(initialState(), [], now)).toEqual([]);
  });

  it("decides 10,000 commands on top of a large state without touching it", () => {
    const state = [...community()].reduce(evolve, initialState());
    for (let i = 0; i < 100_000; i += 1) evolve(state, interaction(`old${i}`, "a", ["b"]));
    const commands: Command[] = [];
    for (let i = 0; i < 1_000; i += 1) commands.push(cmd.join(joined(`m${i}`)));
    for (let i = 0; i < 9_000; i += 1) {
      commands.push(cmd.interact(interaction(`new${i}`, `m${i % 1_000}`, [`m${(i + 1) % 1_000}`, "a"])));
    }
    const membersBefore = state.members.size;
    const events = decideBatch(state, commands, now);
    expect(events).toHaveLength(10_000);
    expect(state.members.size).toBe(membersBefore);
    expect(state.records.size).toBe(100_000);
  });

  it("never mutates the input state, whatever the commands (property)", () => {
    const ids = ["a", "b", "c", "d", "i1", "g1"];
    const id = fc.constantFrom(...ids);
    const at = fc.constantFrom("2024-12-01T00:00:00Z", T1, T2, "2030-01-01T00:00:00Z");
    const command: fc.Arbitrary<Command> = fc.oneof(
      fc.tuple(id, at).map(([m, t]) => cmd.join(joined(m, { occurredAt: t }))),
      fc.tuple(id, at).map(([m, t]) => cmd.leave(left(m, t))),
      fc.tuple(id, at).map(([m, t]) => cmd.erase(erased(m, t))),
      fc.tuple(id, at).map(([m, t]) => cmd.change({ memberId: m, occurredAt: t, attributes: { k: "v" } })),
      fc
        .tuple(id, id, fc.uniqueArray(id, { minLength: 1, maxLength: 3 }), at)
        .map(([r, f, to, t]) => cmd.interact(interaction(r, f, to, { occurredAt: t }))),
      fc
        .tuple(id, fc.array(id, { minLength: 2, maxLength: 4 }), at)
        .map(([r, ms, t]) => cmd.gather(gathering(r, ms, { occurredAt: t }))),
      fc.tuple(id, at).map(([r, t]) => cmd.retract(retracted(r, t))),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 8 }), fc.array(command, { maxLength: 12 }), (setup, batch) => {
        // A varied starting state from whichever setup commands are accepted.
        const log: CommunityEvent[] = [registered()];
        const state = log.reduce(evolve, initialState());
        for (const c of setup) {
          try {
            for (const e of decide(state, c, now)) log.push(evolve(state, e) && e);
          } catch {
            // refused: skip it
          }
        }
        const before = snapshot(state);
        const outcome = attempt(() => decideBatch(state, batch, now));
        expect(snapshot(state)).toEqual(before);

        // The batch agrees with deciding and applying its commands one at a time.
        const oneByOne = log.reduce(evolve, initialState());
        const expected = attempt(() =>
          batch.flatMap((c, index) => {
            const events = attempt(() => decide(oneByOne, c, now));
            if ("error" in events) throw (events.error as DomainError).withIndex(index);
            for (const e of events.value) evolve(oneByOne, e);
            return events.value;
          }),
        );
        expect(summary(outcome)).toEqual(summary(expected));
      }),
      { numRuns: 500 },
    );
  });
});
