import { randomUUID } from "node:crypto";
import {
  decideWatch,
  parseWatchEvent,
  WATCH_STREAM_CATEGORY,
  type Watch,
  type WatchCondition,
  type WatchEvent,
  watchEventSchemaVersions,
  watchesOf,
  watchStreamOf,
} from "@copgraph/domain";
import { type EventStore, StreamNotFoundError } from "@copgraph/event-store";

export class WatchConflict extends Error {
  constructor(readonly code: "watch_exists" | "unknown_watch") {
    super(code);
  }
}

/**
 * A community's watches as events of `watches-<id>` in the event store: who watched what since
 * when stays in the log. This process keeps each community's standing watches once read.
 */
export class WatchLog {
  readonly #standing = new Map<string, Watch[]>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: () => Date,
  ) {}

  /** Communities that have had a watch. */
  async communities(): Promise<string[]> {
    const prefix = `${WATCH_STREAM_CATEGORY}-`;
    return (await this.store.listStreams(prefix)).map((stream) => stream.streamId.slice(prefix.length));
  }

  async list(communityId: string): Promise<Watch[]> {
    const known = this.#standing.get(communityId);
    if (known) return known;
    const standing = watchesOf(await this.read(communityId));
    this.#standing.set(communityId, standing);
    return standing;
  }

  async set(communityId: string, condition: WatchCondition, recordedBy: string): Promise<Watch> {
    const watchId = `w${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    await this.append(
      communityId,
      {
        type: "WatchSet",
        data: { watchId, condition, occurredAt: this.clock().toISOString() },
      },
      recordedBy,
    );
    return (await this.list(communityId)).find((watch) => watch.watchId === watchId) as Watch;
  }

  async remove(communityId: string, watchId: string, recordedBy: string): Promise<void> {
    await this.append(
      communityId,
      {
        type: "WatchRemoved",
        data: { watchId, occurredAt: this.clock().toISOString() },
      },
      recordedBy,
    );
  }

  private async append(communityId: string, event: WatchEvent, recordedBy: string): Promise<void> {
    const decision = decideWatch(await this.list(communityId), event);
    if (!decision.ok) throw new WatchConflict(decision.code);
    await this.store.appendToStream(
      watchStreamOf(communityId),
      [
        {
          id: randomUUID(),
          type: event.type,
          data: event.data,
          metadata: {
            schemaVersion: watchEventSchemaVersions[event.type],
            recordedAt: this.clock().toISOString(),
            recordedBy,
          },
        },
      ],
      { expectedRevision: "any" },
    );
    this.#standing.set(communityId, watchesOf([...(await this.read(communityId))]));
  }

  private async read(communityId: string): Promise<WatchEvent[]> {
    try {
      const recorded = await this.store.readStream(watchStreamOf(communityId), { maxCount: 100_000 });
      return recorded.flatMap((event) => {
        const parsed = parseWatchEvent({ type: event.type, data: event.data });
        return parsed.ok ? [parsed.event] : [];
      });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
