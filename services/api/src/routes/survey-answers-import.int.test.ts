// Importing a round's answers from another survey tool's CSV over the API: every respondent's rows
// as one answer the tracking counts, every bad row listed with nothing stored, the round's window.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PersonalVault } from "@copgraph/community";
import { fileSurveyAnswer } from "@copgraph/domain";
import { type EventStore, openSqliteEventStore } from "@copgraph/event-store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type App, buildApp } from "../app.js";
import { seedCommunity } from "../testing/test-app.js";

interface ImportTestApp {
  readonly app: App;
  readonly store: EventStore;
  readonly personalVault: PersonalVault;
  setNow(iso: string): void;
  close(): Promise<void>;
}

async function buildImportApp(): Promise<ImportTestApp> {
  const dir = mkdtempSync(join(tmpdir(), "copgraph-survey-import-"));
  const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  let now = new Date("2026-06-01T12:00:00.000Z");
  const personalVault = PersonalVault.inMemory();
  const app = await buildApp({ store, personalVault, clock: () => now });
  return {
    app,
    store,
    personalVault,
    setNow: (iso) => {
      now = new Date(iso);
    },
    async close() {
      await app.close();
      personalVault.close();
      await store.close();
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

const header =
  "respondent,named,question,reliable,commonConcern,openToDiscussion,influence,involvement,resources,value";
const good = [
  header,
  "ana,ben,ng.advice.v1,4,3,4,2,3,3,",
  "ana,cem,reported-collaboration,3,,,,,,",
  "ana,,ci.learn-teach.v1,,,,,,,4",
  "ben,ana,ng.advice.v1,2,2,3,,,,",
].join("\n");

describe("importing survey answers from a CSV file", () => {
  let t: ImportTestApp;
  beforeEach(async () => {
    t = await buildImportApp();
    await seedCommunity(t.app);
    const opened = await t.app.inject({ method: "POST", url: "/v1/communities/town/surveys", payload: round });
    expect(opened.statusCode, opened.body).toBe(201);
  });
  afterEach(() => t.close());

  const send = (body: string, query = "", roundId = "spring") =>
    t.app.inject({
      method: "POST",
      url: `/v1/communities/town/surveys/${roundId}/answers.csv${query}`,
      headers: { "content-type": "text/csv" },
      payload: body,
    });
  const tracking = async () => (await t.app.inject({ url: "/v1/communities/town/surveys/spring/tracking" })).json();
  const stored = async () => (await t.store.readStream("surveys-town-spring")).map((event) => event.type);

  it("records one answer per respondent, which the tracking counts", async () => {
    const dry = await send(good, "?dryRun=true");
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, answers: 2, replaced: 0, rows: 4 });
    expect(await stored()).toEqual(["SurveyRoundOpened"]);

    const imported = await send(good);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toEqual({
      communityId: "town",
      roundId: "spring",
      dryRun: false,
      answers: 2,
      replaced: 0,
      rows: 4,
    });
    expect(await tracking()).toMatchObject({ answered: 2, responseRate: 2 / 3, notAnswered: [{ memberId: "cem" }] });
    const events = await t.store.readStream("surveys-town-spring");
    expect(events.map((event) => event.type)).toEqual(["SurveyRoundOpened", "SurveyAnswered", "SurveyAnswered"]);
    const answer = events[1]!;
    const data = {
      roundId: "spring",
      respondent: "ana",
      nominations: [
        { question: "ng.advice.v1", named: ["ben"] },
        { question: "ng.collaboration.v1", named: ["cem"] },
      ],
      ratings: [
        {
          memberId: "ben",
          trust: { reliable: 4, commonConcern: 3, openToDiscussion: 4 },
          value: { influence: 2, involvement: 3, resources: 3 },
        },
        { memberId: "cem", trust: { reliable: 3 } },
      ],
      items: [{ question: "ci.learn-teach.v1", value: 4 }],
      occurredAt: "2026-06-01T12:00:00.000Z",
    };
    // The log keeps the ties; the ratings and items are personal data, in the vault (ADR 0020).
    const { body, personal } = fileSurveyAnswer(data);
    expect(answer.data).toEqual(body);
    expect(t.personalVault.valuesOf("town", [answer.id]).get(answer.id)).toEqual(personal);

    // Imported again, a respondent's rows replace their answer, as a re-answer does.
    const again = await send(`${header}\nana,cem,ng.advice.v1,,,,,,,`);
    expect(again.json()).toMatchObject({ answers: 1, replaced: 1 });
    expect(await tracking()).toMatchObject({ answered: 2 });
  });

  it("lists every bad row and stores nothing", async () => {
    const bad = [
      header,
      "ana,ben,ng.advice.v1,4,,,,,,",
      "ana,ben,ng.gossip.v1,,,,,,,", // 3 unknown question
      "ben,cem,ng.advice.v1,7,,,,,,", // 4 rating out of range
      "cem,cem,ng.advice.v1,,,,,,,", // 5 named = respondent
      "zed,ana,ng.advice.v1,,,,,,,", // 6 respondent off the roster
    ].join("\n");
    const refused = await send(bad);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: "invalid_rows",
      detail: "4 problems in the file; nothing was stored",
    });
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ line: 3, column: "question", pointer: "/lines/3/question" }),
      expect.objectContaining({
        line: 4,
        column: "reliable",
        message: "'7' is not a rating: use a whole number from 1 to 4",
      }),
      expect.objectContaining({ line: 5, column: "named" }),
      expect.objectContaining({ line: 6, column: "respondent", message: "'zed' is not on the round's roster" }),
    ]);
    expect(await stored()).toEqual(["SurveyRoundOpened"]);
    expect(await tracking()).toMatchObject({ answered: 0 });
  });

  it("takes answers dated inside the window after the close date, and none once the round is closed", async () => {
    t.setNow("2026-07-02T09:00:00.000Z");
    const late = await send(good);
    expect(late.statusCode).toBe(422);
    expect(late.json().errors[0].message).toMatch(/has closed.*answeredAt/);
    const dated = await send("respondent,named,question,answeredAt\nana,ben,ng.advice.v1,2026-06-20T10:00:00+02:00");
    expect(dated.statusCode, dated.body).toBe(201);
    expect((await t.store.readStream("surveys-town-spring")).at(-1)?.data).toMatchObject({
      occurredAt: "2026-06-20T10:00:00+02:00",
    });
    const closed = await t.app.inject({ method: "POST", url: "/v1/communities/town/surveys/spring/close" });
    expect(closed.statusCode, closed.body).toBe(200);
    const afterClose = await send("respondent,named,question,answeredAt\nben,ana,ng.advice.v1,2026-06-20");
    expect(afterClose.json()).toMatchObject({ status: 409, code: "round_closed" });
  });

  it("answers 404 for an unknown round or community and 415 for a body that is not CSV", async () => {
    expect((await send(good, "", "autumn")).json()).toMatchObject({ status: 404, code: "round_not_found" });
    const json = await t.app.inject({
      method: "POST",
      url: "/v1/communities/town/surveys/spring/answers.csv",
      payload: { rows: [] },
    });
    expect(json.statusCode).toBe(415);
    const nowhere = await t.app.inject({
      method: "POST",
      url: "/v1/communities/nowhere/surveys/spring/answers.csv",
      headers: { "content-type": "text/csv" },
      payload: good,
    });
    expect(nowhere.statusCode).toBe(404);
  });
});
