// Ratings and community items are personal data (docs/decisions/0020): since version 2 of
// SurveyAnswered, the log keeps the ties (who named whom, anonymous once a member is erased) and
// the vault keeps the ratings and items, one row per member rated and one for the items, so that
// erasing a member can delete what they rated and what others rated about them.
import { z } from "zod";
import type { PersonalValue, PersonalValues } from "../events/personal-data-split.js";
import {
  ItemAnswer,
  MemberRating,
  Nomination,
  parseSurveyEvent,
  type SurveyAnsweredData,
  SurveyAnsweredData as SurveyAnsweredSchema,
  type SurveyEvent,
} from "./survey-events.js";

/** SurveyAnswered as the log holds it from version 2 on: the ties, and word that ratings and items are in the vault. */
export const SurveyAnsweredFiledData = z.strictObject({
  roundId: SurveyAnsweredSchema.shape.roundId,
  respondent: SurveyAnsweredSchema.shape.respondent,
  nominations: z.array(Nomination).max(50),
  /** No values: the ratings and items given (if any) were filed in the vault under the event's id. */
  ratingsAndItems: z.literal("vault"),
  occurredAt: SurveyAnsweredSchema.shape.occurredAt,
});
export type SurveyAnsweredFiledData = z.infer<typeof SurveyAnsweredFiledData>;

/** The first version of SurveyAnswered that keeps ratings and items out of the log. */
export const FILED_SURVEY_ANSWER_VERSION = 2;

const RATING_FIELD_PREFIX = "rating:";
/** The vault field of a rating about this member: erasing the member deletes it in every answer. */
export const ratingFieldOf = (memberId: string) => `${RATING_FIELD_PREFIX}${memberId}`;
/** The vault field of an answer's community items. */
export const ITEMS_FIELD = "items";

/** A rating as filed: its place in the answer (to give it back in order) and its dimensions. */
const FiledRating = MemberRating.omit({ memberId: true }).extend({ at: z.number().int().min(0) });
const FiledItems = z.array(ItemAnswer);

/** The answer's body for the log and its ratings and items for the vault. Pure. */
export function fileSurveyAnswer(data: SurveyAnsweredData): {
  readonly body: SurveyAnsweredFiledData;
  readonly personal: PersonalValues;
} {
  const personal: Record<string, PersonalValue> = {};
  data.ratings.forEach(({ memberId, ...dimensions }, at) => {
    personal[ratingFieldOf(memberId)] = JSON.stringify({ at, ...dimensions });
  });
  if (data.items.length > 0) personal[ITEMS_FIELD] = JSON.stringify(data.items);
  const { roundId, respondent, nominations, occurredAt } = data;
  return { body: { roundId, respondent, nominations, ratingsAndItems: "vault", occurredAt }, personal };
}

/** The answer with the ratings and items the vault still holds for it; what is gone (erased, withdrawn) is missing. Pure. */
export function joinSurveyAnswer(body: SurveyAnsweredFiledData, personal: PersonalValues): SurveyAnsweredData {
  const ratings: (MemberRating & { at: number })[] = [];
  for (const [field, value] of Object.entries(personal)) {
    if (!field.startsWith(RATING_FIELD_PREFIX)) continue;
    const filed = FiledRating.safeParse(jsonOf(value));
    if (filed.success) ratings.push({ memberId: field.slice(RATING_FIELD_PREFIX.length), ...filed.data });
  }
  ratings.sort((a, b) => a.at - b.at);
  const items = FiledItems.safeParse(jsonOf(personal[ITEMS_FIELD] ?? null));
  const { roundId, respondent, nominations, occurredAt } = body;
  return {
    roundId,
    respondent,
    nominations,
    ratings: ratings.map(({ at: _at, ...rating }) => rating),
    items: items.success ? items.data : [],
    occurredAt,
  };
}

/**
 * A version-1 answer (ratings and items inline in the log, which cannot change) as read once
 * members were erased: the erased respondent's ratings and items, and every rating about an erased
 * member, are left out; the ties stay. Pure.
 */
export function withoutErasedParts(data: SurveyAnsweredData, erased: ReadonlySet<string>): SurveyAnsweredData {
  if (erased.has(data.respondent)) return { ...data, ratings: [], items: [] };
  const ratings = data.ratings.filter((rating) => !erased.has(rating.memberId));
  return ratings.length === data.ratings.length ? data : { ...data, ratings };
}

/** A survey event as the log recorded it: its type, data and `metadata.schemaVersion`. */
export interface SurveyRecord {
  readonly type: string;
  readonly data: unknown;
  readonly schemaVersion: unknown;
}

/** Whether the record is an answer whose ratings and items are in the vault. */
export const isFiledSurveyAnswer = (record: SurveyRecord) =>
  record.type === "SurveyAnswered" && Number(record.schemaVersion) >= FILED_SURVEY_ANSWER_VERSION;

/**
 * The event a recorded survey event stands for: a filed answer joined with its vault values
 * (`personal`), a version-1 answer without the parts of `erased` members; undefined when it does
 * not parse. Pure.
 */
export function surveyEventOfRecord(
  record: SurveyRecord,
  personal: PersonalValues,
  erased: ReadonlySet<string>,
): SurveyEvent | undefined {
  if (isFiledSurveyAnswer(record)) {
    const body = SurveyAnsweredFiledData.safeParse(record.data);
    if (!body.success) return undefined;
    const parsed = parseSurveyEvent({ type: "SurveyAnswered", data: joinSurveyAnswer(body.data, personal) });
    return parsed.ok ? parsed.event : undefined;
  }
  const parsed = parseSurveyEvent({ type: record.type, data: record.data });
  if (!parsed.ok) return undefined;
  if (parsed.event.type !== "SurveyAnswered" || erased.size === 0) return parsed.event;
  return { type: "SurveyAnswered", data: withoutErasedParts(parsed.event.data, erased) };
}

function jsonOf(value: PersonalValue | undefined): unknown {
  if (typeof value !== "string") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
