import { type CommunityHistory, fromCheckpoint } from "@copgraph/analytics";
import type { EventStore, Position } from "@copgraph/event-store";
import type { CheckpointFile, ReadModelCheckpoint } from "./read-model-checkpoint.js";

/** How often the read model considers writing its checkpoint. */
const CHECK_EVERY_MS = 60_000;
/** Written at the next check once this many events were applied since the last one... */
const EVENTS_WORTH_WRITING = 10_000;
/** ...or once this long passed with any event applied. And always at a graceful stop. */
const LONGEST_UNWRITTEN_MS = 10 * 60_000;

export interface RestoredReadModel {
  readonly last: { readonly position: Position; readonly id: string };
  readonly communities: readonly { readonly id: string; readonly history: CommunityHistory; revision: number }[];
}

/**
 * When the read model's checkpoint is read and written. Taking a checkpoint costs about a second
 * per million events on the event loop, so it is taken at most once a minute, and only when enough
 * changed; a stop writes what changed since. A failure is reported, never thrown: the log stays the
 * source of truth and the next start replays what the checkpoint lacks.
 */
export class CheckpointSchedule {
  private sinceWritten = 0;
  private writtenAt = Date.now();
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: CheckpointFile,
    private readonly take: () => ReadModelCheckpoint | undefined,
    private readonly onProblem: (message: string) => void,
  ) {}

  /** The read model the file holds, if it is usable and of this log; undefined (reported) otherwise. */
  async read(store: EventStore): Promise<RestoredReadModel | undefined> {
    const { checkpoint, reason } = await this.file.read();
    if (!checkpoint) {
      if (reason) this.onProblem(`${reason}; the read model replays the log`);
      return undefined;
    }
    try {
      // A checkpoint of this log ends with an event that is in it, where the checkpoint says.
      const [at] = await store.readAll({ fromPosition: checkpoint.position, maxCount: 1 });
      if (at?.id !== checkpoint.eventId) {
        this.onProblem(`${this.file.path} was taken from another log; the read model replays the log`);
        return undefined;
      }
      const communities = checkpoint.communities.map(({ communityId, revision, history }) => ({
        id: communityId,
        revision,
        history: fromCheckpoint(history),
      }));
      return { last: { position: checkpoint.position, id: checkpoint.eventId }, communities };
    } catch (error) {
      this.onProblem(`${this.file.path} cannot be used (${(error as Error).message}); the read model replays the log`);
      return undefined;
    }
  }

  /** Begins the periodic checks. */
  start(): void {
    this.timer ??= setInterval(() => this.check(), CHECK_EVERY_MS).unref();
  }

  /** One more event applied since the last checkpoint written. */
  applied(): void {
    this.sinceWritten += 1;
  }

  /** Ends the periodic checks, then writes what changed since the last checkpoint. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Writes a checkpoint now if anything changed since the last one; one write at a time. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  private check(): void {
    const due = this.sinceWritten >= EVENTS_WORTH_WRITING || Date.now() - this.writtenAt >= LONGEST_UNWRITTEN_MS;
    if (this.sinceWritten > 0 && due) void this.flush();
  }

  private async write(): Promise<void> {
    if (this.sinceWritten === 0) return;
    // Taken synchronously: the events counted are exactly those it reflects.
    const counted = this.sinceWritten;
    let checkpoint: ReadModelCheckpoint | undefined;
    try {
      checkpoint = this.take();
    } catch (error) {
      this.onProblem(`the read model's checkpoint could not be taken: ${(error as Error).message}`);
      return;
    }
    if (!checkpoint) return;
    this.sinceWritten -= counted;
    this.writtenAt = Date.now();
    try {
      await this.file.write(checkpoint);
    } catch (error) {
      this.sinceWritten += counted;
      this.onProblem(`the read model's checkpoint was not written to ${this.file.path}: ${(error as Error).message}`);
    }
  }
}
