import { describe, expect, it } from "vitest";
import { pause, retryDelayMs } from "./retry-after.js";

describe("retryDelayMs", () => {
  it("waits as told for a short 429 or 503, in seconds or as a date", () => {
    expect(retryDelayMs(429, "2")).toBe(2000);
    expect(retryDelayMs(503, "0")).toBe(0);
    expect(retryDelayMs(503, new Date(10_000 + 3000).toUTCString(), 10_000)).toBeCloseTo(3000, -3);
  });

  it("does not wait for other statuses, long waits, a missing or unreadable header", () => {
    expect(retryDelayMs(500, "1")).toBeUndefined();
    expect(retryDelayMs(400, "1")).toBeUndefined();
    expect(retryDelayMs(503, "30")).toBeUndefined();
    expect(retryDelayMs(429, null)).toBeUndefined();
    expect(retryDelayMs(429, "soon")).toBeUndefined();
  });
});

describe("pause", () => {
  it("resolves after the wait, and rejects at once when its signal aborts", async () => {
    await expect(pause(1)).resolves.toBeUndefined();
    const controller = new AbortController();
    const waiting = pause(60_000, controller.signal);
    controller.abort(new DOMException("gone", "AbortError"));
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
  });
});
