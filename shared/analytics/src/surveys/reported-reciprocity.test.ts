import { describe, expect, it } from "vitest";
import { reportedReciprocity } from "./reported-reciprocity.js";
import { exampleRound } from "./testing-example.js";

describe("reciprocity on a reported layer", () => {
  it("counts only dyads in which both answered, says so, and states the response rate", () => {
    // advice between respondents: a→b, b→a, a→c, c→d (d→e left out: e did not answer).
    expect(reportedReciprocity(exampleRound, { question: "advice" })).toEqual({
      question: "advice",
      layer: null,
      over: "dyads in which both answered",
      value: 1 / 3,
      edge: 0.5,
      mutualDyads: 1,
      asymmetricDyads: 2,
      dyadsUsed: 6,
      arcsLeftOut: 1,
      respondents: 4,
      rostered: 5,
      responseRate: 0.8,
    });
  });

  it("pools the questions when none is named, a pair named twice counting once", () => {
    const all = reportedReciprocity(exampleRound);
    expect(all).toMatchObject({ question: null, mutualDyads: 1, asymmetricDyads: 3, value: 0.25, edge: 0.4 });
  });

  it("reads a layer by its name when the ties carry one", () => {
    const layered = {
      ...exampleRound,
      ties: exampleRound.ties.map((tie) => ({ ...tie, layer: `reported-${tie.question}` })),
    };
    expect(reportedReciprocity(layered, { layer: "reported-advice" })).toMatchObject({
      question: null,
      layer: "reported-advice",
      value: 1 / 3,
    });
  });

  it("is null on a layer with no tie between respondents", () => {
    expect(reportedReciprocity(exampleRound, { question: "nobody" }).value).toBeNull();
  });
});
