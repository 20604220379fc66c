import type { StoredEvent } from "@copgraph/analytics";
import { describe, expect, it } from "vitest";
import { RecordedSinceEvaluation } from "./recorded-since.js";

const left = (revision: number): StoredEvent => ({
  event: { type: "MemberLeft", data: { memberId: "m", occurredAt: "2026-01-01T00:00:00Z" } },
  recordedAt: 0,
  revision,
});

describe("RecordedSinceEvaluation", () => {
  it("keeps a community's events from its first take on, and says nothing was followed before", () => {
    const recorded = new RecordedSinceEvaluation();
    recorded.note("a", left(1));
    expect(recorded.take("a")).toEqual({ events: [], overflowed: true });
    recorded.note("a", left(2));
    recorded.note("b", left(1));
    expect(recorded.take("a")).toEqual({ events: [left(2)], overflowed: false });
    expect(recorded.take("b").overflowed).toBe(true);
  });

  it("puts back what was taken before what came since, and stops keeping past its bound", () => {
    const recorded = new RecordedSinceEvaluation();
    recorded.take("a");
    recorded.note("a", left(1));
    const taken = recorded.take("a");
    recorded.note("a", left(2));
    recorded.putBack("a", taken);
    expect(recorded.take("a").events).toEqual([left(1), left(2)]);
    for (let revision = 0; revision <= 10_000; revision++) recorded.note("a", left(revision));
    expect(recorded.take("a")).toEqual({ events: [], overflowed: true });
    recorded.forget("a");
    recorded.note("a", left(1));
    expect(recorded.take("a").overflowed).toBe(true);
  });
});
