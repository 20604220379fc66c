// Survey answer files come from another tool's export: random and broken files never get a 5xx,
// and a refused file never changes the round's stream.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzzRuns } from "../testing/fuzz-runs.js";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedCommunity(t.app);
  await t.app.inject({
    method: "POST",
    url: "/v1/communities/town/surveys",
    payload: { roundId: "fuzz", title: "Fuzz", closesAt: "2026-07-01T00:00:00Z" },
  });
});
afterAll(() => t.close());

const cell = (known: readonly string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    {
      weight: 1,
      arbitrary: fc.string({ unit: fc.constantFrom("a", "1", " ", '"', ",", ";", "\n", "é", "-"), maxLength: 6 }),
    },
  );
const member = cell(["ana", "ben", "cem", "zed", ""]);
const question = cell(["ng.advice.v1", "reported-knowledge", "rate.trust.v1", "ci.learn-teach.v1", "nope"]);
const score = cell(["", "", "1", "3", "4", "5", "0", "2.5"]);
const columns = ["respondent", "named", "question", "reliable", "influence", "value", "answeredAt"];
const row = fc.tuple(
  member,
  member,
  question,
  score,
  score,
  score,
  cell(["", "2026-06-01T12:00:00Z", "2026-05-01", "x"]),
);
const quoted = (text: string) => (/[",;\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

describe("POST …/surveys/:roundId/answers.csv under random files", () => {
  it("answers 201 or 422 listing rows, and a refused file stores nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(",", ";"),
        fc.boolean(),
        async (rows, delimiter, shuffleHeader) => {
          const header = shuffleHeader ? columns.map((name) => name.toUpperCase()) : columns;
          const body = [header, ...rows].map((cells) => cells.map(quoted).join(delimiter)).join("\n");
          const before = (await t.store.readStream("surveys-town-fuzz")).length;
          const response = await t.app.inject({
            method: "POST",
            url: "/v1/communities/town/surveys/fuzz/answers.csv",
            headers: { "content-type": "text/csv" },
            payload: body,
          });
          expect([201, 422], response.body).toContain(response.statusCode);
          const after = (await t.store.readStream("surveys-town-fuzz")).length;
          if (response.statusCode === 422) {
            expect(after).toBe(before);
            expect(response.json().errors.length).toBeGreaterThan(0);
          } else expect(after).toBe(before + response.json().answers);
        },
      ),
      { numRuns: fuzzRuns(40) },
    );
  });
});
