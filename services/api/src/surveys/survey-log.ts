import { randomUUID } from "node:crypto";
import {
  decideSurvey,
  parseSurveyEvent,
  type SurveyDecision,
  type SurveyEvent,
  type SurveyRound,
  surveyEventSchemaVersions,
  surveyRoundOf,
  surveyStreamOf,
  surveyStreamPrefixOf,
} from "@copgraph/domain";
import { type EventStore, type ExpectedRevision, StreamNotFoundError } from "@copgraph/event-store";

/** The decider refused the event: its code, a sentence, and where in the request. */
export class SurveyRefused extends Error {
  constructor(readonly decision: Extract<SurveyDecision, { ok: false }>) {
    super(decision.detail);
  }
}

interface KnownRound {
  readonly round: SurveyRound | undefined;
  readonly revision: ExpectedRevision;
}

/**
 * Survey rounds as streams `surveys-<communityId>-<roundId>` of the event store. Each round's
 * writes are decided on its whole history and appended one after another, at the revision they
 * were decided on.
 */
export class SurveyLog {
  /** Appends of one round wait for each other, so a decision always sees the one before it. */
  readonly #queues = new Map<string, Promise<unknown>>();
  readonly #appended = new Set<(communityId: string, roundId: string, event: SurveyEvent) => void>();

  constructor(private readonly store: EventStore) {}

  /** The round ids of a community, oldest stream first. */
  async roundIds(communityId: string): Promise<string[]> {
    const prefix = surveyStreamPrefixOf(communityId);
    return (await this.store.listStreams(prefix)).map((stream) => stream.streamId.slice(prefix.length));
  }

  /**
   * The round as its events leave it; with `knownAt`, only the events recorded by then (an answer
   * withdrawn later still counts as known before the withdrawal, and not after it).
   */
  async round(communityId: string, roundId: string, knownAt?: string): Promise<SurveyRound | undefined> {
    return (await this.read(communityId, roundId, knownAt)).round;
  }

  /** Decides the event on the round's history and appends it; throws SurveyRefused when refused. */
  async append(communityId: string, event: SurveyEvent, recordedBy: string, recordedAt: string): Promise<SurveyRound> {
    const roundId = event.data.roundId;
    const key = surveyStreamOf(communityId, roundId);
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const known = await this.read(communityId, roundId);
        const decision = decideSurvey(known.round, event);
        if (!decision.ok) throw new SurveyRefused(decision);
        await this.store.appendToStream(
          key,
          [
            {
              id: randomUUID(),
              type: event.type,
              data: event.data,
              metadata: { schemaVersion: surveyEventSchemaVersions[event.type], recordedAt, recordedBy },
            },
          ],
          { expectedRevision: known.revision },
        );
        for (const listener of this.#appended) listener(communityId, roundId, event);
        return (await this.read(communityId, roundId)).round as SurveyRound;
      });
    this.#queues.set(key, next);
    try {
      return await next;
    } finally {
      if (this.#queues.get(key) === next) this.#queues.delete(key);
    }
  }

  /** Called after each event appended (the change stream says that an answer arrived). */
  onAppended(listener: (communityId: string, roundId: string, event: SurveyEvent) => void): () => void {
    this.#appended.add(listener);
    return () => this.#appended.delete(listener);
  }

  private async read(communityId: string, roundId: string, knownAt?: string): Promise<KnownRound> {
    try {
      const recorded = await this.store.readStream(surveyStreamOf(communityId, roundId), { maxCount: 1_000_000 });
      const limit = knownAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(knownAt);
      const known = recorded.filter((stored) => Date.parse(String(stored.metadata.recordedAt)) <= limit);
      const events = known.flatMap((stored) => {
        const parsed = parseSurveyEvent({ type: stored.type, data: stored.data });
        return parsed.ok ? [parsed.event] : [];
      });
      const last = recorded.at(-1);
      return { round: surveyRoundOf(events), revision: last ? last.revision : "no_stream" };
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { round: undefined, revision: "no_stream" };
      throw error;
    }
  }
}
