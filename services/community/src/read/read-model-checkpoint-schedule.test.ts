import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CheckpointFile, ReadModelCheckpoint } from "./read-model-checkpoint.js";
import { CheckpointSchedule } from "./read-model-checkpoint-schedule.js";

const MINUTE = 60_000;
const taken: ReadModelCheckpoint = { position: { commit: 1n, prepare: 1n }, eventId: "e", communities: [] };

let written: ReadModelCheckpoint[];
let problems: string[];
let failWrites: boolean;
let schedule: CheckpointSchedule;

beforeEach(() => {
  vi.useFakeTimers();
  written = [];
  problems = [];
  failWrites = false;
  const file = {
    path: "read-model.checkpoint",
    write: async (checkpoint: ReadModelCheckpoint) => {
      if (failWrites) throw new Error("disk full");
      written.push(checkpoint);
    },
  } as unknown as CheckpointFile;
  schedule = new CheckpointSchedule(
    file,
    () => taken,
    (message) => problems.push(message),
  );
  schedule.start();
});
afterEach(() => vi.useRealTimers());

const apply = (events: number) => {
  for (let i = 0; i < events; i++) schedule.applied();
};

describe("the read model's checkpoint schedule", () => {
  it("writes at the minute's check once 10,000 events were applied since the last write, not before", async () => {
    apply(9_999);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(written).toHaveLength(0);
    apply(1);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(written).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(written).toHaveLength(1);
  });

  it("writes a few events once ten minutes passed since the last write", async () => {
    apply(3);
    await vi.advanceTimersByTimeAsync(9 * MINUTE);
    expect(written).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(written).toHaveLength(1);
  });

  it("writes at a stop only when something changed", async () => {
    await schedule.stop();
    expect(written).toHaveLength(0);
    apply(1);
    await schedule.stop();
    expect(written).toHaveLength(1);
  });

  it("reports a failed write, and counts its events again for the next one", async () => {
    failWrites = true;
    apply(10_000);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(problems).toEqual([expect.stringContaining("disk full")]);
    failWrites = false;
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(written).toHaveLength(1);
  });
});
