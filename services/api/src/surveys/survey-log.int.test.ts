import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CommunityWriter, PersonalData, PersonalVault } from "@copgraph/community";
import { surveyResponsesOf } from "@copgraph/domain";
import { openSqliteEventStore } from "@copgraph/event-store";
import { afterAll, describe, expect, it } from "vitest";
import { surveyRoundOpened } from "../testing/survey-round-opened.js";
import { SurveyLog, SurveyRefused } from "./survey-log.js";

describe("the survey log", () => {
  const dir = mkdtempSync(join(tmpdir(), "copgraph-survey-log-"));
  const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  const vault = PersonalVault.inMemory();
  const personal = new PersonalData(vault, store);
  const log = new SurveyLog(store, personal, new CommunityWriter(store, () => new Date(), personal));
  afterAll(async () => {
    vault.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads a round as known at a date: a withdrawn answer counts before the withdrawal, not after", async () => {
    await log.append("town", surveyRoundOpened({ roster: ["ana", "ben"] }), "key:test", "2026-03-01T00:00:00Z");
    const answered = {
      type: "SurveyAnswered" as const,
      data: {
        roundId: "r1",
        respondent: "ana",
        nominations: [{ question: "ng.advice.v1", named: ["ben"] }],
        ratings: [],
        items: [],
        occurredAt: "2026-03-02T00:00:00Z",
      },
    };
    await log.append("town", answered, "survey-link:ana", "2026-03-02T00:00:00Z");
    await log.append(
      "town",
      { type: "SurveyAnswerWithdrawn", data: { roundId: "r1", respondent: "ana", occurredAt: "2026-03-05T00:00:00Z" } },
      "survey-link:ana",
      "2026-03-05T00:00:00Z",
    );
    const knownAt = async (date: string) =>
      surveyResponsesOf((await log.round("town", "r1", date))!).ties.map((tie) => `${tie.from}>${tie.to}`);
    expect(await knownAt("2026-03-03T00:00:00Z")).toEqual(["ana>ben"]);
    expect(await knownAt("2026-03-05T00:00:00Z")).toEqual([]);
    expect(await log.round("town", "r1", "2026-02-01T00:00:00Z")).toBeUndefined();
    expect(await log.roundIds("town")).toEqual(["r1"]);
  });

  it("decides concurrent answers one after another, each on the history before it", async () => {
    const withdraw = () =>
      log.append(
        "town",
        {
          type: "SurveyAnswerWithdrawn",
          data: { roundId: "r1", respondent: "ben", occurredAt: "2026-03-06T00:00:00Z" },
        },
        "survey-link:ben",
        "2026-03-06T00:00:00Z",
      );
    const answer = log.append(
      "town",
      {
        type: "SurveyAnswered",
        data: {
          roundId: "r1",
          respondent: "ben",
          nominations: [],
          ratings: [],
          items: [],
          occurredAt: "2026-03-06T00:00:00Z",
        },
      },
      "survey-link:ben",
      "2026-03-06T00:00:00Z",
    );
    const [first, second] = await Promise.allSettled([withdraw(), withdraw()]);
    await answer;
    // The answer was queued first: one withdrawal finds it, the other finds none.
    expect(first.status).toBe("fulfilled");
    expect(second.status === "rejected" && second.reason instanceof SurveyRefused && second.reason.decision.code).toBe(
      "no_answer",
    );
  });

  it("appends answers together or not at all: one refused (the round closed among them) stores none", async () => {
    const answer = (respondent: string, named: string[]) => ({
      type: "SurveyAnswered" as const,
      data: {
        roundId: "r1",
        respondent,
        nominations: [{ question: "ng.advice.v1", named }],
        ratings: [],
        items: [],
        occurredAt: "2026-03-10T00:00:00Z",
      },
    });
    const before = await store.readStream("surveys-town-r1", { maxCount: 1000 });
    const closed = { type: "SurveyRoundClosed" as const, data: { roundId: "r1", occurredAt: "2026-03-10T00:00:00Z" } };
    const refused = await log
      .appendAll(
        "town",
        "r1",
        [answer("ana", ["ben"]), closed, answer("ben", ["ana"])],
        "key:test",
        "2026-03-10T00:00:00Z",
      )
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SurveyRefused);
    expect((refused as SurveyRefused).index).toBe(2);
    expect((refused as SurveyRefused).decision.code).toBe("round_closed");
    expect(await store.readStream("surveys-town-r1", { maxCount: 1000 })).toHaveLength(before.length);
    expect((await log.round("town", "r1"))?.closedAt).toBeNull();

    const round = await log.appendAll(
      "town",
      "r1",
      [answer("ana", ["ben"]), answer("ben", ["ana"])],
      "key:test",
      "2026-03-10T00:00:00Z",
    );
    expect(await store.readStream("surveys-town-r1", { maxCount: 1000 })).toHaveLength(before.length + 2);
    const responses = surveyResponsesOf(round);
    expect(responses.ties.map((tie) => `${tie.from}>${tie.to}`).sort()).toEqual(["ana>ben", "ben>ana"]);
  });
});
