import { afterAll, beforeAll, expect, it } from "vitest";
import { A, type AccessTestApp, buildAccessTestApp, type CallerName } from "../testing/access-app.js";
import { listenToChanges } from "../testing/change-stream.js";

// The `notice` messages of `/changes` are the facilitator's: a researcher's stream of the same
// community carries the changes, never the notices.
let t: AccessTestApp;
let base: string;
beforeAll(async () => {
  t = await buildAccessTestApp();
  base = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => t.close());

const listen = (who: CallerName) => listenToChanges(base, A, t.headers[who]);

it("sends new notices to the community's facilitators, not to its researchers", async () => {
  const created = await t.app.inject({
    method: "POST",
    url: `/v1/communities/${A}/watches`,
    headers: t.headers.facilitatorA,
    payload: { condition: { kind: "no-gathering", days: 1 } },
  });
  expect(created.statusCode).toBe(201);
  const facilitator = await listen("facilitatorA");
  const researcher = await listen("researcherA");
  // A gathering three days ago splits a quiet spell: a new one starts a day after it.
  const gathering = await t.app.inject({
    method: "POST",
    url: `/v1/communities/${A}/gatherings`,
    headers: t.headers.facilitatorA,
    payload: {
      gatheringId: "g-notice",
      format: "meeting",
      occurredAt: "2026-05-29T09:00:00Z",
      participants: [
        { memberId: "m-amira", role: "facilitator" },
        { memberId: "m-bruno", role: "participant" },
      ],
    },
  });
  expect(gathering.statusCode, gathering.body).toBe(201);
  await expect.poll(() => facilitator.text, { timeout: 5_000 }).toContain("event: notice");
  expect(facilitator.text).toContain('"at":"2026-05-30T09:00:00.000Z"');
  await expect.poll(() => researcher.text).toContain("event: change");
  expect(researcher.text).not.toContain("event: notice");
  facilitator.stop();
  researcher.stop();
});
