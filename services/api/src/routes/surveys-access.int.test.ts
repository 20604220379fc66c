// Surveys where API keys are required: respondents need no key, only their link's token; the
// facilitator's link downloads are audited without any token; answers arrive live on the
// facilitator's change stream, without saying whose, and never on a researcher's.
import { SURVEY_TOKEN_HEADER } from "@copgraph/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { A, type AccessTestApp, buildAccessTestApp, type CallerName } from "../testing/access-app.js";
import { listenToChanges } from "../testing/change-stream.js";

describe("surveys with API keys required", () => {
  let t: AccessTestApp;
  let base: string;
  let tokens: Record<string, string>;
  beforeAll(async () => {
    t = await buildAccessTestApp();
    base = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const opened = await t.app.inject({
      method: "POST",
      url: `/v1/communities/${A}/surveys`,
      headers: t.headers.facilitatorA,
      payload: { roundId: "spring", title: "Spring", closesAt: "2026-07-01T00:00:00Z" },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const links = await t.app.inject({
      method: "POST",
      url: `/v1/communities/${A}/surveys/spring/links?format=json`,
      headers: t.headers.facilitatorA,
    });
    tokens = Object.fromEntries(
      (links.json().links as { memberId: string; link: string }[]).map(({ memberId, link }) => [
        memberId,
        link.split("#/survey/")[1] as string,
      ]),
    );
  });
  afterAll(async () => t?.close());

  it("lists a round's roster (member ids) for its facilitators, not for researchers", async () => {
    const list = (who: CallerName) =>
      t.app.inject({ url: `/v1/communities/${A}/surveys`, headers: t.headers[who] }).then((r) => r.json());
    const facilitator = await list("facilitatorA");
    expect(facilitator.rounds[0].roster.length).toBe(facilitator.rounds[0].rosterSize);
    const researcher = await list("researcherA");
    expect(researcher.rounds[0].rosterSize).toBe(facilitator.rounds[0].rosterSize);
    expect(researcher.rounds[0]).not.toHaveProperty("roster");
  });

  const listen = (who: CallerName) => listenToChanges(base, A, t.headers[who]);

  it("lets a respondent answer with the token alone, and tells the facilitator's stream, not the researcher's, without whose", async () => {
    const facilitator = await listen("facilitatorA");
    const researcher = await listen("researcherA");
    const [respondent, named] = Object.keys(tokens) as [string, string];
    const saved = await t.app.inject({
      method: "PUT",
      url: "/v1/survey/answer",
      headers: { [SURVEY_TOKEN_HEADER]: tokens[respondent] as string },
      payload: { nominations: [{ question: "ng.advice.v1", named: [named] }], ratings: [], items: [] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await expect.poll(() => facilitator.text).toContain("event: survey");
    const message = facilitator.text.split("event: survey\ndata: ")[1]?.split("\n")[0] as string;
    expect(JSON.parse(message)).toEqual({ roundId: "spring", type: "SurveyAnswered" });
    expect(message).not.toContain(respondent);
    // The change stream's own message for the answer would have come by now; a survey message never does.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(researcher.text).not.toContain("event: survey");
    facilitator.stop();
    researcher.stop();
  });

  it("keeps tracking from researchers and agencies, and the round list from agencies", async () => {
    const tracking = (who: CallerName) =>
      t.app.inject({ url: `/v1/communities/${A}/surveys/spring/tracking`, headers: t.headers[who] });
    expect((await tracking("facilitatorA")).json().answered).toBe(1);
    expect((await tracking("researcherA")).statusCode).toBe(403);
    expect((await tracking("agencyA")).statusCode).toBe(403);
    const list = (who: CallerName) => t.app.inject({ url: `/v1/communities/${A}/surveys`, headers: t.headers[who] });
    expect((await list("researcherA")).statusCode).toBe(200);
    expect((await list("agencyA")).statusCode).toBe(403);
  });

  it("audits link downloads and tracking reads, never with a token, and records nothing of respondents", async () => {
    await t.app.inject({
      method: "POST",
      url: `/v1/communities/${A}/surveys/spring/links/m-amira`,
      headers: t.headers.facilitatorA,
    });
    await t.app.inject({ url: "/v1/survey", headers: { [SURVEY_TOKEN_HEADER]: Object.values(tokens)[1] as string } });
    const page = await t.app.inject({ url: "/v1/audit?limit=1000", headers: t.headers.admin });
    const entries = page.json().entries as { action: string; route: string; url: string }[];
    const routes = entries.map((entry) => `${entry.action} ${entry.route}`);
    expect(routes).toContain("export /v1/communities/:id/surveys/:roundId/links");
    expect(routes).toContain("export /v1/communities/:id/surveys/:roundId/links/:memberId");
    expect(routes).toContain("read /v1/communities/:id/surveys/:roundId/tracking");
    expect(routes.filter((route) => route.includes("/v1/survey"))).toEqual([]);
    const text = page.body;
    for (const token of Object.values(tokens)) expect(text).not.toContain(token);
  });
});
