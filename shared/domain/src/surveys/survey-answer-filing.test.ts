import { describe, expect, it } from "vitest";
import {
  fileSurveyAnswer,
  ITEMS_FIELD,
  joinSurveyAnswer,
  ratingFieldOf,
  surveyEventOfRecord,
  withoutErasedParts,
} from "./survey-answer-filing.js";
import type { SurveyAnsweredData } from "./survey-events.js";

const answer: SurveyAnsweredData = {
  roundId: "r1",
  respondent: "ana",
  nominations: [
    { question: "ng.advice.v1", named: ["cem", "ben"] },
    { question: "ng.collaboration.v1", named: ["ben"] },
  ],
  ratings: [
    { memberId: "cem", value: { influence: 2 } },
    { memberId: "ben", trust: { reliable: 4, commonConcern: 3 }, value: { resources: 1 } },
  ],
  items: [{ question: "ci.learn-teach.v1", value: 5 }],
  occurredAt: "2026-03-05T10:00:00Z",
};

describe("filing a survey answer", () => {
  it("keeps the ties in the body and files one vault value per member rated plus one for the items", () => {
    const { body, personal } = fileSurveyAnswer(answer);
    expect(body).toEqual({
      roundId: "r1",
      respondent: "ana",
      nominations: answer.nominations,
      ratingsAndItems: "vault",
      occurredAt: "2026-03-05T10:00:00Z",
    });
    expect(JSON.stringify(body)).not.toMatch(/reliable|influence|learn-teach/);
    expect(Object.keys(personal).sort()).toEqual([ITEMS_FIELD, ratingFieldOf("ben"), ratingFieldOf("cem")]);
  });

  it("joins back to the answer given, ratings in their order", () => {
    const { body, personal } = fileSurveyAnswer(answer);
    // The vault gives fields back in any order.
    const shuffled = Object.fromEntries(Object.entries(personal).reverse());
    expect(joinSurveyAnswer(body, shuffled)).toEqual(answer);
  });

  it("joins what the vault still holds: a rating about an erased member, or every rating and item, gone", () => {
    const { body, personal } = fileSurveyAnswer(answer);
    const { [ratingFieldOf("ben")]: _ben, ...withoutBen } = personal;
    expect(joinSurveyAnswer(body, withoutBen)).toEqual({ ...answer, ratings: [answer.ratings[0]] });
    expect(joinSurveyAnswer(body, {})).toEqual({ ...answer, ratings: [], items: [] });
  });

  it("leaves out a vault value that does not parse", () => {
    const { body, personal } = fileSurveyAnswer(answer);
    const broken = { ...personal, [ratingFieldOf("cem")]: "{not json", [ITEMS_FIELD]: '[{"question":"x"}]' };
    expect(joinSurveyAnswer(body, broken)).toEqual({ ...answer, ratings: [answer.ratings[1]], items: [] });
  });
});

describe("reading a recorded survey event", () => {
  it("joins a version-2 answer with its vault values", () => {
    const { body, personal } = fileSurveyAnswer(answer);
    const record = { type: "SurveyAnswered", data: body, schemaVersion: 2 };
    expect(surveyEventOfRecord(record, personal, new Set())).toEqual({ type: "SurveyAnswered", data: answer });
    expect(surveyEventOfRecord({ ...record, data: { ...body, ratings: [] } }, personal, new Set())).toBeUndefined();
  });

  it("reads a version-1 answer inline, without the parts of erased members", () => {
    const record = { type: "SurveyAnswered", data: answer, schemaVersion: 1 };
    expect(surveyEventOfRecord(record, {}, new Set())).toEqual({ type: "SurveyAnswered", data: answer });
    expect(surveyEventOfRecord(record, {}, new Set(["ben"]))).toEqual({
      type: "SurveyAnswered",
      data: { ...answer, ratings: [answer.ratings[0]] },
    });
    expect(surveyEventOfRecord(record, {}, new Set(["ana"]))).toEqual({
      type: "SurveyAnswered",
      data: { ...answer, ratings: [], items: [] },
    });
  });

  it("reads other survey events as they are, and nothing from what does not parse", () => {
    const withdrawn = { roundId: "r1", respondent: "ana", occurredAt: "2026-03-06T00:00:00Z" };
    expect(
      surveyEventOfRecord({ type: "SurveyAnswerWithdrawn", data: withdrawn, schemaVersion: 1 }, {}, new Set()),
    ).toEqual({ type: "SurveyAnswerWithdrawn", data: withdrawn });
    expect(surveyEventOfRecord({ type: "SurveyLost", data: {}, schemaVersion: 1 }, {}, new Set())).toBeUndefined();
  });

  it("an erased respondent keeps their ties in a version-1 answer", () => {
    expect(withoutErasedParts(answer, new Set(["ana", "cem"])).nominations).toEqual(answer.nominations);
  });
});
