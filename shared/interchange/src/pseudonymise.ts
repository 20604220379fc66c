// Research exports: the same log with members and records under stable pseudonyms and every
// personal or free-text field removed. A pseudonym is HMAC-SHA-256(key, id): stable for one
// export key (so exports with the same key can be joined), unlinkable across keys, and not
// reversible without the key. node:crypto is I/O-free; it is used here and nowhere else.
import { createHmac } from "node:crypto";
import { type EventType, eventTypes, personalDataFields, requiredPersonalDataFields } from "@copgraph/domain";
import type { LoggedEvent } from "./logged-event.js";

/** Shorter keys could be guessed offline from the pseudonyms of guessable ids. */
export const MIN_EXPORT_KEY_LENGTH = 16;

/** Data fields holding ids of interactions and gatherings (record ids are chosen by clients and may say who). */
const recordIdFields = ["interactionId", "gatheringId", "recordId"] as const;

export class Pseudonyms {
  readonly #key: string;
  readonly #members = new Map<string, string>();
  readonly #seen = new Map<string, string>();

  constructor(key: string) {
    if (typeof key !== "string" || key.length < MIN_EXPORT_KEY_LENGTH) {
      throw new RangeError(`the export key must be a secret of at least ${MIN_EXPORT_KEY_LENGTH} characters`);
    }
    this.#key = key;
  }

  /** `p_` + the first 16 hex characters of HMAC-SHA-256(key, memberId). */
  member(memberId: string): string {
    let pseudonym = this.#members.get(memberId);
    if (pseudonym === undefined) {
      pseudonym = `p_${this.#hmac(memberId).slice(0, 16)}`;
      // 64 bits make a collision unlikely, not impossible: two members must never merge silently.
      const other = this.#seen.get(pseudonym);
      if (other !== undefined && other !== memberId)
        throw new Error("two member ids share a pseudonym; use another key");
      this.#seen.set(pseudonym, memberId);
      this.#members.set(memberId, pseudonym);
    }
    return pseudonym;
  }

  /** `r_` + 16 hex characters, keyed apart from member pseudonyms. */
  record(recordId: string): string {
    return `r_${this.#hmac(`record:${recordId}`).slice(0, 16)}`;
  }

  /** An RFC 9562 version-8 UUID, so the export can be appended through the batch endpoint. */
  event(eventId: string): string {
    const hex = this.#hmac(`event:${eventId}`);
    const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  #hmac(text: string): string {
    return createHmac("sha256", this.#key).update(text, "utf8").digest("hex");
  }
}

const knownTypes: ReadonlySet<string> = new Set(eventTypes);

/** Text put in a personal field the schema requires (displayName, a retraction's reason), so events stay valid. */
export const REDACTED = "redacted";

/**
 * The events with every member id (memberId, from, to[], participants[].memberId) and record id
 * replaced by its pseudonym, the personal and free-text fields of `personalDataFields` removed
 * (those the schema requires hold a placeholder instead: a member's displayName becomes their
 * pseudonym), metadata cut to schemaVersion and recordedAt, and `position` (store-wide, so it tells about other
 * communities) set to the revision. A profile change left with nothing to say (it changed only a
 * name or organisation) is dropped. Throws on an unknown event type rather than leak its fields.
 */
export function pseudonymise(events: Iterable<LoggedEvent>, key: string): LoggedEvent[] {
  const pseudonyms = new Pseudonyms(key);
  const exported: LoggedEvent[] = [];
  for (const event of events) {
    if (!knownTypes.has(event.type)) throw new RangeError(`unknown event type '${event.type}': not exported`);
    const type = event.type as EventType;
    const data = pseudonymousData(type, event.data, pseudonyms);
    if (
      type === "MemberProfileChanged" &&
      Object.keys(data).every((field) => field === "memberId" || field === "occurredAt")
    ) {
      continue;
    }
    exported.push({
      id: pseudonyms.event(event.id),
      type,
      revision: event.revision,
      position: event.revision,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      schemaVersion: event.schemaVersion,
      data,
      metadata: { schemaVersion: event.schemaVersion, recordedAt: event.recordedAt },
    });
  }
  return exported;
}

function pseudonymousData(
  type: EventType,
  data: Record<string, unknown>,
  pseudonyms: Pseudonyms,
): Record<string, unknown> {
  const removed: ReadonlySet<string> = new Set(personalDataFields[type]);
  const result: Record<string, unknown> = {};
  // Required personal fields get their placeholder even when the log holds the event without them.
  const required = requiredPersonalDataFields[type].filter((field) => !(field in data));
  for (const [field, value] of [...Object.entries(data), ...required.map((field) => [field, undefined] as const)]) {
    if (removed.has(field)) {
      if (requiredPersonalDataFields[type].includes(field)) {
        const memberId = typeof data.memberId === "string" ? data.memberId : undefined;
        result[field] = field === "displayName" && memberId !== undefined ? pseudonyms.member(memberId) : REDACTED;
      }
      continue;
    }
    if ((field === "memberId" || field === "from") && typeof value === "string")
      result[field] = pseudonyms.member(value);
    else if (field === "to" && Array.isArray(value)) result[field] = value.map((id) => pseudonyms.member(String(id)));
    else if (field === "participants" && Array.isArray(value)) {
      result[field] = value.map((participant: { memberId: string; role: string }) => ({
        memberId: pseudonyms.member(String(participant.memberId)),
        role: participant.role,
      }));
    } else if ((recordIdFields as readonly string[]).includes(field) && typeof value === "string") {
      result[field] = pseudonyms.record(value);
    } else result[field] = structuredClone(value);
  }
  return result;
}
