import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, sameContent } from "./canonical.js";

/** The same object with its keys inserted in reverse order, at every depth. */
function reorder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorder);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reorder(inner)]),
  );
}

describe("canonicalJson", () => {
  it("does not depend on key order and parses back to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const normal = JSON.parse(JSON.stringify(value)) as unknown;
        expect(canonicalJson(reorder(normal))).toBe(canonicalJson(normal));
        expect(JSON.parse(canonicalJson(normal))).toEqual(normal);
      }),
    );
  });

  it("compares type, data and metadata", () => {
    const base = { type: "T", data: { a: 1, b: [1, { c: 2 }] }, metadata: { m: "x" } };
    expect(sameContent(base, { type: "T", data: { b: [1, { c: 2 }], a: 1 }, metadata: { m: "x" } })).toBe(true);
    expect(sameContent(base, { ...base, type: "U" })).toBe(false);
    expect(sameContent(base, { ...base, data: { a: 1, b: [{ c: 2 }, 1] } })).toBe(false);
    expect(sameContent(base, { ...base, metadata: {} })).toBe(false);
  });
});
