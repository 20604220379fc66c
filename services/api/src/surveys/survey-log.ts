import { randomUUID } from "node:crypto";
import type { CommunityWriter, PersonalData } from "@copgraph/community";
import {
  decideSurvey,
  evolveSurveyRound,
  fileSurveyAnswer,
  isFiledSurveyAnswer,
  type SurveyDecision,
  type SurveyEvent,
  type SurveyRecord,
  type SurveyRound,
  surveyEventOfRecord,
  surveyEventSchemaVersions,
  surveyRoundOf,
  surveyStreamOf,
  surveyStreamPrefixOf,
} from "@copgraph/domain";
import {
  type EventStore,
  type ExpectedRevision,
  type JsonObject,
  type RecordedEvent,
  StreamNotFoundError,
} from "@copgraph/event-store";

/** The decider refused the event (the `index`th of those appended together): its code, a sentence, and where in the request. */
export class SurveyRefused extends Error {
  constructor(
    readonly decision: Extract<SurveyDecision, { ok: false }>,
    readonly index = 0,
  ) {
    super(decision.detail);
  }
}

interface KnownRound {
  readonly round: SurveyRound | undefined;
  readonly revision: ExpectedRevision;
  /** The round's answers as recorded, whatever `knownAt`. */
  readonly answers: RecordedAnswers;
}

interface RecordedAnswers {
  /** The ids of each respondent's answers since their last withdrawal (the latest stands). */
  readonly current: ReadonlyMap<string, readonly string[]>;
  /** Answers a later withdrawal took back: their ratings and items are never read, and are deleted. */
  readonly withdrawn: readonly string[];
}

/**
 * Survey rounds as streams `surveys-<communityId>-<roundId>` of the event store. Each round's
 * writes are decided on its whole history and appended one after another, at the revision they
 * were decided on. An answer's ratings and items are personal data: they are filed in the
 * community's vault (docs/decisions/0020), the log keeps the ties, and reading a round joins them.
 */
export class SurveyLog {
  /** Appends of one round wait for each other, so a decision always sees the one before it. */
  readonly #queues = new Map<string, Promise<unknown>>();
  readonly #appended = new Set<(communityId: string, roundId: string, event: SurveyEvent) => void>();

