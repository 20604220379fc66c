// Rule violations found by the decider. Codes are stable API: clients switch on them.
import type { IssuePath } from "./issues.js";

export const domainErrorCodes = [
  "community_not_registered",
  "community_already_registered",
  "member_already_joined",
  "duplicate_record_id",
  "unknown_member",
  "member_not_active",
  "member_already_left",
  "member_already_erased",
  "too_many_attributes",
  "self_tie",
  "future_occurred_at",
  "too_few_participants",
  "duplicate_participant",
  "unknown_record",
  "record_already_retracted",
  "erased_party_free_text",
] as const;
export type DomainErrorCode = (typeof domainErrorCodes)[number];

export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Where in the command's data, e.g. ["to", 0]. */
    readonly path: IssuePath = [],
    /** Position of the failing command when it came from decideBatch. */
    readonly index?: number,
  ) {
    super(message);
  }

  withIndex(index: number): DomainError {
    return new DomainError(this.code, this.message, this.path, index);
  }
}

const conflicts: ReadonlySet<DomainErrorCode> = new Set([
  "community_already_registered",
  "member_already_joined",
  "duplicate_record_id",
  "record_already_retracted",
  "member_already_left",
  "member_already_erased",
]);

/** 404 when the community is missing, 409 when the command repeats what is already true, else 422. */
export function httpStatusFor(code: DomainErrorCode): 404 | 409 | 422 {
  if (code === "community_not_registered") return 404;
  return conflicts.has(code) ? 409 : 422;
}
