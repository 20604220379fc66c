import { describe, expect, it } from "vitest";
import { RevisionsByTime } from "./revisions-by-time.js";

describe("RevisionsByTime", () => {
  it("gives the latest revision recorded at or before a date, -1 before the first", () => {
    const revisions = new RevisionsByTime();
    for (const [time, revision] of [
      [100, 0],
      [100, 1],
      [200, 2],
      [300, 3],
      [300, 4],
    ] as const) {
      revisions.add(time, revision);
    }
    expect([50, 100, 150, 200, 299, 300, 1e12].map((at) => revisions.knownAt(at))).toEqual([-1, 1, 1, 2, 2, 4, 4]);
  });

  it("counts an event recorded before the one before (clock skew) from the later time", () => {
    const revisions = new RevisionsByTime();
    revisions.add(200, 0);
    revisions.add(150, 1);
    expect([revisions.knownAt(150), revisions.knownAt(200)]).toEqual([-1, 1]);
  });
});
