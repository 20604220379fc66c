import { describe, expect, it } from "vitest";
import { answerOf, draftOf, namedMembers, searchable } from "./answer-draft.js";

const round = {
  questions: [
    { id: "ng.advice.v1", kind: "name-generator" as const, prompt: "advice" },
    { id: "ng.knowledge.v1", kind: "name-generator" as const, prompt: "knowledge" },
    { id: "rate.trust.v1", kind: "rating" as const, aspect: "trust" as const, prompt: "trust" },
    { id: "ci.learn-teach.v1", kind: "community-item" as const, prompt: "learn" },
    { id: "ci.ask-anyone.v1", kind: "community-item" as const, prompt: "ask" },
  ],
  roster: [{ memberId: "a" }, { memberId: "b" }, { memberId: "c" }],
};

describe("a respondent's draft", () => {
  it("gives back the answer it started from", () => {
    const saved = {
      nominations: [
        { question: "ng.advice.v1", named: ["b"] },
        { question: "ng.knowledge.v1", named: [] },
      ],
      ratings: [{ memberId: "b", trust: { reliable: 4, openToDiscussion: 2 } }],
      items: [{ question: "ci.learn-teach.v1", value: 5 }],
    };
    expect(answerOf(draftOf(saved), round)).toEqual(saved);
  });

  it("answers every name generator, even with nobody, and lists those named in roster order", () => {
    const draft = draftOf(null);
    draft.named.set("ng.knowledge.v1", new Set(["c", "a"]));
    expect(namedMembers(draft, round.roster)).toEqual(["a", "c"]);
    expect(answerOf(draft, round).nominations).toEqual([
      { question: "ng.advice.v1", named: [] },
      { question: "ng.knowledge.v1", named: ["c", "a"] },
    ]);
  });

  it("drops the ratings of someone no longer named, aspects the round does not ask, and empty ratings", () => {
    const draft = draftOf(null);
    draft.named.set("ng.advice.v1", new Set(["a", "b"]));
    draft.ratings.set("a", { trust: new Map([["reliable", 3]]), value: new Map([["influence", 2]]) });
    draft.ratings.set("b", { trust: new Map(), value: new Map() });
    draft.ratings.set("c", { trust: new Map([["reliable", 1]]), value: new Map() });
    expect(answerOf(draft, round).ratings).toEqual([{ memberId: "a", trust: { reliable: 3 } }]);
  });

  it("finds names whatever their case and accents", () => {
    expect(searchable("  Zoë ÅBERG ")).toBe("zoe aberg");
  });
});
