// Personal data is kept apart from the immutable log (docs/decisions/0003-personal-data.md):
// an event is split into the body that is stored and the personal values kept where erasure can
// reach them, and joined again for readers allowed to see names.
import { type CommunityEvent, type EventType, eventDataSchemas, eventTypes } from "./community-event.js";
import { memberProfileFields } from "./member-profile-changed.js";
import { personalDataFields, personalListFields } from "./personal-data.js";

/** A personal field's value: text, or `null` where a profile change clears the field. */
export type PersonalValue = string | null;
export type PersonalValues = Readonly<Record<string, PersonalValue>>;

/** An event as the log stores it: the data without any field of `personalDataFields`. */
export interface StoredBody {
  readonly type: EventType;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface SplitEvent {
  readonly body: StoredBody;
  /** Only the personal fields the event has; empty when it has none. */
  readonly personal: PersonalValues;
}

/** Put in a personal field the schema requires (a name, a retraction's reason) once its value is erased. */
export const ERASED_TEXT = "(erased)";

/** A value per event type, computed once. */
function perType<V>(compute: (type: EventType) => V): Readonly<Record<EventType, V>> {
  const result = {} as Record<EventType, V>;
  for (const type of eventTypes) result[type] = compute(type);
  return result;
}

const fieldOrder = perType((type): readonly string[] => Object.keys(eventDataSchemas[type].shape));

/** Personal fields the schema requires, per event type: a joined event without them would be invalid. */
export const requiredPersonalDataFields = perType((type): readonly string[] => {
  const shape = eventDataSchemas[type].shape as Record<string, { safeParse(value: unknown): { success: boolean } }>;
  return personalDataFields[type].filter((field) => !shape[field]?.safeParse(undefined).success);
});

const NO_PERSONAL_VALUES: PersonalValues = Object.freeze({});

/** Takes the personal fields out of an event's data (the data itself when it has none: most events). */
export function splitPersonalData(event: CommunityEvent | StoredBody): SplitEvent {
  const personalFields: readonly string[] = personalDataFields[event.type];
  if (!personalFields.some((field) => field in event.data)) {
    return { body: { type: event.type, data: event.data }, personal: NO_PERSONAL_VALUES };
  }
  const data: Record<string, unknown> = {};
  const personal: Record<string, PersonalValue> = {};
  for (const [field, value] of Object.entries(event.data)) {
    if (!personalFields.includes(field)) data[field] = value;
    else if (typeof value === "string" || value === null) personal[field] = value;
    else if (personalListFields.has(field) && Array.isArray(value)) personal[field] = JSON.stringify(value);
    else data[field] = value;
  }
  return { body: { type: event.type, data }, personal };
}

/**
 * The event with its personal values put back, fields in schema order. A required field with no
 * value left (erased) holds `ERASED_TEXT`, as does the name of a profile change left with nothing
 * to change, so the event stays valid and can be imported again.
 * A value already in the body (a log recorded before personal data moved out) is kept.
 */
export function joinPersonalData(body: StoredBody, personal: PersonalValues): StoredBody {
  const merged: Record<string, unknown> = { ...listsOf(personal), ...body.data };
  for (const field of requiredPersonalDataFields[body.type] ?? []) merged[field] ??= ERASED_TEXT;
  // A profile change that only renamed an erased member must still change something.
  if (body.type === "MemberProfileChanged" && memberProfileFields.every((field) => merged[field] === undefined)) {
    merged.displayName = ERASED_TEXT;
  }
  const data: Record<string, unknown> = {};
  for (const field of fieldOrder[body.type] ?? []) if (merged[field] !== undefined) data[field] = merged[field];
  // Keys the schema does not know (none in a valid log) are kept rather than silently lost.
  for (const [field, value] of Object.entries(merged)) if (!(field in data) && value !== undefined) data[field] = value;
  return { type: body.type, data };
}

/**
 * Whom or what personal values are about. Kinds keep ids apart: a member and a record may share an
 * id. A respondent's values are the ratings and items they gave in survey answers (not their profile).
 */
export interface PersonalDataSubject {
  readonly kind: "community" | "member" | "record" | "respondent";
  readonly id: string;
}

/**
 * Whom or what an event's personal values are about: the member of a member event, the record
 * of an interaction, gathering or retraction, the community of its registration. Erasing a member
 * forgets the values of the member and of the records they are a party to.
 */
export function personalDataSubject(event: CommunityEvent | StoredBody): PersonalDataSubject {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case "CommunityRegistered":
      return { kind: "community", id: String(data.communityId) };
    case "InteractionRecorded":
      return { kind: "record", id: String(data.interactionId) };
    case "GatheringHeld":
      return { kind: "record", id: String(data.gatheringId) };
    case "RecordRetracted":
      return { kind: "record", id: String(data.recordId) };
    default:
      return { kind: "member", id: String(data.memberId) };
  }
}

/** The values with list fields given back as lists (a value that is not a JSON list is left out). */
function listsOf(personal: PersonalValues): Record<string, unknown> {
  let decoded: Record<string, unknown> | undefined;
  for (const field of personalListFields) {
    const text = personal[field];
    if (typeof text !== "string") continue;
    decoded ??= { ...personal };
    try {
      const list: unknown = JSON.parse(text);
      if (Array.isArray(list)) decoded[field] = list;
      else delete decoded[field];
    } catch {
      delete decoded[field];
    }
  }
  return decoded ?? personal;
}
