import { describe, expect, it } from "vitest";
import { parseSurveyEvent, type SurveyAnswerBody, type SurveyEvent } from "./survey-events.js";
import { defaultSurveyQuestionIds, reportedLayers, surveyQuestions } from "./survey-questions.js";
import { surveyResponsesOf } from "./survey-responses.js";
import { decideSurvey, type SurveyRound, surveyRoundOf } from "./survey-round.js";

const opened = (overrides: Partial<Extract<SurveyEvent, { type: "SurveyRoundOpened" }>["data"]> = {}): SurveyEvent => ({
  type: "SurveyRoundOpened",
  data: {
    roundId: "r1",
    communityId: "town",
    title: "Spring round",
    opensAt: "2026-03-01T00:00:00Z",
    closesAt: "2026-03-31T00:00:00Z",
    roster: ["ana", "ben", "cem", "dea"],
    questions: [...defaultSurveyQuestionIds],
    catalogueVersion: 1,
    occurredAt: "2026-02-20T09:00:00Z",
    ...overrides,
  },
});

const answer = (
  respondent: string,
  body: Partial<SurveyAnswerBody> = {},
  occurredAt = "2026-03-05T10:00:00Z",
): SurveyEvent => ({
  type: "SurveyAnswered",
  data: { roundId: "r1", respondent, nominations: [], ratings: [], items: [], ...body, occurredAt },
});

const withdrawn = (respondent: string, occurredAt = "2026-03-06T10:00:00Z"): SurveyEvent => ({
  type: "SurveyAnswerWithdrawn",
  data: { roundId: "r1", respondent, occurredAt },
});
const closed = (occurredAt = "2026-03-20T10:00:00Z"): SurveyEvent => ({
  type: "SurveyRoundClosed",
  data: { roundId: "r1", occurredAt },
});

const roundAfter = (...events: SurveyEvent[]) => surveyRoundOf([opened(), ...events]) as SurveyRound;
const paths = (decision: ReturnType<typeof decideSurvey>) => (decision.ok ? [] : decision.issues.map((i) => i.path));

const anaAdvisesBen: Partial<SurveyAnswerBody> = {
  nominations: [
    { question: "ng.advice.v1", named: ["ben"] },
    { question: "ng.collaboration.v1", named: ["ben", "cem"] },
  ],
  ratings: [
    { memberId: "ben", trust: { reliable: 4, commonConcern: 3, openToDiscussion: 4 }, value: { influence: 2 } },
  ],
  items: [{ question: "ci.learn-teach.v1", value: 5 }],
};

describe("the survey catalogue", () => {
  it("has versioned unique ids and one reported layer per name generator", () => {
    const ids = surveyQuestions.map((question) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/\.v\d+$/);
    expect(reportedLayers).toEqual(["reported-advice", "reported-knowledge", "reported-collaboration"]);
  });
});

describe("survey events", () => {
  it("parse strictly: a rating out of 1–4 or an extra key is refused at its place", () => {
    expect(parseSurveyEvent(answer("ana", anaAdvisesBen)).ok).toBe(true);
    const outOfRange = parseSurveyEvent(answer("ana", { ratings: [{ memberId: "ben", trust: { reliable: 5 } }] }));
    expect(outOfRange.ok ? [] : outOfRange.issues.map((issue) => issue.path)).toEqual([
      ["data", "ratings", 0, "trust", "reliable"],
    ]);
    const extra = parseSurveyEvent({ ...answer("ana"), data: { ...answer("ana").data, displayName: "Ana" } });
    expect(extra.ok ? [] : extra.issues.map((issue) => issue.path)).toEqual([["data", "displayName"]]);
  });
});

