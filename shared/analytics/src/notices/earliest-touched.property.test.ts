import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CommunityHistory } from "../projection/community-history.js";
import { day } from "../projection/fixtures.js";
import { projectSnapshot } from "../projection/project-snapshot.js";
import { logArb, plain, queryArb } from "../projection/testing/random-histories.js";
import { earliestTouched } from "./earliest-touched.js";

// What makes reusing readings sound: at any date before the earliest one the last events touch,
// and as known at any time, the community is the same with them as without them. Odd logs
// included (a second join, erasures, retractions of ids used twice, transaction times far from
// valid times).
describe("earliestTouched", () => {
  it("leaves every snapshot dated before it as it was without the last events", () => {
    let compared = 0;
    fc.assert(
      fc.property(logArb, fc.integer({ min: 1, max: 4 }), queryArb, (log, last, query) => {
        const all = CommunityHistory.fromEvents(log);
        const before = CommunityHistory.fromEvents(log.slice(0, -last));
        const touchedFrom = earliestTouched(log.slice(-last), all);
        // Every half day of the logs' valid times (0 to 12) before it, with the query's other terms.
        for (let half = 0; half <= 26 && day(half / 2) < touchedFrom; half++) {
          const at = { ...query, at: day(half / 2) };
          expect(plain(projectSnapshot(all, at))).toEqual(plain(projectSnapshot(before, at)));
          compared++;
        }
      }),
      { numRuns: 300 },
    );
    // Not vacuous: many dates are compared.
    expect(compared).toBeGreaterThan(1000);
  });
});
