import { describe, expect, it } from "vitest";
import { DomainError, domainErrorCodes, httpStatusFor } from "./errors.js";

describe("httpStatusFor", () => {
  it("maps a missing community to 404, repeats to 409 and other refusals to 422", () => {
    const statuses = Object.fromEntries(domainErrorCodes.map((code) => [code, httpStatusFor(code)]));
    expect(statuses).toEqual({
      community_not_registered: 404,
      community_already_registered: 409,
      member_already_joined: 409,
      duplicate_record_id: 409,
      unknown_member: 422,
      member_not_active: 422,
      member_already_left: 409,
      member_already_erased: 409,
      too_many_attributes: 422,
      self_tie: 422,
      future_occurred_at: 422,
      too_few_participants: 422,
      duplicate_participant: 422,
      unknown_record: 422,
      record_already_retracted: 409,
      erased_party_free_text: 422,
    });
  });
});

describe("DomainError", () => {
  it("carries code, message and path, and gains an index without losing them", () => {
    const error = new DomainError("self_tie", "no", ["to", 0]);
    expect(error).toBeInstanceOf(Error);
    expect(error.index).toBeUndefined();
    const indexed = error.withIndex(3);
    expect(indexed).toMatchObject({ code: "self_tie", message: "no", path: ["to", 0], index: 3, name: "DomainError" });
  });
});
