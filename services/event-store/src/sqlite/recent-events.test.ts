import { describe, expect, it } from "vitest";
import type { RecordedEvent } from "../port.js";
import { RecentEvents } from "./recent-events.js";

const at = (position: number): RecordedEvent => ({
  streamId: "s",
  id: `id-${position}`,
  type: "T",
  revision: BigInt(position - 1),
  position: { commit: BigInt(position), prepare: BigInt(position) },
  data: {},
  metadata: {},
  created: new Date(0),
});
const positions = (events: RecordedEvent[] | undefined) => events?.map((event) => Number(event.position.commit));

describe("RecentEvents", () => {
  it("answers only from its first position on", () => {
    const recent = new RecentEvents(10);
    expect(recent.after(0n, 5)).toBeUndefined();
    for (let p = 4; p <= 8; p++) recent.add(at(p));
    expect(recent.after(2n, 5)).toBeUndefined();
    expect(positions(recent.after(3n, 2))).toEqual([4, 5]);
    expect(positions(recent.after(6n, 10))).toEqual([7, 8]);
    expect(recent.after(8n, 10)).toEqual([]);
  });

  it("forgets the oldest events beyond its capacity", () => {
    const recent = new RecentEvents(3);
    for (let p = 1; p <= 20; p++) recent.add(at(p));
    expect(recent.after(16n, 10)).toBeUndefined();
    expect(positions(recent.after(17n, 10))).toEqual([18, 19, 20]);
  });
});
