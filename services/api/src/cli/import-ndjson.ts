import { closeSync, openSync, readSync, statSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { MAX_BATCH_EVENTS } from "@copgraph/contract";
import { commandForEvent, DomainError } from "@copgraph/domain";
import { type LineError, type LineEvent, NdjsonEventStream } from "@copgraph/interchange";
import { SlicePipeline } from "../write/slice-pipeline.js";
import type { LocalLog } from "./local-log.js";
import { Progress } from "./progress.js";
import { InputError } from "./usage-error.js";

// A copgraph event log is imported in two passes over the file, so that neither pass holds it:
// the first checks every line and decides the whole history (nothing stored unless all of it is
// valid), the second appends it in slices, two in flight. Only a file whose revisions ascend (as
// copgraph exports them) can be read this way; `undefined` tells the caller to read it whole.

const CHUNK_BYTES = 8 * 1024 * 1024;

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
  const checked = await checkFile(log, options);
  if (checked === undefined || options.dryRun) return checked;
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
        recordedBy: "cli-import",
        correlationId: `cli-import:${communityId}:line-${first}`,
      }),
      slice.length,
    );
  };
  if (identity(file) !== before) throw new InputError(`${file} changed while it was being checked; nothing was stored`);
  const stream = new NdjsonEventStream({ validate: false });
  for (const events of readEvents(file, stream)) {
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

/** Pass one: every line parsed and checked, the whole history decided; the number of events. */
async function checkFile(log: LocalLog, { file, communityId, describe }: NdjsonImport): Promise<number | undefined> {
  const session = await log.writer.decisionSession(communityId);
  const progress = new Progress("checking", undefined);
  const stream = new NdjsonEventStream({ validate: true });
  let count = 0;
  for (const events of readEvents(file, stream)) {
    if (stream.outOfOrder) return undefined;
    // Once a line is bad, the rules would be checked against a history with holes: only list lines.
    if (stream.errors.length > 0) continue;
    try {
      session.decide(events.map(({ event }) => commandForEvent(event)));
    } catch (error) {
      if (!(error instanceof DomainError) || error.index === undefined) throw error;
      const line = events[error.index - count]?.line;
      throw new InputError(`line ${line}: ${error.message}; nothing was stored`);
    }
    count += events.length;
    progress.update(count);
  }
  if (stream.outOfOrder) return undefined;
  if (stream.errors.length > 0) {
    throw new InputError(
      `${file} has ${stream.errors.length} problem(s); nothing was stored\n${describe(stream.errors)}`,
    );
  }
  progress.done(count);
  return count;
}

/** The file's events, a chunk of lines at a time. */
function* readEvents(file: string, stream: NdjsonEventStream): Generator<LineEvent[]> {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const decoder = new StringDecoder("utf8");
    for (;;) {
      const bytes = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (bytes === 0) break;
      yield stream.push(decoder.write(buffer.subarray(0, bytes)));
    }
    yield stream.push(decoder.end());
    yield stream.end();
  } finally {
    closeSync(fd);
  }
}

const identity = (file: string) => {
  const stat = statSync(file);
  return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
};