  constructor(
    private readonly store: EventStore,
    private readonly personal: PersonalData,
    /** The community's members, to read version-1 answers (ratings inline) without erased members' parts. */
    private readonly writer: Pick<CommunityWriter, "current">,
  ) {}

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
    return this.appendAll(communityId, event.data.roundId, [event], recordedBy, recordedAt);
  }

  /**
   * Decides the events of one round in turn, each on the history the ones before it leave, and
   * appends them in one write: all of them or, when one is refused (SurveyRefused, with its index)
   * or the write fails, none. An import of many answers is never stored in part.
   */
  async appendAll(
    communityId: string,
    roundId: string,
    events: readonly SurveyEvent[],
    recordedBy: string,
    recordedAt: string,
  ): Promise<SurveyRound> {
    const key = surveyStreamOf(communityId, roundId);
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const known = await this.read(communityId, roundId);
        let round = known.round;
        for (const [index, event] of events.entries()) {
          const decision = event.data.roundId === roundId ? decideSurvey(round, event) : otherRound(event, roundId);
          if (!decision.ok) throw new SurveyRefused(decision, index);
          round = evolveSurveyRound(round, event);
        }
        // As community appends do (append-protocol.ts): the values are durable, marked unsettled,
        // before the bodies are appended, then settled, or discarded if the append was refused.
        const ids = events.map(() => randomUUID());
        const { data, filed } = await this.#fileValues(communityId, ids, events);
        try {
          await this.store.appendToStream(
            key,
            events.map((event, index) => ({
              id: ids[index] as string,
              type: event.type,
              data: data[index] as JsonObject,
              metadata: { schemaVersion: surveyEventSchemaVersions[event.type], recordedAt, recordedBy },
            })),
            { expectedRevision: known.revision },
          );
        } catch (error) {
          this.personal.discard(communityId, filed);
          throw error;
        }
        this.personal.settle(communityId, filed);
        // The withdrawn answers' ratings and items go, as erasure's do; their ties stay in the log.
        // Those of earlier withdrawals again too: a crash may have come between one and its deletion.
        const takenBack = events.flatMap((event, index) => {
          if (event.type !== "SurveyAnswerWithdrawn") return [];
          const respondent = event.data.respondent;
          const sameBatch = events
            .slice(0, index)
            .flatMap((earlier, at) =>
              earlier.type === "SurveyAnswered" && earlier.data.respondent === respondent ? [ids[at] as string] : [],
            );
          return [...(known.answers.current.get(respondent) ?? []), ...sameBatch];
        });
        this.personal.forgetSurveyAnswers(communityId, [...known.answers.withdrawn, ...takenBack]);
        for (const event of events) for (const listener of this.#appended) listener(communityId, roundId, event);
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

  /** The events' data for the log, and the ids of the events whose values were filed in the vault. */
  async #fileValues(
    communityId: string,
    ids: readonly string[],
    events: readonly SurveyEvent[],
  ): Promise<{ data: JsonObject[]; filed: string[] }> {
    const entries: { eventId: string; respondent: string; values: ReturnType<typeof fileSurveyAnswer>["personal"] }[] =
      [];
    const data = events.map((event, index) => {
      if (event.type !== "SurveyAnswered") return { ...event.data } as JsonObject;
      const { body, personal } = fileSurveyAnswer(event.data);
      entries.push({ eventId: ids[index] as string, respondent: event.data.respondent, values: personal });
      return { ...body } as JsonObject;
    });
    const filed = entries.length === 0 ? [] : await this.personal.keepSurveyAnswers(communityId, entries);
    return { data, filed };
  }

  private async read(communityId: string, roundId: string, knownAt?: string): Promise<KnownRound> {
    let recorded: RecordedEvent[];
    try {
      recorded = await this.store.readStream(surveyStreamOf(communityId, roundId), { maxCount: 1_000_000 });
    } catch (error) {
      if (error instanceof StreamNotFoundError)
        return { round: undefined, revision: "no_stream", answers: { current: new Map(), withdrawn: [] } };
      throw error;
    }
    const limit = knownAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(knownAt);
    const known = recorded
      .filter((stored) => Date.parse(String(stored.metadata.recordedAt)) <= limit)
      .map((stored) => ({ id: stored.id, record: recordOf(stored) }));
    const answers = recordedAnswersOf(recorded);
    // Read as known at any date, a withdrawn answer has its ties only, whether or not its values are gone yet.
    const withdrawn = new Set(answers.withdrawn);
    const filed = known
      .filter(({ id, record }) => isFiledSurveyAnswer(record) && !withdrawn.has(id))
      .map(({ id }) => id);
    const values = this.personal.surveyAnswerValues(communityId, filed);
    const erased = known.some(({ record }) => isInlineAnswer(record))
      ? erasedMembersOf(await this.writer.current(communityId))
      : new Set<string>();
    const events = known.flatMap(({ id, record }) => {
      const event = surveyEventOfRecord(record, values.get(id) ?? {}, erased);
      if (event?.type === "SurveyAnswered" && withdrawn.has(id))
        // A version-1 answer too: its ratings stay in the log, but no reading counts them any more.
        return [{ ...event, data: { ...event.data, ratings: [], items: [] } }];
      return event ? [event] : [];
    });
    const last = recorded.at(-1);
    return {
      round: surveyRoundOf(events),
      revision: last ? last.revision : "no_stream",
      answers,
    };
  }
}

/** An event of another round among those appended to this one: refused, naming both. */
function otherRound(event: SurveyEvent, roundId: string): SurveyDecision {
  const detail = `the event is for round '${event.data.roundId}', not '${roundId}'`;
  return { ok: false, code: "invalid_answer", detail, issues: [{ path: ["roundId"], message: detail }] };
}

const recordOf = (stored: RecordedEvent): SurveyRecord => ({
  type: stored.type,
  data: stored.data,
  schemaVersion: stored.metadata.schemaVersion,
});

/** A version-1 answer: its ratings and items are in the log, which erasure cannot change. */
const isInlineAnswer = (record: SurveyRecord) => record.type === "SurveyAnswered" && !isFiledSurveyAnswer(record);

function erasedMembersOf(log: Awaited<ReturnType<CommunityWriter["current"]>>): Set<string> {
  const erased = new Set<string>();
  for (const [memberId, member] of log.state.members) if (member.erased) erased.add(memberId);
  return erased;
}

function recordedAnswersOf(recorded: readonly RecordedEvent[]): RecordedAnswers {
  const current = new Map<string, string[]>();
  const withdrawn: string[] = [];
  for (const stored of recorded) {
    const respondent = String(stored.data.respondent);
    if (stored.type === "SurveyAnswered") current.set(respondent, [...(current.get(respondent) ?? []), stored.id]);
    if (stored.type === "SurveyAnswerWithdrawn") {
      withdrawn.push(...(current.get(respondent) ?? []));
      current.delete(respondent);
    }
  }
  return { current, withdrawn };
}