describe("the survey decider", () => {
  it("opens a round once, with a sane window, a roster without repeats and questions of the catalogue", () => {
    expect(decideSurvey(undefined, opened()).ok).toBe(true);
    expect(decideSurvey(roundAfter(), opened())).toMatchObject({ ok: false, code: "round_exists" });
    const bad = decideSurvey(
      undefined,
      opened({ closesAt: "2026-02-01T00:00:00Z", roster: ["ana", "ana"], questions: ["ci.learn-teach.v1", "nope.v1"] }),
    );
    expect(bad).toMatchObject({ ok: false, code: "invalid_round" });
    expect(paths(bad)).toEqual([["closesAt"], ["roster", 1], ["questions", 1], ["questions"]]);
  });

  it("takes an answer from the roster, naming and rating others on the roster", () => {
    expect(decideSurvey(roundAfter(), answer("ana", anaAdvisesBen)).ok).toBe(true);
  });

  it("refuses self-nomination, members off the roster, ratings of members not named, questions not asked", () => {
    const round = surveyRoundOf([opened({ questions: ["ng.advice.v1", "rate.trust.v1"] })]) as SurveyRound;
    const decision = decideSurvey(
      round,
      answer("ana", {
        nominations: [
          { question: "ng.advice.v1", named: ["ana", "zed", "ben", "ben"] },
          { question: "ng.knowledge.v1", named: [] },
        ],
        ratings: [
          { memberId: "cem", trust: { reliable: 2 } },
          { memberId: "ben", value: { influence: 3 } },
        ],
        items: [{ question: "ci.learn-teach.v1", value: 3 }],
      }),
    );
    expect(decision).toMatchObject({ ok: false, code: "invalid_answer" });
    expect(paths(decision)).toEqual([
      ["nominations", 0, "named", 0],
      ["nominations", 0, "named", 1],
      ["nominations", 0, "named", 3],
      ["nominations", 1, "question"],
      ["ratings", 0, "memberId"],
      ["ratings", 1, "value"],
      ["items", 0, "question"],
    ]);
    expect(decideSurvey(round, answer("zed"))).toMatchObject({ ok: false, code: "invalid_answer" });
  });

  it("takes answers only between the open date and the close", () => {
    expect(decideSurvey(roundAfter(), answer("ana", {}, "2026-02-28T23:59:59Z"))).toMatchObject({
      ok: false,
      code: "round_not_open",
    });
    expect(decideSurvey(roundAfter(), answer("ana", {}, "2026-03-31T00:00:00Z"))).toMatchObject({
      ok: false,
      code: "round_closed",
    });
    expect(decideSurvey(roundAfter(closed()), answer("ana"))).toMatchObject({ ok: false, code: "round_closed" });
    expect(decideSurvey(roundAfter(closed()), closed())).toMatchObject({ ok: false, code: "round_closed" });
    expect(decideSurvey(undefined, answer("ana"))).toMatchObject({ ok: false, code: "unknown_round" });
  });

  it("lets a later answer replace the earlier one, and a withdrawal take it out of the responses", () => {
    const replaced = roundAfter(
      answer("ana", anaAdvisesBen),
      answer("ben", { nominations: [{ question: "ng.advice.v1", named: ["ana"] }] }),
      answer("ana", { nominations: [{ question: "ng.knowledge.v1", named: ["dea"] }] }, "2026-03-07T10:00:00Z"),
    );
    const responses = surveyResponsesOf(replaced);
    expect(responses.respondents).toEqual(["ana", "ben"]);
    expect(responses.responseRate).toBe(0.5);
    expect(responses.ties).toEqual([
      { from: "ana", to: "dea", layer: "reported-knowledge", question: "ng.knowledge.v1" },
      { from: "ben", to: "ana", layer: "reported-advice", question: "ng.advice.v1" },
    ]);

    expect(decideSurvey(replaced, withdrawn("cem"))).toMatchObject({ ok: false, code: "no_answer" });
    const afterWithdrawal = surveyResponsesOf(
      roundAfter(answer("ana", anaAdvisesBen), answer("ben"), withdrawn("ana")),
    );
    expect(afterWithdrawal.respondents).toEqual(["ben"]);
    expect(afterWithdrawal.ties).toEqual([]);
    expect(afterWithdrawal.ratings).toEqual([]);
  });

  it("hands the indicators ties, ratings and items as plain lists", () => {
    const responses = surveyResponsesOf(roundAfter(answer("ana", anaAdvisesBen)));
    expect(responses.ties.map((tie) => `${tie.from}>${tie.to}:${tie.layer}`)).toEqual([
      "ana>ben:reported-advice",
      "ana>ben:reported-collaboration",
      "ana>cem:reported-collaboration",
    ]);
    expect(responses.ratings).toEqual([
      {
        from: "ana",
        to: "ben",
        trust: { reliable: 4, commonConcern: 3, openToDiscussion: 4 },
        value: { influence: 2 },
      },
    ]);
    expect(responses.items).toEqual([{ respondent: "ana", question: "ci.learn-teach.v1", value: 5 }]);
  });
});
