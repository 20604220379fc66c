// Field schemas shared by the event types, so each rule is written once.
import { z } from "zod";

/** Ids of members, interactions, gatherings and records. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
/** No `-`: the id becomes stream `community-<id>`, and the part before the first `-` is the category. */
export const COMMUNITY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.]{0,63}$/;
/** Custom attribute keys: identifier-like, so they can be column and property names. */
export const ATTRIBUTE_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/;

export const MAX_NAME_LENGTH = 200;
export const MAX_TEXT_LENGTH = 2000;
export const MAX_TOPIC_LENGTH = 100;
export const MAX_TOPICS = 20;
export const MAX_ATTRIBUTES = 50;
export const MAX_ATTRIBUTE_VALUE_LENGTH = 200;

/**
 * Keys a custom attribute may not take: the catalogue attributes and the member's own fields,
 * which sit beside custom attributes on a graph node.
 */
export const reservedAttributeKeys = [
  "sector",
  "occupationalLayer",
  "learningEnvironment",
  "organisation",
  "displayName",
  "memberId",
] as const;
const reserved: ReadonlySet<string> = new Set(reservedAttributeKeys);

export const EntityId = z.string().regex(ID_PATTERN, {
  message: "must be 1-128 characters: letters, digits, _ . : - (not starting with a symbol)",
});
export const CommunityId = z.string().regex(COMMUNITY_ID_PATTERN, {
  message: "must be 1-64 characters: letters, digits, _ . (no '-', not starting with a symbol)",
});

/** Valid time: when it happened in the community. An offset (or Z) is required. */
export const OccurredAt = z.iso.datetime({ offset: true });

/**
 * Control characters (C0, DEL, C1) and halves of surrogate pairs are never part of a readable text.
 * Tabs and line breaks are: spreadsheet cells hold them.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cs}]/u;
const TABS_AND_LINE_BREAKS = /[\t\n\r]/g;
const isPrintable = (text: string) => !UNPRINTABLE.test(text.replace(TABS_AND_LINE_BREAKS, " "));
const printable = {
  message: "must not contain control characters (other than tabs and line breaks) or broken characters",
};

const Printable = (max: number) => z.string().trim().min(1).max(max).refine(isPrintable, printable);

export const Name = Printable(MAX_NAME_LENGTH);
export const Text = Printable(MAX_TEXT_LENGTH);
export const Topics = z.array(Printable(MAX_TOPIC_LENGTH)).max(MAX_TOPICS);

export const AttributeKey = z
  .string()
  .regex(ATTRIBUTE_KEY_PATTERN, { message: "must be 1-64 characters: a letter, then letters, digits, _ ." })
  .refine((key) => !reserved.has(key), { message: "is a reserved attribute name" });
export const AttributeValue = Printable(MAX_ATTRIBUTE_VALUE_LENGTH);

const atMostMaxKeys = (record: Record<string, unknown>) => Object.keys(record).length <= MAX_ATTRIBUTES;
const tooMany = { message: `at most ${MAX_ATTRIBUTES} attributes` };

/** Custom categorical attributes of a member (e.g. `region: "north"`). */
export const Attributes = z.record(AttributeKey, AttributeValue).refine(atMostMaxKeys, tooMany);

/** A change of attributes: `null` removes the attribute. An empty change says nothing, so it is refused. */
export const AttributeChanges = z
  .record(AttributeKey, AttributeValue.nullable())
  .refine(atMostMaxKeys, tooMany)
  .refine((record) => Object.keys(record).length > 0, { message: "must change at least one attribute" });
