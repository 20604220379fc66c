// Survey rounds over the API, on a real log with a clock the test moves: opening, links, answering,
// replacing, withdrawing, tracking, closing, and the one 404 of every link that opens nothing.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PersonalVault } from "@copgraph/community";
import { SURVEY_TOKEN_HEADER } from "@copgraph/contract";
import { type EventStore, openSqliteEventStore } from "@copgraph/event-store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type App, buildApp } from "../app.js";
import type { RespondentLimits } from "../surveys/respondent-limit.js";
import { SURVEYS_FILE } from "../surveys/survey-links.js";
import { seedCommunity } from "../testing/test-app.js";

const PUBLIC_URL = "https://surveys.example.org";

interface SurveyTestApp {
  readonly app: App;
  readonly dir: string;
  readonly store: EventStore;
  setNow(iso: string): void;
  close(): Promise<void>;
}

async function buildSurveyApp(respondentLimits?: Partial<RespondentLimits>): Promise<SurveyTestApp> {
  const dir = mkdtempSync(join(tmpdir(), "copgraph-surveys-"));
  const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  const personalVault = PersonalVault.inDataDir(dir);
  let now = new Date("2026-06-01T12:00:00.000Z");
  const app = await buildApp({
    store,
    personalVault,
    clock: () => now,
    surveys: {
      file: join(dir, SURVEYS_FILE),
      publicUrl: () => `${PUBLIC_URL}/`,
      ...(respondentLimits ? { respondentLimits } : {}),
    },
  });
  return {
    app,
    dir,
    store,
    setNow: (iso) => {
      now = new Date(iso);
    },
    async close() {
      await app.close();
      await store.close();
      personalVault.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const round = {
  roundId: "spring",
  title: "Spring 2026",
  opensAt: "2026-06-01T00:00:00Z",
  closesAt: "2026-06-30T00:00:00Z",
};

describe("survey rounds over the API", () => {
  let t: SurveyTestApp;
  beforeEach(async () => {
    t = await buildSurveyApp();
    await seedCommunity(t.app);
  });
  afterEach(() => t.close());

  const open = (payload: object) => t.app.inject({ method: "POST", url: "/v1/communities/town/surveys", payload });
  const issueLinks = async (roundId = "spring") => {
    const response = await t.app.inject({ method: "POST", url: `/v1/communities/town/surveys/${roundId}/links` });
    expect(response.statusCode, response.body).toBe(200);
    const links = response.json().links as { memberId: string; displayName?: string; link: string }[];
    return Object.fromEntries(links.map(({ memberId, link }) => [memberId, link.split("#/survey/")[1] as string]));
  };
  const asRespondent = (token: string) => ({ [SURVEY_TOKEN_HEADER]: token });
  const show = (token: string) => t.app.inject({ url: "/v1/survey", headers: asRespondent(token) });
  const answer = (token: string, payload: object) =>
    t.app.inject({ method: "PUT", url: "/v1/survey/answer", headers: asRespondent(token), payload });
  const withdraw = (token: string) =>
    t.app.inject({ method: "POST", url: "/v1/survey/withdraw", headers: asRespondent(token) });
  const tracking = async () => (await t.app.inject({ url: "/v1/communities/town/surveys/spring/tracking" })).json();
  const empty = { nominations: [], ratings: [], items: [] };

  it("opens a round with the members current at its open date and the whole catalogue, and lists it", async () => {
    const opened = await open(round);
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({
      roundId: "spring",
      status: "open",
      rosterSize: 3,
      answered: 0,
      closedAt: null,
      catalogueVersion: 1,
    });
    expect(opened.json().questions).toContain("ng.advice.v1");
    const listed = (await t.app.inject({ url: "/v1/communities/town/surveys" })).json();
    expect(listed.rounds.map((r: { roundId: string }) => r.roundId)).toEqual(["spring"]);
    const stored = await t.store.readStream("surveys-town-spring");
    expect(stored.map((event) => event.type)).toEqual(["SurveyRoundOpened"]);
    expect(stored[0]?.data).toMatchObject({ roster: ["ana", "ben", "cem"] });
    expect(JSON.stringify(stored.map((event) => event.data))).not.toMatch(/Ana|Ben|Cem/);
  });

  it("refuses a bad round at its field, storing nothing", async () => {
    const events = async () => (await t.store.readAll({ maxCount: 10_000 })).length;
    const before = await events();
    const backwards = await open({ ...round, closesAt: "2026-05-01T00:00:00Z" });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: "invalid_round", errors: [{ pointer: "/closesAt" }] });
    const stranger = await open({ ...round, roster: ["ana", "zed"] });
    expect(stranger.json()).toMatchObject({ status: 400, errors: [{ pointer: "/roster/1" }] });
    const unknownQuestion = await open({ ...round, questions: ["ng.advice.v1", "ng.gossip.v1"] });
    expect(unknownQuestion.json()).toMatchObject({ status: 400, errors: [{ pointer: "/questions/1" }] });
    expect((await open({ ...round, title: "" })).statusCode).toBe(400);
    expect(
      (await t.app.inject({ method: "POST", url: "/v1/communities/nowhere/surveys", payload: round })).statusCode,
    ).toBe(404);
    expect(await events()).toBe(before);
    expect((await open(round)).statusCode).toBe(201);
    expect((await open(round)).json()).toMatchObject({ status: 409, code: "round_exists" });
  });

  it("issues links at the public address once, as JSON or CSV with names for a mail merge", async () => {
    await open(round);
    const response = await t.app.inject({ method: "POST", url: "/v1/communities/town/surveys/spring/links" });
    const links = response.json().links;
    expect(links.map((link: { memberId: string; displayName: string }) => [link.memberId, link.displayName])).toEqual([
      ["ana", "Ana"],
      ["ben", "Ben"],
      ["cem", "Cem"],
    ]);
    for (const { link } of links)
      expect(link).toMatch(/^https:\/\/surveys\.example\.org\/#\/survey\/[A-Za-z0-9_-]{43}$/);
    // Members holding a link get none again unless the facilitator replaces them all.
    const again = await t.app.inject({ method: "POST", url: "/v1/communities/town/surveys/spring/links?format=csv" });
    expect(again.headers["content-type"]).toMatch(/^text\/csv/);
    expect(again.body).toBe("memberId,displayName,link\r\n");
    const replaced = await t.app.inject({
      method: "POST",
      url: "/v1/communities/town/surveys/spring/links?format=csv&replace=true",
    });
    const rows = replaced.body.trim().split("\r\n");
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(/^ana,Ana,https:\/\/surveys\.example\.org\/#\/survey\//);
    // Only hashes are kept: no token is in the links file or the log.
    const tokens = rows.slice(1).map((row) => row.split("#/survey/")[1] as string);
    const file = readFileSync(join(t.dir, SURVEYS_FILE));
    const log = JSON.stringify(
      (await t.store.readAll({ maxCount: 10_000 })).map((event) => [event.data, event.metadata]),
    );
    for (const token of tokens) {
      expect(file.includes(token)).toBe(false);
      expect(log.includes(token)).toBe(false);
    }
    // The replaced links open nothing.
    const first = (links[0].link as string).split("#/survey/")[1] as string;
    expect((await show(first)).statusCode).toBe(404);
    expect((await show(tokens[0] as string)).statusCode).toBe(200);
  });

  it("shows a respondent the questions, the others' names and their own answer, with no referrer", async () => {
    await open(round);
    const tokens = await issueLinks();
    const shown = await show(tokens.ana as string);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.headers["referrer-policy"]).toBe("no-referrer");
    const body = shown.json();
    expect(body).toMatchObject({
      title: "Spring 2026",
      takesAnswers: true,
      answer: null,
      respondent: { memberId: "ana" },
    });
    expect(body.roster).toEqual([
      { memberId: "ben", displayName: "Ben" },
      { memberId: "cem", displayName: "Cem" },
    ]);
    expect(body.questions.map((question: { id: string }) => question.id)).toContain("rate.trust.v1");
    expect(body.consent).toMatchObject({ id: "consent.v3" });
    const aspects = body.questions
      .filter((q: { kind: string }) => q.kind === "rating")
      .map((q: { aspect: string }) => q.aspect);
    expect(aspects).toEqual(["trust", "value"]);
    expect(body.consent.text).toContain("never to the people you rated");
  });

  it("saves an answer, replaces it with a later one, and refuses a bad one at its field, storing nothing", async () => {
    await open(round);
    const tokens = await issueLinks();
    const first = {
      nominations: [{ question: "ng.advice.v1", named: ["ben"] }],
      ratings: [{ memberId: "ben", trust: { reliable: 4, commonConcern: 3, openToDiscussion: 4 } }],
      items: [{ question: "ci.learn-teach.v1", value: 4 }],
    };
    const saved = await answer(tokens.ana as string, first);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ answeredAt: "2026-06-01T12:00:00.000Z" });
    expect((await show(tokens.ana as string)).json().answer).toEqual(first);

    t.setNow("2026-06-03T08:00:00.000Z");
    const second = { ...empty, nominations: [{ question: "ng.knowledge.v1", named: ["cem"] }] };
    expect((await answer(tokens.ana as string, second)).statusCode).toBe(200);
    expect((await show(tokens.ana as string)).json()).toMatchObject({
      answer: second,
      answeredAt: "2026-06-03T08:00:00.000Z",
    });

    const before = (await t.store.readStream("surveys-town-spring")).length;
    const self = await answer(tokens.ana as string, {
      ...empty,
      nominations: [{ question: "ng.advice.v1", named: ["ana"] }],
    });
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({ code: "invalid_answer", errors: [{ pointer: "/nominations/0/named/0" }] });
    const tooHigh = await answer(tokens.ana as string, {
      ...empty,
      nominations: [{ question: "ng.advice.v1", named: ["ben"] }],
      ratings: [{ memberId: "ben", trust: { reliable: 5 } }],
    });
    expect(tooHigh.statusCode).toBe(400);
    const unnamed = await answer(tokens.ana as string, {
      ...empty,
      ratings: [{ memberId: "cem", value: { influence: 2 } }],
    });
    expect(unnamed.json()).toMatchObject({ status: 400, errors: [{ pointer: "/ratings/0/memberId" }] });
    expect((await answer(tokens.ana as string, { ...empty, displayName: "Ana" })).statusCode).toBe(400);
    expect((await t.store.readStream("surveys-town-spring")).length).toBe(before);
  });

  it("tracks the response rate overall, by sector, layer and question, and who has not answered; withdrawals stop counting", async () => {
    await open(round);
    const tokens = await issueLinks();
    await answer(tokens.ana as string, { ...empty, nominations: [{ question: "ng.advice.v1", named: ["ben"] }] });
    await answer(tokens.ben as string, { ...empty, items: [{ question: "ci.learn-teach.v1", value: 2 }] });
    const two = await tracking();
    expect(two).toMatchObject({ roundId: "spring", status: "open", roster: 3, answered: 2, withdrawn: 0 });
    expect(two.responseRate).toBeCloseTo(2 / 3);
    expect(two.bySector).toEqual([
      { group: "business", roster: 1, answered: 1, rate: 1 },
      { group: "education", roster: 2, answered: 1, rate: 0.5 },
    ]);
    expect(two.byOccupationalLayer).toEqual([
      { group: "director", roster: 1, answered: 1, rate: 1 },
      { group: "professional", roster: 1, answered: 1, rate: 1 },
      { group: "student", roster: 1, answered: 0, rate: 0 },
    ]);
    expect(two.byQuestion.find((row: { group: string }) => row.group === "ng.advice.v1")).toMatchObject({
      answered: 1,
    });
    expect(two.notAnswered).toEqual([{ memberId: "cem", displayName: "Cem" }]);

    expect((await withdraw(tokens.ana as string)).statusCode).toBe(204);
    expect((await show(tokens.ana as string)).json().answer).toBeNull();
    expect(await tracking()).toMatchObject({ answered: 1, withdrawn: 1, responseRate: 1 / 3 });
    expect((await withdraw(tokens.ana as string)).json()).toMatchObject({ status: 409, code: "no_answer" });
    const types = (await t.store.readStream("surveys-town-spring")).map((event) => event.type);
    expect(types).toEqual(["SurveyRoundOpened", "SurveyAnswered", "SurveyAnswered", "SurveyAnswerWithdrawn"]);
  });

  it("gives a reissued, closed-round, expired or guessed token the same 404", async () => {
    await open(round);
    await open({ ...round, roundId: "short", closesAt: "2026-06-02T00:00:00Z" });
    const tokens = await issueLinks();
    const short = await issueLinks("short");
    const reissued = await t.app.inject({ method: "POST", url: "/v1/communities/town/surveys/spring/links/ben" });
    const newBen = (reissued.json().links[0].link as string).split("#/survey/")[1] as string;
    expect(newBen).not.toBe(tokens.ben);
    expect((await show(newBen)).statusCode).toBe(200);

    const guessed = await show("A".repeat(43));
    expect(guessed.statusCode).toBe(404);
    const { instance: _instance, ...notFound } = guessed.json();
    const sameAsGuessed = async (response: Awaited<ReturnType<typeof show>>) => {
      expect(response.statusCode).toBe(404);
      const { instance: _ignored, ...body } = response.json();
      expect(body).toEqual(notFound);
    };
    await sameAsGuessed(await show(tokens.ben as string));
    await sameAsGuessed(await t.app.inject({ url: "/v1/survey" }));

    t.setNow("2026-06-02T00:00:00.000Z");
    await sameAsGuessed(await show(short.ana as string));

    const closed = await t.app.inject({ method: "POST", url: "/v1/communities/town/surveys/spring/close" });
    expect(closed.json()).toMatchObject({ status: "closed", closedAt: "2026-06-02T00:00:00.000Z" });
    await sameAsGuessed(await show(tokens.ana as string));
    await sameAsGuessed(await answer(tokens.ana as string, empty));
    await sameAsGuessed(await withdraw(newBen));
    expect(
      (await t.app.inject({ method: "POST", url: "/v1/communities/town/surveys/spring/close" })).json(),
    ).toMatchObject({ status: 409, code: "round_closed" });
    expect((await t.app.inject({ method: "POST", url: "/v1/communities/town/surveys/spring/links" })).statusCode).toBe(
      409,
    );
  });

  it("takes no answer before the open date, though the link already shows the questions", async () => {
    await open({ ...round, roundId: "later", opensAt: "2026-06-10T00:00:00Z" });
    const tokens = await issueLinks("later");
    expect((await show(tokens.ana as string)).json()).toMatchObject({ takesAnswers: false });
    expect((await answer(tokens.ana as string, empty)).json()).toMatchObject({ status: 409, code: "round_not_open" });
  });
});

