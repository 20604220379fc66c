// The rules that apply to every command: registration first, and no events from the future.
import { describe, it } from "vitest";
import type { Command } from "./commands.js";
import { ALLOWED_CLOCK_SKEW_MS } from "./decide.js";
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
} from "./testing/fixtures.js";
import { given, SPEC_NOW } from "./testing/spec.js";

const everyCommandButRegister: Command[] = [
  cmd.join(joined("a")),
  cmd.change({ memberId: "a", sector: "health", occurredAt: "2025-01-02T00:00:00Z" }),
  cmd.leave(left("a")),
  cmd.interact(interaction("i1", "a", ["b"])),
  cmd.gather(gathering("g1", ["a", "b"])),
  cmd.retract(retracted("i1")),
  cmd.erase(erased("a")),
];

describe("RegisterCommunity", () => {
  it("registers a new community", () => {
    given([]).when(cmd.register()).then([registered()]);
  });

  it("refuses a second registration", () => {
    given([registered()])
      .when(cmd.register(registered({ name: "Again" })))
      .thenThrows("community_already_registered", ["communityId"]);
  });
});

describe("before CommunityRegistered", () => {
  for (const command of everyCommandButRegister) {
    it(`refuses ${command.type}`, () => {
      given([]).when(command).thenThrows("community_not_registered", []);
    });
  }

  it("refuses them even when members were somehow stored first", () => {
    given([joined("a"), joined("b")])
      .when(cmd.interact(interaction("i1", "a", ["b"])))
      .thenThrows("community_not_registered");
  });
});

describe("occurredAt in the future", () => {
  const at = (ms: number) => new Date(SPEC_NOW.getTime() + ms).toISOString();

  it("accepts up to the allowed clock skew ahead of now", () => {
    const event = interaction("i1", "a", ["b"], { occurredAt: at(ALLOWED_CLOCK_SKEW_MS) });
    given(community()).when(cmd.interact(event)).then([event]);
  });

  it("refuses anything later, on every command", () => {
    const future = at(ALLOWED_CLOCK_SKEW_MS + 1);
    given([])
      .when(cmd.register(registered({ occurredAt: future })))
      .thenThrows("future_occurred_at", ["occurredAt"]);
    for (const command of everyCommandButRegister) {
      const late = { ...command, data: { ...command.data, occurredAt: future } } as Command;
      given(community()).when(late).thenThrows("future_occurred_at", ["occurredAt"]);
    }
  });

  it("compares instants, not local clock readings", () => {
    // now is 12:00Z: 13:04+01:00 is 12:04Z (inside the skew), 13:10+01:00 is 12:10Z (beyond it).
    given([])
      .when(cmd.register(registered({ occurredAt: "2025-06-01T13:04:00+01:00" })))
      .then([registered({ occurredAt: "2025-06-01T13:04:00+01:00" })]);
    given([])
      .when(cmd.register(registered({ occurredAt: "2025-06-01T13:10:00+01:00" })))
      .thenThrows("future_occurred_at");
  });

  it("uses the now it is given, not a clock", () => {
    const event = interaction("i1", "a", ["b"], { occurredAt: "2030-01-01T00:00:00Z" });
    given(community()).when(cmd.interact(event), new Date("2030-01-01T00:00:00Z")).then([event]);
  });
});
