import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { epochMs } from "./epoch-ms.js";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

describe("epochMs", () => {
  it("equals Date.parse on every instant toISOString writes", () => {
    const instant = fc.integer({ min: -62_198_755_200_000, max: 253_402_300_799_999 });
    fc.assert(
      fc.property(instant, (ms) => epochMs(new Date(ms).toISOString()) === ms),
      { numRuns: 5000 },
    );
  });

  it("equals Date.parse on texts of the same shape with any two-digit fields (NaN and roll-overs included)", () => {
    const field = fc.integer({ min: 0, max: 99 });
    const text = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), field, field, field, field, field, fc.integer({ min: 0, max: 999 }))
      .map(
        ([y, mo, d, h, mi, s, ms]) =>
          `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`,
      );
    fc.assert(
      fc.property(text, (t) => Object.is(epochMs(t), Date.parse(t))),
      { numRuns: 5000 },
    );
  });

  it("hands every other form to Date.parse", () => {
    for (const text of [
      "2024-01-01T00:00:00Z",
      "2024-01-01T00:00:00.000+02:00",
      "+012024-01-01T00:00:00.000Z",
      "2024-02-30T00:00:00.000Z",
      "2024-01-01T24:00:00.000Z",
      "2024-01-0xT00:00:00.000Z",
      "",
    ])
      expect(epochMs(text)).toBe(Date.parse(text));
  });
});
