// Respondents' answers come from anyone holding a link: random and broken answers, and random
// tokens, never get a 5xx, and a refused answer never changes the round's stream.
import { SURVEY_TOKEN_HEADER } from "@copgraph/contract";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzzRuns } from "../testing/fuzz-runs.js";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await buildTestApp();
  await seedCommunity(t.app);
  await t.app.inject({
    method: "POST",
    url: "/v1/communities/town/surveys",
    payload: { roundId: "fuzz", title: "Fuzz", closesAt: "2026-07-01T00:00:00Z" },
  });
  const links = await t.app.inject({ method: "POST", url: "/v1/communities/town/surveys/fuzz/links" });
  token = (links.json().links[0].link as string).split("#/survey/")[1] as string;
});
afterAll(() => t.close());

const memberId = fc.oneof(fc.constantFrom("ana", "ben", "cem", "zed", "", "__proto__"), fc.string({ maxLength: 8 }));
const question = fc.oneof(
  fc.constantFrom("ng.advice.v1", "ng.knowledge.v1", "rate.trust.v1", "ci.learn-teach.v1", "nope"),
  fc.string({ maxLength: 8 }),
);
const score = fc.oneof(fc.integer({ min: -2, max: 7 }), fc.double(), fc.constant(null), fc.string({ maxLength: 3 }));
const answers = fc.record(
  {
    nominations: fc.array(fc.record({ question, named: fc.array(memberId, { maxLength: 4 }) }), { maxLength: 3 }),
    ratings: fc.array(
      fc.record(
        {
          memberId,
          trust: fc.record({ reliable: score, openToDiscussion: score }, { requiredKeys: [] }),
          value: fc.record({ influence: score, bribes: score }, { requiredKeys: [] }),
        },
        { requiredKeys: ["memberId"] },
      ),
      { maxLength: 3 },
    ),
    items: fc.array(fc.record({ question, value: score }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

describe("PUT /v1/survey/answer under random input", () => {
  it("answers 200 or a 4xx naming the field, and a refused answer stores nothing", async () => {
    await fc.assert(
      fc.asyncProperty(answers, async (payload) => {
        const before = (await t.store.readStream("surveys-town-fuzz")).length;
        const response = await t.app.inject({
          method: "PUT",
          url: "/v1/survey/answer",
          headers: { [SURVEY_TOKEN_HEADER]: token },
          payload,
        });
        expect([200, 400]).toContain(response.statusCode);
        const after = (await t.store.readStream("surveys-town-fuzz")).length;
        if (response.statusCode === 400) {
          expect(after).toBe(before);
          expect(response.json().errors?.length ?? 0).toBeGreaterThan(0);
        } else expect(after).toBe(before + 1);
      }),
      { numRuns: fuzzRuns(40) },
    );
  });

  it("answers a random token with 404 (or 429 once an address has guessed too often), never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (guess) => {
        const response = await t.app.inject({
          url: "/v1/survey",
          headers: { [SURVEY_TOKEN_HEADER]: guess.replace(/[^\x21-\x7e]/g, "x") },
          remoteAddress: "198.51.100.9",
        });
        expect([400, 404, 429]).toContain(response.statusCode);
      }),
      { numRuns: fuzzRuns(30) },
    );
  });
});
