import { describe, expect, it } from "vitest";
import { readableDay } from "./decide.js";
import { cmd, community, interaction, joined, left, registered, T0, T1, T3 } from "./testing/fixtures.js";
import { given } from "./testing/spec.js";

// Refusals name dates as a person reads them ("left on 1 March 2025"), not as timestamps.
describe("dates in refusals", () => {
  it("reads an instant as its UTC day", () => {
    expect(readableDay(Date.parse("2026-12-01T12:00:00.000Z"))).toBe("1 December 2026");
    expect(readableDay(Date.parse("2026-12-01T23:59:59.000Z"))).toBe("1 December 2026");
  });

  it("a member who left: the day they left", () => {
    const error = given([...community(), left("b")])
      .when(cmd.interact(interaction("i1", "a", ["b"], { occurredAt: T3 })))
      .thenThrows("member_not_active", ["to", 0]);
    expect(error.message).toBe("member b left on 1 March 2025");
  });

  it("a member not joined yet: the record's day and the day they joined", () => {
    const error = given([registered(), joined("a"), joined("b", { occurredAt: T1 })])
      .when(cmd.interact(interaction("i1", "b", ["a"], { occurredAt: T0 })))
      .thenThrows("member_not_active", ["from"]);
    expect(error.message).toBe("member b had not joined yet on 1 January 2025 (joined on 1 February 2025)");
    const leaving = given([registered(), joined("b", { occurredAt: T1 })])
      .when(cmd.leave(left("b", T0)))
      .thenThrows("member_not_active", ["memberId"]);
    expect(leaving.message).toBe("member b had not joined yet on 1 January 2025 (joined on 1 February 2025)");
  });
});
