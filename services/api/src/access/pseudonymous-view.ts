// Researchers see member-level data under stable pseudonyms and without names or free text.
// Pseudonyms come from `Pseudonyms` (HMAC-SHA-256 with the researcher key's own secret), the same
// scheme as research exports: stable for one key, unlinkable between keys.
import { personalDataFields } from "@copgraph/domain";
import { Pseudonyms } from "@copgraph/interchange";

/** Every field that holds a name or free text in any event: never shown to a researcher. */
const personalKeys: ReadonlySet<string> = new Set(Object.values(personalDataFields).flat());

export class PseudonymousView {
  readonly #pseudonyms: Pseudonyms;
  readonly #members: ReadonlySet<string>;

  /** `memberIds`: every member id of the community (whatever the response mentions is one of them). */
  constructor(pseudonymKey: string, memberIds: Iterable<string>) {
    this.#pseudonyms = new Pseudonyms(pseudonymKey);
    this.#members = new Set(memberIds);
  }

  member(memberId: string): string {
    return this.#pseudonyms.member(memberId);
  }

  /** The member id behind a pseudonym, if it is one of this community's members. */
  memberOf(pseudonym: string): string | undefined {
    for (const memberId of this.#members) if (this.#pseudonyms.member(memberId) === pseudonym) return memberId;
    return undefined;
  }

  /**
   * A JSON response with every member id (as a value or as a key) replaced by its pseudonym and
   * every personal or free-text field removed, at any depth (graph nodes, ties, byMember, details).
   */
  apply<T>(value: T): T {
    return this.#walk(value) as T;
  }

  #walk(value: unknown): unknown {
    if (typeof value === "string") return this.#members.has(value) ? this.#pseudonyms.member(value) : value;
    if (Array.isArray(value)) return value.map((item) => this.#walk(item));
    if (value === null || typeof value !== "object") return value;
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (personalKeys.has(key)) continue;
      result[this.#members.has(key) ? this.#pseudonyms.member(key) : key] = this.#walk(item);
    }
    return result;
  }
}
