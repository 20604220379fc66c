import { type Issue, issuesFrom, unreadableIssue } from "../issues.js";
import { type CommunityEvent, CommunityEventSchema } from "./community-event.js";

export type ParseEventResult = { ok: true; event: CommunityEvent } | { ok: false; issues: Issue[] };

/** Validates `{ type, data }`; issue paths are relative to that object, e.g. ["data", "to", 1]. Never throws. */
export function parseEvent(input: unknown): ParseEventResult {
  try {
    const result = CommunityEventSchema.safeParse(input);
    return result.success ? { ok: true, event: result.data } : { ok: false, issues: issuesFrom(result.error) };
  } catch (cause) {
    return { ok: false, issues: [unreadableIssue(cause)] };
  }
}
