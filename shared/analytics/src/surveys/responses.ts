// What the survey readings read: plain lists, independent of how a round's answers are stored.
// The caller resolves a round as known at some time (withdrawn answers already left out) into
// these shapes; every reading checks them first and names what is wrong.

/**
 * Trust in the person named, three dimensions on 1–4 (PARTNER's trust dimensions). A dimension
 * left out is missing, not zero (the names are those of the survey events in @copgraph/domain).
 */
export interface TrustRatings {
  /** "Reliable": does what they say they will. */
  readonly reliable?: number;
  /** Works for the community's common concern (PARTNER: "in support of mission"). */
  readonly commonConcern?: number;
  /** Open to discussion. */
  readonly openToDiscussion?: number;
}

/** Value of the person named, three dimensions on 1–4 (PARTNER's value dimensions); missing as for trust. */
export interface ValueRatings {
  /** Power and influence. */
  readonly influence?: number;
  /** Level of involvement. */
  readonly involvement?: number;
  /** Resources contributed. */
  readonly resources?: number;
}

/** A respondent named someone in answer to a name generator: a reported tie `from → to`. */
export interface ReportedTie {
  readonly from: string;
  readonly to: string;
  /** The name generator's id (for example "ng.advice.v1"). */
  readonly question: string;
  /** The reported layer the question forms (for example "reported-advice"), when the caller knows it. */
  readonly layer?: string;
}

/** A respondent's ratings of one person they named: at most one per ordered pair. */
export interface PairRating {
  readonly from: string;
  readonly to: string;
  readonly trust?: TrustRatings;
  readonly value?: ValueRatings;
}

/** A round's answers as known at one time. */
export interface SurveyResponses {
  /** Members asked: the round's roster. */
  readonly roster: readonly string[];
  /** Rostered members who answered and did not withdraw. */
  readonly respondents: readonly string[];
  /** Ties reported by respondents, to anyone on the roster. */
  readonly ties: readonly ReportedTie[];
  /** Ratings given by respondents, to anyone on the roster. */
  readonly ratings: readonly PairRating[];
}

/** Each member's group attributes (sector, occupationalLayer, …): member → attribute → value. */
export type MemberGroups = ReadonlyMap<string, Readonly<Record<string, string | undefined>>>;

export const trustDimensions = ["reliable", "commonConcern", "openToDiscussion"] as const;
export const valueDimensions = ["influence", "involvement", "resources"] as const;

/** Bad survey input, with what was wrong in words. */
export class SurveyInputError extends RangeError {
  override readonly name = "SurveyInputError";
}

function checkScale(label: string, ratings: object, dimensions: readonly string[]): void {
  for (const dimension of dimensions) {
    const value = (ratings as Record<string, unknown>)[dimension];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 4) {
      throw new SurveyInputError(`${label}.${dimension} must be a whole number from 1 to 4, not ${String(value)}`);
    }
  }
}

/** Checks the shapes' rules; throws a SurveyInputError naming the first break. */
export function checkResponses(responses: SurveyResponses): void {
  const roster = new Set(responses.roster);
  if (roster.size !== responses.roster.length) throw new SurveyInputError("roster names a member twice");
  const respondents = new Set(responses.respondents);
  if (respondents.size !== responses.respondents.length) throw new SurveyInputError("respondents names a member twice");
  for (const id of respondents) {
    if (!roster.has(id)) throw new SurveyInputError(`respondent ${id} is not on the roster`);
  }
  const checkPair = (label: string, from: string, to: string) => {
    if (!respondents.has(from)) throw new SurveyInputError(`${label} ${from} → ${to}: ${from} is not a respondent`);
    if (!roster.has(to)) throw new SurveyInputError(`${label} ${from} → ${to}: ${to} is not on the roster`);
    if (from === to) throw new SurveyInputError(`${label} ${from} → ${to}: a member cannot name themselves`);
  };
  for (const tie of responses.ties) checkPair("tie", tie.from, tie.to);
  const rated = new Set<string>();
  for (const rating of responses.ratings) {
    const label = `rating ${rating.from} → ${rating.to}`;
    checkPair("rating", rating.from, rating.to);
    const key = `${rating.from}\u0000${rating.to}`;
    if (rated.has(key)) throw new SurveyInputError(`${label} is given twice`);
    rated.add(key);
    if (rating.trust) checkScale(`${label}: trust`, rating.trust, trustDimensions);
    if (rating.value) checkScale(`${label}: value`, rating.value, valueDimensions);
  }
}

/** The response rate: respondents / roster; null for an empty roster. */
export function responseRate(responses: SurveyResponses): number | null {
  return responses.roster.length === 0 ? null : responses.respondents.length / responses.roster.length;
}

/** The mean of the dimensions given; null when none is. */
function meanOfGiven(ratings: object, dimensions: readonly string[]): number | null {
  let sum = 0;
  let count = 0;
  for (const dimension of dimensions) {
    const value = (ratings as Record<string, number | undefined>)[dimension];
    if (value === undefined) continue;
    sum += value;
    count++;
  }
  return count === 0 ? null : sum / count;
}

/** A trust rating's score: the mean of the dimensions given (1–4); null when none is. */
export function trustScore(trust: TrustRatings | undefined): number | null {
  return trust === undefined ? null : meanOfGiven(trust, trustDimensions);
}

/** A value rating's score: the mean of the dimensions given (1–4); null when none is. */
export function valueScore(value: ValueRatings | undefined): number | null {
  return value === undefined ? null : meanOfGiven(value, valueDimensions);
}

/** Trust at or above this score makes a trust tie (E-I of trust ties, mutual trust). */
export const TRUST_TIE_THRESHOLD = 3;
