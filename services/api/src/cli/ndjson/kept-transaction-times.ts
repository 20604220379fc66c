import { type LineError, type LineEvent, TransactionTimes } from "@copgraph/interchange";
import type { LocalLog } from "../local-log.js";

/**
 * A log imported into a community without events keeps its transaction times (recordedAt), so
 * they are checked as the lines arrive; into a community with events, the import's own time is
 * recorded and they are not looked at. Undefined in that case.
 */
export async function keptTransactionTimes(log: LocalLog, communityId: string): Promise<TransactionTimes | undefined> {
  const current = await log.writer.current(communityId);
  return current.revision === -1n ? new TransactionTimes(Date.now()) : undefined;
}

/** Adds the problems of the events' transaction times to `errors` (nothing when they are not kept). */
export function checkTransactionTimes(
  times: TransactionTimes | undefined,
  events: readonly LineEvent[],
  errors: LineError[],
): void {
  if (!times) return;
  for (const { event, line } of events) if (event.recordedAt !== undefined) times.check(event.recordedAt, line, errors);
}
