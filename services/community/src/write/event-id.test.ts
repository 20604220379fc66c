import { describe, expect, it } from "vitest";
import { newEventId } from "./event-id.js";

describe("newEventId", () => {
  it("is a version 7, RFC 9562 variant UUID carrying the time", () => {
    const id = newEventId(Date.UTC(2026, 0, 1));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16)).toBe(Date.UTC(2026, 0, 1));
  });

  it("keeps ids in order within one millisecond and across clock steps back", () => {
    const at = Date.UTC(2026, 5, 1);
    const ids = [...Array.from({ length: 5000 }, () => newEventId(at)), newEventId(at - 10), newEventId(at + 1)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
