import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/test-app.js";

// A field error of the API is a sentence a person understands, next to the JSON Pointer a program
// reads: no "Too big: expected string to have <=200 characters" in a form.

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await t.app.inject({
    method: "POST",
    url: "/v1/communities",
    payload: { communityId: "words", name: "Words", concern: "wording", occurredAt: "2025-01-01T00:00:00Z" },
  });
});
afterEach(() => t.close());

const post = (path: string, payload: unknown) =>
  t.app.inject({ method: "POST", url: `/v1/communities/words${path}`, payload: payload as object });

interface FieldProblem {
  pointer: string;
  message: string;
}
const messages = (body: { errors: FieldProblem[] }) => body.errors.map(({ pointer, message }) => [pointer, message]);

describe("field errors in words", () => {
  it("says how long a name may be, what a date looks like, and that a number is wanted", async () => {
    const response = await post("/members", {
      displayName: "x".repeat(201),
      sector: "education",
      occupationalLayer: "professional",
      occurredAt: "yesterday",
    });
    expect(response.statusCode).toBe(400);
    expect(messages(response.json())).toEqual([
      ["/displayName", "must be at most 200 characters"],
      ["/occurredAt", "must be a date and time such as 2026-03-01T09:00:00Z"],
    ]);
    expect(response.json().detail).toBe(
      "body/displayName: must be at most 200 characters; body/occurredAt: must be a date and time such as 2026-03-01T09:00:00Z",
    );
  });

  it("says a number is wanted and which values a catalogue field takes", async () => {
    const response = await post("/gatherings", {
      format: "picnic",
      durationMinutes: "90",
      participants: [{ memberId: "a" }, { memberId: "b" }],
    });
    expect(response.statusCode).toBe(400);
    const errors = Object.fromEntries(messages(response.json()));
    expect(errors["/durationMinutes"]).toBe("must be a number");
    expect(errors["/format"]).toMatch(/^must be one of: .*workshop/);
  });

  it("says a required field is missing, in the event batch too", async () => {
    const response = await post("/events", {
      events: [{ type: "MemberJoined", data: { memberId: "ana", sector: "education" } }],
    });
    expect(response.statusCode).toBe(400);
    const errors = Object.fromEntries(messages(response.json()));
    expect(errors["/events/0/data/displayName"]).toBe("is required");
  });
});
