import { describe, expect, it } from "vitest";
import { problemSentence } from "./form-errors.js";

// The API's field problems ("must be at most 100 characters") as sentences next to a form's field.
describe("problemSentence", () => {
  it("gives the field's own problem a capital and a full stop", () => {
    expect(problemSentence("must be at most 200 characters", [])).toBe("Must be at most 200 characters.");
    expect(problemSentence("is required", [])).toBe("This is required.");
  });

  it("names the item of a list field", () => {
    expect(problemSentence("must be at most 100 characters", ["1"], "Topic")).toBe(
      "Topic 2 must be at most 100 characters.",
    );
  });

  it("says the pointer in words where no field shows the problem", () => {
    expect(problemSentence("must be at most 200 characters", ["displayName"], undefined, false)).toBe(
      "Display name must be at most 200 characters.",
    );
    expect(problemSentence("is required", ["participants", "1", "role"], undefined, false)).toBe(
      "Participants 2 role is required.",
    );
  });

  it("shows a sentence with its own subject as sent", () => {
    expect(problemSentence("member nobody has not joined", [])).toBe("member nobody has not joined");
    expect(problemSentence("Give the member's name.", [])).toBe("Give the member's name.");
  });
});
