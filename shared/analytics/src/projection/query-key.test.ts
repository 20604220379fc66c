import { describe, expect, it } from "vitest";
import { queryKey } from "./query-key.js";

describe("queryKey", () => {
  it("tells queries apart by every field", () => {
    const base = { at: 1, knownAt: 2 };
    const keys = [
      base,
      { ...base, from: 0 },
      { ...base, halfLife: 5 },
      { ...base, layers: [] },
      { ...base, minWeight: 1 },
    ];
    expect(new Set(keys.map(queryKey)).size).toBe(keys.length);
    expect(queryKey({ ...base, minWeight: 0 })).toBe(queryKey(base));
  });

  it("is the same for the same layers in another order or repeated", () => {
    const query = { at: 1, knownAt: 2, layers: ["advice", "led"] as const };
    expect(queryKey({ ...query, layers: ["led", "advice", "led"] })).toBe(queryKey(query));
  });
});