describe("guessing survey links", () => {
  let t: SurveyTestApp;
  beforeEach(async () => {
    t = await buildSurveyApp({ misses: 5 });
    await seedCommunity(t.app);
  });
  afterEach(() => t.close());

  it("gets 429 with Retry-After after a few misses from one address, even for a valid link", async () => {
    await t.app.inject({ method: "POST", url: "/v1/communities/town/surveys", payload: round });
    const links = (await t.app.inject({ method: "POST", url: "/v1/communities/town/surveys/spring/links" })).json()
      .links as { link: string }[];
    const valid = links[0]?.link.split("#/survey/")[1] as string;
    const guess = (n: number) =>
      t.app.inject({ url: "/v1/survey", headers: { [SURVEY_TOKEN_HEADER]: `guess-${n}`.padEnd(43, "x") } });
    for (let n = 0; n < 5; n += 1) expect((await guess(n)).statusCode).toBe(404);
    const limited = await guess(5);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: "rate_limited" });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await t.app.inject({ url: "/v1/survey", headers: { [SURVEY_TOKEN_HEADER]: valid } })).statusCode).toBe(429);
    // Another address is not held back by this one's guesses.
    const elsewhere = await t.app.inject({
      url: "/v1/survey",
      headers: { [SURVEY_TOKEN_HEADER]: valid },
      remoteAddress: "192.0.2.7",
    });
    expect(elsewhere.statusCode).toBe(200);
  });
});
