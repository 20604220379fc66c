import { describe, expect, it } from "vitest";
import { addDuration, durationMs, durationSteps, parseDuration } from "./duration.js";

describe("ISO 8601 durations", () => {
  it("parses the parts and refuses what is not a duration", () => {
    expect(parseDuration("P1Y2M3W4DT5H6M7.5S")).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7.5,
    });
    for (const bad of ["", "P", "PT", "90D", "P-1D", "P1.5D", "PT1H2D", "p1d"])
      expect(parseDuration(bad)).toBeUndefined();
  });

  it("gives fixed lengths and calendar steps", () => {
    expect(durationMs(parseDuration("P2W")!)).toBe(14 * 86_400_000);
    expect(durationMs(parseDuration("PT1H30M")!)).toBe(5_400_000);
    const march31 = Date.UTC(2026, 2, 31);
    expect(new Date(addDuration(march31, parseDuration("P1Y")!, -1)).toISOString()).toBe("2025-03-31T00:00:00.000Z");
    expect(new Date(addDuration(Date.UTC(2026, 0, 15), parseDuration("P1M1D")!)).toISOString()).toBe(
      "2026-02-16T00:00:00.000Z",
    );
  });

  it("keeps a date past a month's end on that month's last day", () => {
    const iso = (at: number) => new Date(at).toISOString();
    const month = parseDuration("P1M")!;
    expect(iso(addDuration(Date.UTC(2026, 2, 31, 12), month, -1))).toBe("2026-02-28T12:00:00.000Z");
    expect(iso(addDuration(Date.UTC(2026, 0, 31), month))).toBe("2026-02-28T00:00:00.000Z");
    expect(iso(addDuration(Date.UTC(2028, 0, 31), month))).toBe("2028-02-29T00:00:00.000Z");
    expect(iso(addDuration(Date.UTC(2028, 1, 29), parseDuration("P1Y")!))).toBe("2029-02-28T00:00:00.000Z");
    expect(iso(addDuration(Date.UTC(2026, 4, 31), parseDuration("P1M1D")!, -1))).toBe("2026-04-29T00:00:00.000Z");
    expect(iso(addDuration(Date.UTC(2026, 11, 31), parseDuration("P2M")!))).toBe("2027-02-28T00:00:00.000Z");
  });

  it("counts each step of a series from its start, so monthly dates keep their day", () => {
    const iso = (dates: number[]) => dates.map((at) => new Date(at).toISOString().slice(0, 10));
    const start = Date.UTC(2025, 10, 29, 0, 25);
    const monthly = durationSteps(start, Date.UTC(2026, 10, 29, 0, 26), parseDuration("P1M")!, 200);
    expect(monthly).toHaveLength(13);
    // 2026 has no February 29th: that date is the 28th, the rest stay on the 29th.
    expect(iso(monthly)).toEqual([
      "2025-11-29",
      "2025-12-29",
      "2026-01-29",
      "2026-02-28",
      "2026-03-29",
      "2026-04-29",
      "2026-05-29",
      "2026-06-29",
      "2026-07-29",
      "2026-08-29",
      "2026-09-29",
      "2026-10-29",
      "2026-11-29",
    ]);
    expect(durationSteps(start, start, parseDuration("P1D")!, 200)).toEqual([start]);
    expect(durationSteps(0, 10 * 86_400_000, parseDuration("P1D")!, 5)).toHaveLength(5);
  });

  it("stops a series at a step past the last date a Date can hold", () => {
    const start = Date.UTC(2025, 0, 1);
    const end = 8.64e15; // +275760-09-13, the last date there is
    expect(durationSteps(start, end, parseDuration("P999999Y")!, 200)).toEqual([start]);
    expect(durationSteps(start, end, parseDuration("P9007199254740993D")!, 200)).toEqual([start]);
  });
});
