// Indicators on a round's reported layers under random queries and round ids, as a facilitator, a
// researcher and an agency (each reads through its own code path): never a 5xx, a refusal is
// problem+json, and an answer always states the response rate. COPGRAPH_FUZZ_RUNS sets the runs.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzzRuns } from "../testing/fuzz-runs.js";
import { buildReadingsApp, C, type ReadingsApp, seedRound } from "../testing/survey-readings-app.js";

const RUNS = fuzzRuns(25);

const anyText = fc.oneof(
  fc.string(),
  fc.constantFrom("", " ", ",", "__proto__", "constructor", "NaN", "-1", "1e400", "x".repeat(300)),
);
const commaList = (items: string[]) =>
  fc.oneof({ weight: 3, arbitrary: fc.subarray(items, { minLength: 1 }).map((chosen) => chosen.join(",")) }, anyText);
const layers = commaList(["reported-advice", "reported-knowledge", "reported-collaboration", "advice", "led"]);
// A few cheap ones and some that are refused (time-based, gatherings, unknown).
const indicators = commaList([
  "network.density",
  "network.components",
  "silo.ei",
  "silo.ei_p",
  "diversity.ego",
  "reciprocity.dyadic",
  "reciprocity.member",
  "activity.burstiness",
  "reciprocity.returned_within",
  "roles.reversal",
  "network.nothing",
]);
const knownAt = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .date({ min: new Date("2026-05-01T00:00:00Z"), max: new Date("2026-07-01T00:00:00Z"), noInvalidDate: true })
      .map((at) => at.toISOString()),
  },
  fc.constantFrom("0000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "now"),
  anyText,
);
const attribute = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("sector", "occupationalLayer", "region", "organisation") },
  anyText,
);
const small = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("0", "7", "20") }, fc.integer().map(String), anyText);
const roundId = fc.oneof(
  { weight: 4, arbitrary: fc.constant("spring") },
  fc.string({ maxLength: 40 }),
  fc.constantFrom(" ", "__proto__", "autumn"),
);
const query = fc
  .record({ layers, indicators, knownAt, attribute, seed: small, permutations: small }, { requiredKeys: [] as never[] })
  .map((given) => new URLSearchParams(given as Record<string, string>).toString());

describe("indicators on reported layers under random queries", () => {
  let t: ReadingsApp;
  beforeAll(async () => {
    t = await buildReadingsApp();
    await seedRound(t);
  });
  afterAll(async () => t?.close());

  it("never a 5xx, refusals as problem+json, the response rate always stated", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("facilitator", "researcher", "agency" as const),
        roundId,
        query,
        async (who, round, search) => {
          const url = `/v1/communities/${C}/surveys/${encodeURIComponent(round)}/indicators?${search}`;
          const response = await t.app.inject({ url, headers: t.headers[who] });
          const said = `${who} GET ${url}: ${response.statusCode} ${response.body.slice(0, 300)}`;
          expect(response.statusCode, said).toBeLessThan(500);
          if (response.statusCode >= 400) {
            expect(response.headers["content-type"], said).toMatch(/^application\/problem\+json/);
            return;
          }
          expect(response.json(), said).toHaveProperty("responseRate");
        },
      ),
      { numRuns: RUNS },
    );
  });
});
