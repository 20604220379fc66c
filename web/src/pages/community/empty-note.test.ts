import { describe, expect, it } from "vitest";
import { emptyGraphNote } from "./empty-note.js";

// The empty graph's note says what to do, and never to move a slider that already stands at now.
describe("emptyGraphNote", () => {
  const empty = { members: 0, ties: 0, at: undefined, knownAt: undefined };

  it("at now with everything known: record members, not move the slider", () => {
    const note = emptyGraphNote(empty);
    expect(note).toBe("No members yet: add them on the Record page.");
    expect(note).not.toContain("slider");
  });

  it("as known at an earlier date, the slider at now: change “As known at”", () => {
    const note = emptyGraphNote({ ...empty, knownAt: "1 Mar 2025" });
    expect(note).toBe(
      "No members had been recorded as known at 1 Mar 2025: set “As known at” later or choose “Everything known now”.",
    );
    expect(note).not.toContain("slider");
  });

  it("at a past date: move the slider later (and “As known at” too when it is set)", () => {
    expect(emptyGraphNote({ ...empty, at: "2025-03-01T00:00:00Z" })).toBe(
      "No members had joined by this date: move the slider later.",
    );
    expect(emptyGraphNote({ ...empty, at: "2025-03-01T00:00:00Z", knownAt: "1 Mar 2025" })).toMatch(
      /“Everything known now”, or move the slider later\.$/,
    );
  });

  it("members without ties, and a graph with both", () => {
    expect(emptyGraphNote({ ...empty, members: 3 })).toBe("No ties by this date in the selected layers and period.");
    expect(emptyGraphNote({ ...empty, members: 3, ties: 1 })).toBe("");
  });
});
