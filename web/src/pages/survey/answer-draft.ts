import type { RespondentRound } from "@copgraph/contract";

/** A respondent's whole answer, as the API takes and gives it. */
export type SurveyAnswerBody = NonNullable<RespondentRound["answer"]>;
type MemberRating = SurveyAnswerBody["ratings"][number];

// What the respondent has picked so far, as the page edits it, and the answer the API takes.

export type Aspect = "trust" | "value";

export interface AnswerDraft {
  /** Per name generator: the members picked. */
  readonly named: Map<string, Set<string>>;
  /** Per member named, per aspect, per dimension: 1–4. */
  readonly ratings: Map<string, { trust: Map<string, number>; value: Map<string, number> }>;
  /** Per community item: 1–5. */
  readonly items: Map<string, number>;
}

type Question = RespondentRound["questions"][number];

/** The aspect a rating block asks about, as the round says it. */
export const aspectOf = (question: Question): Aspect | undefined =>
  question.kind === "rating" ? question.aspect : undefined;

/** The draft a saved answer (or none) starts from. */
export function draftOf(answer: SurveyAnswerBody | null): AnswerDraft {
  const draft: AnswerDraft = { named: new Map(), ratings: new Map(), items: new Map() };
  for (const { question, named } of answer?.nominations ?? []) draft.named.set(question, new Set(named));
  for (const rating of answer?.ratings ?? []) {
    draft.ratings.set(rating.memberId, {
      trust: new Map(Object.entries(rating.trust ?? {}).filter(isRated)),
      value: new Map(Object.entries(rating.value ?? {}).filter(isRated)),
    });
  }
  for (const { question, value } of answer?.items ?? []) draft.items.set(question, value);
  return draft;
}

const isRated = (entry: [string, number | undefined]): entry is [string, number] => typeof entry[1] === "number";

/** Everyone named in any name generator, in roster order. */
export function namedMembers(draft: AnswerDraft, roster: readonly { memberId: string }[]): string[] {
  const named = new Set([...draft.named.values()].flatMap((members) => [...members]));
  return roster.map((member) => member.memberId).filter((memberId) => named.has(memberId));
}

/**
 * The answer to save: every name generator of the round (an empty list says "nobody"), ratings of
 * the members still named only (a rating of someone no longer named would be refused), of the
 * aspects the round asks, and the community items answered.
 */
export function answerOf(draft: AnswerDraft, round: Pick<RespondentRound, "questions" | "roster">): SurveyAnswerBody {
  const asked = new Set(round.questions.flatMap((question) => aspectOf(question) ?? []));
  const nominations = round.questions
    .filter((question) => question.kind === "name-generator")
    .map((question) => ({ question: question.id, named: [...(draft.named.get(question.id) ?? [])] }));
  const ratings = namedMembers(draft, round.roster).flatMap((memberId): MemberRating[] => {
    const given = draft.ratings.get(memberId);
    if (!given) return [];
    const rating: MemberRating = { memberId };
    for (const aspect of asked) {
      if (given[aspect].size > 0) rating[aspect] = Object.fromEntries(given[aspect]);
    }
    return rating.trust || rating.value ? [rating] : [];
  });
  const items = round.questions.flatMap((question) => {
    const value = question.kind === "community-item" ? draft.items.get(question.id) : undefined;
    return value === undefined ? [] : [{ question: question.id, value }];
  });
  return { nominations, ratings, items };
}

/** Names compared as people type them: case and accents aside. */
export const searchable = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();
