import { describe, expect, it } from "vitest";
import { addDuration, durationMs, parseDuration } from "./duration.js";

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
});
