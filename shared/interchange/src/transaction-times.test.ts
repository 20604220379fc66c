import { describe, expect, it } from "vitest";
import type { LineError } from "./text.js";
import { TransactionTimes } from "./transaction-times.js";

describe("TransactionTimes", () => {
  it("refuses a recordedAt that is not a date, is after now, or goes back", () => {
    const times = new TransactionTimes(Date.parse("2026-01-01T00:00:00Z"));
    const errors: LineError[] = [];
    const lines = [
      "2025-01-01T00:00:00Z",
      "2025-01-01T00:00:00Z",
      "yesterday",
      "2024-12-31T23:59:59Z",
      "2027-01-01T00:00:00Z",
    ];
    lines.forEach((recordedAt, index) => {
      times.check(recordedAt, index + 1, errors);
    });
    expect(errors.map(({ line, message }) => `${line}: ${message}`)).toEqual([
      "3: recordedAt 'yesterday' is not a date-time",
      "4: recordedAt 2024-12-31T23:59:59Z is before the previous event's 2025-01-01T00:00:00.000Z",
      "5: recordedAt 2027-01-01T00:00:00Z is in the future",
    ]);
  });
});
