// A round's readings and chain under random queries and round ids, as a facilitator, a researcher
// and an agency (each reads through its own code path): never a 5xx, and a refusal is
// problem+json. COPGRAPH_FUZZ_RUNS sets the runs (a few by default).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzzRuns } from "../testing/fuzz-runs.js";
import { buildReadingsApp, C, type ReadingsApp, seedRound } from "../testing/survey-readings-app.js";

const RUNS = fuzzRuns(20);

const anyText = fc.oneof(
  fc.string(),
  fc.constantFrom("", " ", "__proto__", "constructor", "NaN", "-1", "1e400", "x".repeat(300)),
);
/** Dates around the round's answers (most get past validation), and ones that are not dates. */
const knownAt = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .date({ min: new Date("2026-05-01T00:00:00Z"), max: new Date("2026-07-01T00:00:00Z"), noInvalidDate: true })
      .map((at) => at.toISOString()),
  },
  fc.constantFrom("0000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "2026-02-30T00:00:00Z", "2026-06-01", "now"),
  anyText,
);
const attribute = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("sector", "occupationalLayer", "region", "organisation") },
  anyText,
);
const number = (...valid: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...valid) },
    fc.integer().map(String),
    fc.double().map(String),
    anyText,
  );
// Path segments over 100 characters get Fastify's own 414 (application/json, not problem+json), on
// every route alike: not this route's to change.
const roundId = fc.oneof(
  { weight: 4, arbitrary: fc.constant("spring") },
  fc.string({ maxLength: 40 }),
  fc.constantFrom(" ", "__proto__", "constructor", "autumn", "x".repeat(100)),
);

const query = (fields: Record<string, fc.Arbitrary<string>>) =>
  fc
    .record(fields, { requiredKeys: [] as never[] })
    .map((given) => new URLSearchParams(given as Record<string, string>).toString());

describe("survey readings under random queries", () => {
  let t: ReadingsApp;
  beforeAll(async () => {
    t = await buildReadingsApp();
    await seedRound(t);
  });
  afterAll(async () => t?.close());

  const callers = ["facilitator", "researcher", "agency"] as const;
  const routes = [
    { path: "readings", params: query({ knownAt, attribute }) },
    // Few permutations valid: the test is about parameters, not about the cost of the test.
    { path: "chain", params: query({ knownAt, seed: number("1", "42"), permutations: number("0", "5") }) },
  ];

  for (const { path, params } of routes) {
    it(`${path}: never a 5xx, refusals as problem+json`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...callers), roundId, params, async (who, round, search) => {
          const url = `/v1/communities/${C}/surveys/${encodeURIComponent(round)}/${path}?${search}`;
          const response = await t.app.inject({ url, headers: t.headers[who] });
          const said = `${who} GET ${url}: ${response.statusCode} ${response.body.slice(0, 300)}`;
          expect(response.statusCode, said).toBeLessThan(500);
          if (response.statusCode >= 400)
            expect(response.headers["content-type"], said).toMatch(/^application\/problem\+json/);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
