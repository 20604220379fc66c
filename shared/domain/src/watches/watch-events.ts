// Watches are events of their own stream, `watches-<communityId>`: not `community-*`, so no
// community's history, decider or export sees them, and a community's facts stay what they were.
import { z } from "zod";
import { EntityId, OccurredAt } from "../events/fields.js";
import { type Issue, issuesFrom, unreadableIssue } from "../issues.js";
import { WatchCondition } from "./watch-condition.js";

export const WATCH_STREAM_CATEGORY = "watches";

export const watchStreamOf = (communityId: string) => `${WATCH_STREAM_CATEGORY}-${communityId}`;

export const WatchSetData = z.strictObject({
  watchId: EntityId,
  condition: WatchCondition,
  /** Valid time: when the facilitator set it. Notices are dated over the whole history regardless. */
  occurredAt: OccurredAt,
});
export type WatchSetData = z.infer<typeof WatchSetData>;

export const WatchRemovedData = z.strictObject({ watchId: EntityId, occurredAt: OccurredAt });
export type WatchRemovedData = z.infer<typeof WatchRemovedData>;

export const watchEventTypes = ["WatchSet", "WatchRemoved"] as const;
export type WatchEventType = (typeof watchEventTypes)[number];

/** Stored in `metadata.schemaVersion`, as for community events. */
export const watchEventSchemaVersions: Readonly<Record<WatchEventType, number>> = { WatchSet: 1, WatchRemoved: 1 };

export const WatchEventSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("WatchSet"), data: WatchSetData }),
  z.strictObject({ type: z.literal("WatchRemoved"), data: WatchRemovedData }),
]);
export type WatchEvent = z.infer<typeof WatchEventSchema>;

export type ParseWatchEventResult = { ok: true; event: WatchEvent } | { ok: false; issues: Issue[] };

/** Validates `{ type, data }` of a watch event; never throws. */
export function parseWatchEvent(input: unknown): ParseWatchEventResult {
  try {
    const result = WatchEventSchema.safeParse(input);
    return result.success ? { ok: true, event: result.data } : { ok: false, issues: issuesFrom(result.error) };
  } catch (cause) {
    return { ok: false, issues: [unreadableIssue(cause)] };
  }
}
