import { CommunityHistory, projectSnapshot } from "@copgraph/analytics";
import { commandForEvent, decideBatch, initialState } from "@copgraph/domain";
import { describe, expect, it } from "vitest";
import { simulateCommunity } from "./simulate.js";
import { simulationToStored } from "./stored.js";

const { events, truth } = simulateCommunity({ seed: 21, initialMembers: 25, retractionRate: 0.05 });
const end = truth.params.end;

describe("simulationToStored", () => {
  it("by default records each event when it happened, in order, with consecutive revisions", () => {
    const stored = simulationToStored(events, { firstRevision: 1 });
    expect(stored.map((s) => s.event)).toEqual(events);
    stored.forEach((s, i) => {
      expect(s.recordedAt).toBe(Date.parse(s.event.data.occurredAt));
      expect(s.revision).toBe(i + 1);
    });
  });

  it("records a share of interactions and gatherings late, keeping a log the decider accepts in order", () => {
    const stored = simulationToStored(events, { backdatedShare: 0.3, maxDelayDays: 10, seed: 3 });
    const late = stored.filter((s) => s.recordedAt > Date.parse(s.event.data.occurredAt));
    const records = events.filter((e) => e.type === "InteractionRecorded" || e.type === "GatheringHeld").length;
    expect(late.length / records).toBeGreaterThan(0.25);
    expect(late.length / records).toBeLessThan(0.35);
    for (const s of late) {
      expect(["InteractionRecorded", "GatheringHeld", "RecordRetracted"]).toContain(s.event.type);
      expect(s.recordedAt - Date.parse(s.event.data.occurredAt)).toBeLessThanOrEqual(10 * 86_400_000);
    }
    for (let i = 1; i < stored.length; i++)
      expect(stored[i]!.recordedAt).toBeGreaterThanOrEqual(stored[i - 1]!.recordedAt);
    // The log order is one the decider accepts (joins before records, records before retractions).
    const commands = stored.map((s) => commandForEvent(s.event));
    expect(decideBatch(initialState(), commands, { now: new Date(stored.at(-1)!.recordedAt) })).toHaveLength(
      stored.length,
    );
  });

  it("back-dated facts are invisible before they were recorded and in place afterwards", () => {
    const stored = simulationToStored(events, { backdatedShare: 0.5, seed: 4 });
    const history = CommunityHistory.fromEvents(stored);
    const mid = truth.params.start + (end - truth.params.start) / 2;
    const knownThen = projectSnapshot(history, { at: mid, knownAt: mid });
    const knownLater = projectSnapshot(history, { at: mid, knownAt: end + 30 * 86_400_000 });
    expect(knownLater.interactions.length).toBeGreaterThan(knownThen.interactions.length);
  });

  it("refuses a share outside [0, 1]", () => {
    expect(() => simulationToStored(events, { backdatedShare: 2 })).toThrow(RangeError);
  });
});
