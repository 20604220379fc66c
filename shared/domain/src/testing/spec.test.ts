import { describe, expect, it } from "vitest";
import { cmd, community, joined, registered } from "./fixtures.js";
import { given } from "./spec.js";

describe("the given/when/then helper", () => {
  it("fails `then` when the events differ", () => {
    expect(() => given([]).when(cmd.register()).then([])).toThrow();
  });

  it("fails `thenThrows` when nothing is thrown, or another code or path is", () => {
    expect(() => given([]).when(cmd.register()).thenThrows("community_already_registered")).toThrow(/expected/);
    expect(() => given([registered()]).when(cmd.register()).thenThrows("unknown_member")).toThrow();
    expect(() =>
      given([registered()]).when(cmd.register()).thenThrows("community_already_registered", ["x"]),
    ).toThrow();
  });

  it("replays the given events into its state", () => {
    expect(given(community()).state.members.size).toBe(3);
    expect(given([registered(), joined("z")]).state.eventCount).toBe(2);
  });
});
