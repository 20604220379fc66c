import { describe, expect, it } from "vitest";
import { resolveQuery } from "./resolve-query.js";

describe("resolveQuery", () => {
  it("reads 'now' as the end of the current minute, so the same query hits the same cache entry for a minute", () => {
    const early = resolveQuery({}, new Date("2026-06-01T12:00:00.500Z"), 7);
    const late = resolveQuery({}, new Date("2026-06-01T12:00:59.999Z"), 7);
    expect(early.resolved).toEqual(late.resolved);
    expect(early.resolved.at).toBe("2026-06-01T12:01:00.000Z");
    expect(early.resolved.knownAt).toBe("2026-06-01T12:01:00.000Z");
    expect(resolveQuery({}, new Date("2026-06-01T12:00:00.000Z"), 7).resolved.at).toBe("2026-06-01T12:00:00.000Z");
  });

  it("keeps dates the caller gives", () => {
    const { resolved } = resolveQuery(
      { at: "2026-05-01T08:30:15Z", knownAt: "2026-05-02T00:00:01Z", window: "P30D" },
      new Date("2026-06-01T12:00:30Z"),
      3,
    );
    expect(resolved).toMatchObject({
      at: "2026-05-01T08:30:15.000Z",
      knownAt: "2026-05-02T00:00:01.000Z",
      from: "2026-04-01T08:30:15.000Z",
      revision: 3,
    });
  });
});
