// The event-log line the API serves (`LoggedEvent` in @copgraph/contract), restated here because
// this package may not depend on the contract: interchange formats read and write exactly this.

export interface LoggedEvent {
  readonly id: string;
  readonly type: string;
  readonly revision: number;
  readonly position: number;
  /** Valid time. */
  readonly occurredAt: string;
  /** Transaction time. */
  readonly recordedAt: string;
  readonly schemaVersion: number;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

/** The envelope fields in the order every writer puts them. */
export const loggedEventFields = [
  "id",
  "type",
  "revision",
  "position",
  "occurredAt",
  "recordedAt",
  "schemaVersion",
  "data",
  "metadata",
] as const;

/** The batch endpoint takes RFC 9562 UUIDs as event ids (same pattern as zod's `z.uuid()`). */
export const UUID_PATTERN =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
