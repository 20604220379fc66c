import { statSync } from "node:fs";
import { type HistoryTransaction, SlicePipeline } from "@copgraph/community";
import { MAX_BATCH_EVENTS } from "@copgraph/contract";
import { commandForEvent, DomainError } from "@copgraph/domain";
import { IdempotencyConflictError } from "@copgraph/event-store";
import type { LineError, LineEvent, TransactionTimes } from "@copgraph/interchange";
import type { LocalLog } from "./local-log.js";
import { checkTransactionTimes, keptTransactionTimes } from "./ndjson/kept-transaction-times.js";
import { NdjsonFileReader } from "./ndjson/ndjson-file-reader.js";
import { Progress } from "./progress.js";
import { InputError } from "./usage-error.js";

// A copgraph event log is imported as a stream, never held whole; a reading thread parses and
// checks the lines ahead (NdjsonFileReader). On SQLite the file is read once: each piece is
// decided and appended inside one store transaction, committed only when
// every line is valid. Stores that cannot hold a transaction open get two passes: the first checks
// and decides everything, the second appends in slices. Only a file whose revisions ascend (as
// copgraph exports them) can be read this way; `undefined` tells the caller to read it whole.

export interface NdjsonImport {
  readonly file: string;
  readonly communityId: string;
  readonly dryRun: boolean;
  readonly describe: (errors: readonly LineError[]) => string;
}

/** Events stored (or found valid on a dry run); undefined when the revisions are out of order. */
export async function importNdjsonFile(log: LocalLog, options: NdjsonImport): Promise<number | undefined> {
  const { file, communityId } = options;
  const before = identity(file);
  const times = await keptTransactionTimes(log, communityId);
  if (options.dryRun) return checkFile(log, options, times);
  const history = await log.writer.beginHistory(communityId, {
    recordedBy: "cli-import",
    correlationId: `cli-import:${communityId}`,
  });
  if (history) return importInOnePass(history, options, before, times);
  const checked = await checkFile(log, options, times);
  if (checked === undefined) return checked;
  const progress = new Progress("importing", checked);
  const pipeline = new SlicePipeline((stored) => progress.update(stored));
  let pending: LineEvent[] = [];
  const flush = async () => {
    const slice = pending;
    pending = [];
    const decided = await log.writer.decideHistory(
      communityId,
      slice.map(({ event }) => commandForEvent(event)),
    );
    const first = slice[0]?.line ?? 0;
    await pipeline.add(
      log.writer.appendDecided(decided, 0, slice.length, {
        eventIds: slice.map(({ event }) => event.id),
        recordedAts: slice.map(({ event }) => event.recordedAt),
        recordedBy: "cli-import",
        correlationId: `cli-import:${communityId}:line-${first}`,
      }),
      slice.length,
    );
  };
  if (identity(file) !== before) throw new InputError(`${file} changed while it was being checked; nothing was stored`);
  const reader = new NdjsonFileReader(file, { validate: false });
  for await (const { events } of reader.pieces()) {
    for (const event of events) {
      pending.push(event);
      if (pending.length === MAX_BATCH_EVENTS) await flush();
    }
  }
  if (pending.length > 0) await flush();
  const stored = await pipeline.finish();
  progress.done(stored);
  if (identity(file) !== before) {
    throw new InputError(`${file} changed during the import; ${stored} events were stored before the change was seen`);
  }
  return stored;
}

/** Reads, checks, decides and appends in one pass; commits only a file that is valid throughout. */
async function importInOnePass(
  history: HistoryTransaction,
  options: NdjsonImport,
  before: string,
  times: TransactionTimes | undefined,
) {
  const { file, describe } = options;
  const progress = new Progress("importing", undefined);
  const reader = new NdjsonFileReader(file, { validate: true, rememberIds: false });
  try {
    const bytes = statSync(file).size;
    for await (const { events, read } of reader.pieces()) {
      if (reader.outOfOrder) break;
      checkTransactionTimes(times, events, reader.errors);
      // Once a line is bad, nothing will be stored: only list the lines.
      if (reader.errors.length > 0) {
        await history.abort();
        continue;
      }
      const first = history.added;
      try {
        await history.add(
          events.map(({ event }) => commandForEvent(event)),
          events.map(({ event }) => event.id),
          events.map(({ event }) => event.recordedAt),
        );
      } catch (error) {
        if (!(error instanceof DomainError) || error.index === undefined) throw error;
        throw new InputError(`line ${events[error.index - first]?.line}: ${error.message}; nothing was stored`);
      }
      progress.update(history.added, bytes > 0 ? read / bytes : undefined);
    }
    if (reader.outOfOrder) {
      await history.abort();
      return undefined;
    }
    if (reader.errors.length > 0) {
      throw new InputError(
        `${file} has ${reader.errors.length} problem(s); nothing was stored\n${describe(reader.errors)}`,
      );
    }
    if (identity(file) !== before) throw new InputError(`${file} changed during the import; nothing was stored`);
    await history.commit();
  } catch (error) {
    await history.abort();
    if (error instanceof IdempotencyConflictError) {
      throw new InputError(
        `event id ${error.eventId} appears twice in ${file} or is already stored in this log; nothing was stored`,
      );
    }
    throw error;
  }
  progress.done(history.added);
  return history.added;
}

/** Pass one: every line parsed and checked, the whole history decided; the number of events. */
async function checkFile(
  log: LocalLog,
  { file, communityId, describe }: NdjsonImport,
  times: TransactionTimes | undefined,
): Promise<number | undefined> {
  const session = await log.writer.decisionSession(communityId);
  const progress = new Progress("checking", undefined);
  const reader = new NdjsonFileReader(file, { validate: true });
  let count = 0;
  const bytes = statSync(file).size;
  for await (const { events, read } of reader.pieces()) {
    if (reader.outOfOrder) return undefined;
    checkTransactionTimes(times, events, reader.errors);
    // Once a line is bad, the rules would be checked against a history with holes: only list lines.
    if (reader.errors.length > 0) continue;
    try {
      session.decide(events.map(({ event }) => commandForEvent(event)));
    } catch (error) {
      if (!(error instanceof DomainError) || error.index === undefined) throw error;
      const line = events[error.index - count]?.line;
      throw new InputError(`line ${line}: ${error.message}; nothing was stored`);
    }
    count += events.length;
    progress.update(count, bytes > 0 ? read / bytes : undefined);
  }
  if (reader.outOfOrder) return undefined;
  if (reader.errors.length > 0) {
    throw new InputError(
      `${file} has ${reader.errors.length} problem(s); nothing was stored\n${describe(reader.errors)}`,
    );
  }
  progress.done(count);
  return count;
}

const identity = (file: string) => {
  const stat = statSync(file);
  return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
};
