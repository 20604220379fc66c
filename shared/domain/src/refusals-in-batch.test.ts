import { describe, expect, it } from "vitest";
import { refusalsInBatch } from "./decide-batch.js";
import type { CommunityEvent } from "./events/community-event.js";
import { evolve } from "./evolve.js";
import { type CommunityState, initialState } from "./state.js";
import { cmd, community, interaction, joined } from "./testing/fixtures.js";
import { SPEC_NOW } from "./testing/spec.js";

const now = { now: SPEC_NOW };
const stateOf = (events: readonly CommunityEvent[]): CommunityState => events.reduce(evolve, initialState());
const said = (result: ReturnType<typeof refusalsInBatch>) =>
  result.refusals.map((refusal) => [refusal.index, refusal.code, refusal.message]);

// An import lists every bad row: each refusal of a batch, not only the first.
describe("refusalsInBatch", () => {
  it("finds every refused command, each with its index", () => {
    const result = refusalsInBatch(
      stateOf(community()),
      [
        cmd.interact(interaction("i1", "a", ["b"])),
        cmd.interact(interaction("i2", "a", ["zoe"])),
        cmd.interact(interaction("i3", "yan", ["b"])),
      ],
      now,
      10,
    );
    expect(said(result)).toEqual([
      [1, "unknown_member", "member zoe has not joined"],
      [2, "unknown_member", "member yan has not joined"],
    ]);
    expect(result.count).toBe(2);
  });

  it("decides each command against the accepted ones before it, and a refused one adds nothing", () => {
    const result = refusalsInBatch(
      stateOf(community()),
      [
        cmd.join(joined("d")),
        cmd.interact(interaction("i1", "a", ["d"])),
        cmd.interact(interaction("i1", "b", ["c"])),
        cmd.interact(interaction("i2", "a", ["nobody"])),
        cmd.interact(interaction("i2", "a", ["b"])),
      ],
      now,
      10,
    );
    expect(said(result)).toEqual([
      [2, "duplicate_record_id", "id i1 is already used by an interaction"],
      [3, "unknown_member", "member nobody has not joined"],
    ]);
  });

  it("keeps the first refusals up to the limit and counts them all", () => {
    const commands = Array.from({ length: 12 }, (_, i) => cmd.interact(interaction(`i${i}`, "a", [`x${i}`])));
    const result = refusalsInBatch(stateOf(community()), commands, now, 5);
    expect(result.refusals.map((refusal) => refusal.index)).toEqual([0, 1, 2, 3, 4]);
    expect(result.count).toBe(12);
  });

  it("finds nothing in a batch the decider accepts, and leaves the state as it was", () => {
    const state = stateOf(community());
    const members = state.members.size;
    expect(refusalsInBatch(state, [cmd.join(joined("d"))], now, 10)).toEqual({ refusals: [], count: 0 });
    expect(state.members.size).toBe(members);
  });
});
