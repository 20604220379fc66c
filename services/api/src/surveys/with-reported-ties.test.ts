import { type SurveyRound, surveyRoundOf } from "@copgraph/domain";
import { describe, expect, it } from "vitest";
import { surveyRoundOpened } from "../testing/survey-round-opened.js";
import { withReportedTies } from "./with-reported-ties.js";

const round = surveyRoundOf([
  surveyRoundOpened({ roster: ["ana", "ben", "cem", "gone"], questions: ["ng.advice.v1", "ng.collaboration.v1"] }),
  {
    type: "SurveyAnswered",
    data: {
      roundId: "r1",
      respondent: "ana",
      nominations: [
        { question: "ng.advice.v1", named: ["ben", "gone"] },
        { question: "ng.collaboration.v1", named: ["ben"] },
      ],
      ratings: [],
      items: [],
      occurredAt: "2026-03-02T00:00:00Z",
    },
  },
  {
    type: "SurveyAnswered",
    data: {
      roundId: "r1",
      respondent: "gone",
      nominations: [{ question: "ng.advice.v1", named: ["cem"] }],
      ratings: [],
      items: [],
      occurredAt: "2026-03-02T00:00:00Z",
    },
  },
]) as SurveyRound;

const body = {
  communityId: "town",
  nodes: [{ id: "ana" }, { id: "ben" }, { id: "cem" }],
  ties: [{ source: "ana", target: "ben", weight: 2.5, layers: { advice: 2.5 } }],
};

describe("reported ties added to a graph", () => {
  it("adds each layer's tie once to the pair's tie, weighing 1, and keeps the body's other fields", () => {
    const drawn = withReportedTies(body, round, ["reported-advice", "reported-collaboration"], "2026-04-01T00:00:00Z");
    expect(drawn.communityId).toBe("town");
    expect(drawn.ties).toEqual([
      {
        source: "ana",
        target: "ben",
        weight: 4.5,
        layers: { advice: 2.5, "reported-advice": 1, "reported-collaboration": 1 },
      },
    ]);
    expect(body.ties[0]?.weight).toBe(2.5);
    expect(drawn.reported).toMatchObject({ tiesDrawn: 2, tiesLeftOut: 2 });
    expect(drawn.reported.round).toMatchObject({ asked: 4, answered: 2, responseRate: 0.5 });
    expect(drawn.reported.statement).toContain("2 of 4 members asked answered (50 %)");
  });

  it("draws only the layers asked", () => {
    const drawn = withReportedTies(body, round, ["reported-collaboration"], "2026-04-01T00:00:00Z");
    expect(drawn.ties[0]?.layers).toEqual({ advice: 2.5, "reported-collaboration": 1 });
    expect(drawn.reported).toMatchObject({ tiesDrawn: 1, tiesLeftOut: 0 });
  });

  it("says so when no round had ended", () => {
    const drawn = withReportedTies(body, undefined, ["reported-advice"], "2026-02-01T00:00:00Z");
    expect(drawn.ties).toEqual(body.ties);
    expect(drawn.reported.round).toBeNull();
  });

  it("under the backbone, gives a reported tie the recorded layers of its pair the backbone left out", () => {
    const backbone = { ...body, ties: [] };
    const drawn = withReportedTies(backbone, round, ["reported-advice"], "2026-04-01T00:00:00Z", body.ties);
    expect(drawn.ties).toEqual([
      { source: "ana", target: "ben", weight: 3.5, layers: { advice: 2.5, "reported-advice": 1 } },
    ]);
  });
});
