import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interaction, joined } from "../testing/fixtures.js";
import { parseEvent } from "./parse.js";

describe("parseEvent", () => {
  it("returns the typed event, with free text trimmed", () => {
    const result = parseEvent({ type: "MemberJoined", data: { ...joined("a").data, displayName: " Ada " } });
    expect(result).toEqual({
      ok: true,
      event: { type: "MemberJoined", data: { ...joined("a").data, displayName: "Ada" } },
    });
  });

  it("reports paths relative to { type, data }", () => {
    const result = parseEvent({
      type: "InteractionRecorded",
      data: { ...interaction("i", "a", ["b"]).data, to: ["b", 7] },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual([["data", "to", 1]]);
  });

  it("reports a repeated recipient at its position", () => {
    const result = parseEvent({ type: "InteractionRecorded", data: interaction("i", "a", ["b", "c", "b"]).data });
    expect(result).toMatchObject({ ok: false, issues: [{ path: ["data", "to", 2], message: "repeats a member" }] });
  });

  it("reports each unknown key at the key, at either level", () => {
    const result = parseEvent({
      type: "MemberLeft",
      data: { memberId: "a", occurredAt: "2025-01-01T00:00:00Z", why: "x" },
      meta: 1,
    });
    expect(result).toMatchObject({
      ok: false,
      issues: expect.arrayContaining([
        { path: ["data", "why"], message: "unrecognized key" },
        { path: ["meta"], message: "unrecognized key" },
      ]),
    });
  });

  it("explains a bad attribute key", () => {
    const result = parseEvent({ type: "MemberJoined", data: { ...joined("a").data, attributes: { sector: "x" } } });
    expect(result).toMatchObject({
      ok: false,
      issues: [{ path: ["data", "attributes", "sector"], message: "invalid key: is a reserved attribute name" }],
    });
  });

  it("reports an unknown type at `type`", () => {
    const result = parseEvent({ type: "MemberPromoted", data: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toEqual(["type"]);
  });

  it("reports a missing field and a non-object input", () => {
    expect(parseEvent({ type: "MemberErased", data: { memberId: "a" } })).toMatchObject({
      ok: false,
      issues: [{ path: ["data", "occurredAt"] }],
    });
    expect(parseEvent(null)).toMatchObject({ ok: false, issues: [{ path: [] }] });
  });

  it("reports, not throws, when reading the input throws", () => {
    const hostile = {
      type: "MemberErased",
      get data(): never {
        throw new Error("boom");
      },
    };
    expect(parseEvent(hostile)).toMatchObject({ ok: false });
  });

  it("never throws on arbitrary input, and every issue has a path and message", () => {
    const eventLike = fc.record({
      type: fc.constantFrom("MemberJoined", "InteractionRecorded", "GatheringHeld", "MemberProfileChanged", "x"),
      data: fc.dictionary(
        fc.constantFrom("memberId", "to", "from", "participants", "attributes", "occurredAt", "weight", "__proto__"),
        fc.anything(),
      ),
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), eventLike), (input) => {
        const result = parseEvent(input);
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) {
            expect(Array.isArray(issue.path)).toBe(true);
            expect(typeof issue.message).toBe("string");
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
