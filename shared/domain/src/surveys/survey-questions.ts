// The survey instrument: every question a round may ask, by a versioned id. A question's wording
// may be improved only under a new id, so answers always say which wording they answered.
// docs/surveys.md describes the instrument and its sources.

/** Bumped when a question is added; old ids stay valid forever. */
export const SURVEY_CATALOGUE_VERSION = 1;

/** A question whose answer is a set of members: each member named is a reported tie of its layer. */
export interface NameGenerator {
  readonly kind: "name-generator";
  readonly id: string;
  /** The reported tie layer its answers form, beside the recorded layers. */
  readonly layer: string;
  readonly prompt: string;
}

/** Ratings of each member named in any name generator, every dimension on the same scale. */
export interface RatingBlock {
  readonly kind: "rating";
  readonly id: string;
  readonly aspect: "trust" | "value";
  readonly prompt: string;
  readonly dimensions: readonly { readonly id: string; readonly prompt: string }[];
  readonly scale: { readonly min: 1; readonly max: 4 };
}

/** A statement about the community as a whole, agreed with on a scale. */
export interface CommunityItem {
  readonly kind: "community-item";
  readonly id: string;
  readonly prompt: string;
  readonly scale: { readonly min: 1; readonly max: 5 };
}

export type SurveyQuestion = NameGenerator | RatingBlock | CommunityItem;

const rating = { min: 1, max: 4 } as const;
const agreement = { min: 1, max: 5 } as const;

export const surveyQuestions: readonly SurveyQuestion[] = [
  {
    kind: "name-generator",
    id: "ng.advice.v1",
    layer: "reported-advice",
    prompt: "In the last 12 months, whom in this community did you go to for advice?",
  },
  {
    kind: "name-generator",
    id: "ng.knowledge.v1",
    layer: "reported-knowledge",
    prompt: "In the last 12 months, with whom in this community did you share knowledge?",
  },
  {
    kind: "name-generator",
    id: "ng.collaboration.v1",
    layer: "reported-collaboration",
    prompt: "In the last 12 months, with whom in this community did you work on something together?",
  },
  {
    kind: "rating",
    id: "rate.trust.v1",
    aspect: "trust",
    prompt: "How far do you trust each person you named?",
    scale: rating,
    dimensions: [
      { id: "reliable", prompt: "This person does what they say they will do." },
      {
        id: "commonConcern",
        prompt: "This person works for what the community is about, not only for their own side.",
      },
      { id: "openToDiscussion", prompt: "This person is willing to talk things through and hear other views." },
    ],
  },
  {
    kind: "rating",
    id: "rate.value.v1",
    aspect: "value",
    prompt: "How much does each person you named bring to the community?",
    scale: rating,
    dimensions: [
      { id: "influence", prompt: "How much say this person has in what the community does." },
      { id: "involvement", prompt: "How much this person takes part in the community's work." },
      { id: "resources", prompt: "How much this person brings: time, knowledge, contacts, means." },
    ],
  },
  {
    kind: "community-item",
    id: "ci.learn-teach.v1",
    prompt: "I switch between learning and teaching here.",
    scale: agreement,
  },
  {
    kind: "community-item",
    id: "ci.ask-anyone.v1",
    prompt: "I could ask anyone here for help, not only the people I know best.",
    scale: agreement,
  },
  {
    kind: "community-item",
    id: "ci.other-sectors.v1",
    prompt: "I learn things here from people who work in other sectors than mine.",
    scale: agreement,
  },
];

export const surveyQuestionById: ReadonlyMap<string, SurveyQuestion> = new Map(
  surveyQuestions.map((question) => [question.id, question]),
);

/** What a round asks when the facilitator does not choose: the whole catalogue. */
export const defaultSurveyQuestionIds: readonly string[] = surveyQuestions.map((question) => question.id);

/** The reported tie layers, one per name generator. */
export const reportedLayers: readonly string[] = surveyQuestions.flatMap((question) =>
  question.kind === "name-generator" ? [question.layer] : [],
);

/** What a respondent reads before answering; versioned like the questions. */
export const surveyConsent = {
  // v2: withdrawing deletes the ratings (v1 said only that the answer stops counting).
  // v3: who sees whom you named (the network graph shows reported ties), and how ratings are shown.
  id: "consent.v3",
  text:
    "This survey asks whom in this community you turn to and how you see them. " +
    "The community's facilitators see whom you named, on the community's network (researchers see it without names). " +
    "How you rated people is shown only in averages over several ratings, and never to the people you rated. " +
    "You can change your answer until the round closes, or withdraw it: from then on it no longer counts, and your ratings and answers about the community are deleted.",
} as const;

/** The 1–4 scale of each rating dimension, and the 1–5 agreement scale of community items. */
export const RATING_SCALE = rating;
export const AGREEMENT_SCALE = agreement;
