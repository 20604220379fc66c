import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CommunityHistory, fromEvents } from "../projection/community-history.js";
import { projectSnapshot } from "../projection/project-snapshot.js";
import { logArb, plain, queryArb } from "../projection/testing/random-histories.js";
import { communitySnapshotOf } from "./community-snapshot-of.js";
import { projectCompact } from "./project-compact.js";

describe("the engine's projection", () => {
  it("equals the reference projection for random histories and queries, also queried between appends", () => {
    fc.assert(
      fc.property(logArb, fc.array(queryArb, { minLength: 1, maxLength: 3 }), (log, queries) => {
        const incremental = new CommunityHistory();
        for (const [i, e] of log.entries()) {
          incremental.apply(e);
          // Querying between appends keeps the index in step one record at a time, rebuilding it after back-dated ones.
          const q = queries[i % queries.length]!;
          expect(plain(communitySnapshotOf(projectCompact(incremental, q)))).toEqual(
            plain(projectSnapshot(incremental, q)),
          );
        }
        const batch = fromEvents(log);
        for (const q of queries) {
          expect(plain(communitySnapshotOf(projectCompact(batch, q)))).toEqual(plain(projectSnapshot(batch, q)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
