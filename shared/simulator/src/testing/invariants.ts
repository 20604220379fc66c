// Test support: checks that a simulated history is one the domain accepts, and the simulator's
// own promises about it (order, dates, ids, shapes).
import { type CommunityEvent, commandForEvent, decideBatch, initialState, parseEvent } from "@copgraph/domain";
import { expect } from "vitest";

/** Every event parses, the decider accepts them all in order, and the simulator's invariants hold. */
export function expectValidHistory(events: readonly CommunityEvent[], end: number): void {
  for (const event of events) {
    const parsed = parseEvent(event);
    if (!parsed.ok) throw new Error(`invalid ${event.type}: ${JSON.stringify(parsed.issues)}`);
    expect(parsed.event).toEqual(event);
  }
  const decided = decideBatch(initialState(), events.map(commandForEvent), { now: new Date(end + 1) });
  expect(decided).toHaveLength(events.length);

  const times = events.map((event) => Date.parse(event.data.occurredAt));
  for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
  for (const t of times) expect(t).toBeLessThanOrEqual(end);
  const recordIds = new Set<string>();
  for (const event of events) {
    if (event.type === "InteractionRecorded") {
      expect(event.data.to).not.toContain(event.data.from);
      expect(recordIds.has(event.data.interactionId)).toBe(false);
      recordIds.add(event.data.interactionId);
    } else if (event.type === "GatheringHeld") {
      const members = event.data.participants.map((p) => p.memberId);
      expect(new Set(members).size).toBe(members.length);
      expect(members.length).toBeGreaterThanOrEqual(2);
      expect(recordIds.has(event.data.gatheringId)).toBe(false);
      recordIds.add(event.data.gatheringId);
    }
  }
}
