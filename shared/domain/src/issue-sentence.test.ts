import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issueSentence } from "./issue-sentence.js";

/** The sentence for the first issue a schema finds in a value. */
const said = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`${JSON.stringify(value)} passed`);
  return issueSentence(result.error.issues[0]!);
};

// Each zod issue code a schema of copgraph can raise, in the words a person reads next to a field.
describe("issueSentence", () => {
  it("invalid_type: a missing field, and a value of the wrong kind", () => {
    expect(said(z.object({ name: z.string() }), {})).toBe("is required");
    expect(said(z.number(), "90")).toBe("must be a number");
    expect(said(z.number().int(), 1.5)).toBe("must be a whole number");
    expect(said(z.number(), Number.NaN)).toBe("must be a number");
    expect(said(z.string(), 5)).toBe("must be text");
    expect(said(z.boolean(), "yes")).toBe("must be true or false");
    expect(said(z.array(z.string()), "a")).toBe("must be a list");
    expect(said(z.object({}), 3)).toBe("must be an object with fields");
  });

  it("too_big: text, lists and numbers", () => {
    expect(said(z.string().max(200), "x".repeat(201))).toBe("must be at most 200 characters");
    expect(said(z.string().length(3), "abcd")).toBe("must be exactly 3 characters");
    expect(said(z.array(z.string()).max(20), Array(21).fill("a"))).toBe("must have at most 20 items");
    expect(said(z.number().max(1000), 1000.5)).toBe("must be at most 1000");
    expect(said(z.number().lt(10), 10)).toBe("must be less than 10");
  });

  it("too_small: text, lists and numbers", () => {
    expect(said(z.string().min(1), "")).toBe("must not be empty");
    expect(said(z.string().min(3), "ab")).toBe("must be at least 3 characters");
    expect(said(z.array(z.string()).min(2), ["a"])).toBe("must have at least 2 items");
    expect(said(z.array(z.string()).min(1), [])).toBe("must have at least one item");
    expect(said(z.number().positive(), 0)).toBe("must be more than 0");
    expect(said(z.number().min(1), 0)).toBe("must be at least 1");
  });

  it("invalid_format: dates, times and patterns", () => {
    expect(said(z.iso.datetime({ offset: true }), "yesterday")).toBe(
      "must be a date and time such as 2026-03-01T09:00:00Z",
    );
    expect(said(z.iso.date(), "1 March")).toBe("must be a date such as 2026-03-01");
    expect(said(z.iso.duration(), "90 days")).toBe("must be a duration such as P90D");
    expect(said(z.email(), "ana")).toBe("must be an email address");
    expect(said(z.url(), "not a url")).toBe("must be a web address (URL)");
    expect(said(z.string().regex(/^a/), "b")).toBe("is not in the expected form");
    expect(said(z.string().startsWith("m-"), "x")).toBe('must start with "m-"');
  });

  it("not_multiple_of", () => {
    expect(said(z.number().multipleOf(5), 7)).toBe("must be a multiple of 5");
  });

  it("unrecognized_keys", () => {
    expect(said(z.strictObject({}), { colour: "red" })).toBe("colour is not a field here");
    expect(said(z.strictObject({}), { colour: "red", size: 1 })).toBe("colour, size are not fields here");
  });

  it("invalid_union", () => {
    expect(said(z.union([z.string(), z.number()]), true)).toBe("does not match any of the accepted forms");
    const discriminated = z.discriminatedUnion("type", [
      z.object({ type: z.literal("a") }),
      z.object({ type: z.literal("b") }),
    ]);
    expect(said(discriminated, { type: "c" })).toBe("must be one of: a, b");
  });

  it("invalid_key", () => {
    expect(said(z.record(z.string().regex(/^[a-z]+$/), z.string()), { "1x": "a" })).toBe(
      "has a name that is not allowed",
    );
  });

  it("invalid_value: a catalogue and a single allowed value", () => {
    expect(said(z.enum(["workshop", "meeting"]), "picnic")).toBe("must be one of: workshop, meeting");
    expect(said(z.literal("yes"), "no")).toBe('must be "yes"');
  });

  it("custom: zod's default is said plainly, and a sentence written in a schema is kept", () => {
    expect(
      said(
        z.string().refine((s) => s === "a"),
        "b",
      ),
    ).toBe("is not valid");
    expect(
      said(
        z.string().refine((s) => s === "a", { message: "must be a" }),
        "b",
      ),
    ).toBe("must be a");
    expect(said(z.string().max(2, { message: "at most two letters" }), "abc")).toBe("at most two letters");
  });
});
