// A small round worked by hand in the tests (trust-value.test.ts, reported-reciprocity.test.ts).
// Five rostered members, four answered (e did not); sectors: a, b, e education, c, d business.
import type { MemberGroups, PairRating, SurveyResponses, TrustRatings, ValueRatings } from "./responses.js";

const trust = (reliable: number, commonConcern: number, openToDiscussion: number): TrustRatings => ({
  reliable,
  commonConcern,
  openToDiscussion,
});
const value = (influence: number, involvement: number, resources: number): ValueRatings => ({
  influence,
  involvement,
  resources,
});
const rating = (from: string, to: string, t?: TrustRatings, v?: ValueRatings): PairRating => ({
  from,
  to,
  ...(t ? { trust: t } : {}),
  ...(v ? { value: v } : {}),
});

export const exampleRound: SurveyResponses = {
  roster: ["a", "b", "c", "d", "e"],
  respondents: ["a", "b", "c", "d"],
  ties: [
    { from: "a", to: "b", question: "advice" },
    { from: "b", to: "a", question: "advice" },
    { from: "a", to: "c", question: "advice" },
    { from: "c", to: "d", question: "advice" },
    { from: "d", to: "e", question: "advice" },
    { from: "a", to: "b", question: "knowledge" },
    { from: "b", to: "c", question: "knowledge" },
  ],
  ratings: [
    rating("a", "b", trust(4, 4, 4), value(3, 3, 3)),
    rating("b", "a", trust(3, 3, 3), value(2, 2, 2)),
    rating("a", "c", trust(2, 2, 2)),
    rating("c", "a", trust(4, 3, 2)),
    rating("c", "d", trust(4, 4, 1), value(1, 2, 3)),
    rating("d", "c", trust(1, 1, 1)),
    rating("d", "e", trust(4, 4, 4), value(4, 4, 4)),
    rating("b", "e", undefined, value(1, 1, 1)),
  ],
};

export const exampleGroups: MemberGroups = new Map([
  ["a", { sector: "education", occupationalLayer: "student" }],
  ["b", { sector: "education", occupationalLayer: "professional" }],
  ["c", { sector: "business", occupationalLayer: "professional" }],
  ["d", { sector: "business", occupationalLayer: "management" }],
  ["e", { sector: "education", occupationalLayer: "professional" }],
]);
