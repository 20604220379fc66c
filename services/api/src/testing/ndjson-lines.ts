import { randomUUID } from "node:crypto";
import type { CommunityEvent } from "@copgraph/domain";

/** A history as the lines of an exported NDJSON log: new ids, revisions from 0, all at `at`. */
export function ndjsonLines(history: readonly CommunityEvent[], at: string): string[] {
  return history.map((event, revision) =>
    JSON.stringify({
      id: randomUUID(),
      ...event,
      revision,
      position: revision + 1,
      occurredAt: at,
      recordedAt: at,
      schemaVersion: 1,
      metadata: {},
    }),
  );
}
