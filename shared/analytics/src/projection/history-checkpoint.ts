import {
  check,
  checkCodes,
  checkEnds,
  checkLengths,
  type DatedColumns,
  TextCodes,
  toDatedColumns,
} from "./checkpoint-columns.js";
import { CommunityHistory, type JoinRef, type OwnedHistoryState, PROJECTION_VERSION } from "./community-history.js";
import { MemberTimeline, type TimelineFacts } from "./member-timeline.js";
import type { GatheringRecord, InteractionRecord } from "./records.js";

/** Layout of HistoryCheckpoint: change it with any change to the shape below. */
export const HISTORY_CHECKPOINT_FORMAT = 1;

/**
 * A CommunityHistory as plain data, to rebuild it without replaying its events: for a file beside
 * the log, or to seed another thread (it is structured-cloneable: v8.serialize, postMessage).
 * Facts are columns of typed arrays in (occurredAt, revision) order, and repeated texts (member
 * ids, kinds, formats, roles) are numbers into `texts`. It holds exactly what the history holds.
 */
export interface HistoryCheckpoint {
  readonly format: number;
  /** PROJECTION_VERSION of the code that took it. */
  readonly projection: number;
  /** The history's `version` (events applied). */
  readonly version: number;
  readonly texts: readonly string[];
  /** Each member's timeline, in the order members were first named. */
  readonly members: readonly ({ readonly memberId: string } & TimelineFacts)[];
  readonly joins: DatedColumns & { readonly member: Uint32Array; readonly ordinal: Uint32Array };
  readonly interactions: DatedColumns & {
    readonly ids: readonly string[];
    readonly kind: Uint32Array;
    readonly from: Uint32Array;
    /** Where each interaction's receivers end in `to`. */
    readonly toEnd: Uint32Array;
    readonly to: Uint32Array;
    readonly weight: Float64Array;
    /** -1: no format. */
    readonly format: Int32Array;
  };
  readonly gatherings: DatedColumns & {
    readonly ids: readonly string[];
    readonly format: Uint32Array;
    /** Where each gathering's participants end in `participant` and `role`. */
    readonly participantEnd: Uint32Array;
    readonly participant: Uint32Array;
    readonly role: Uint32Array;
  };
  readonly retractions: { readonly recordIds: readonly string[]; readonly at: Float64Array };
  readonly revisions: { readonly times: Float64Array; readonly revisions: Float64Array };
}

/** The history as a checkpoint: a copy, so later events applied to the history do not change it. */
export function toCheckpoint(history: CommunityHistory): HistoryCheckpoint {
  const state = history.state();
  const texts = new TextCodes();
  const members = state.members.map((timeline) => {
    const { joins, leaves, changes, erasures } = timeline.facts();
    return {
      memberId: timeline.memberId,
      joins: [...joins],
      leaves: [...leaves],
      changes: [...changes],
      erasures: [...erasures],
    };
  });
  return {
    format: HISTORY_CHECKPOINT_FORMAT,
    projection: PROJECTION_VERSION,
    version: state.version,
    members,
    joins: joinColumns(state.joins, texts),
    interactions: interactionColumns(state.interactions, texts),
    gatherings: gatheringColumns(state.gatherings, texts),
    retractions: { recordIds: [...state.retractions.keys()], at: Float64Array.from(state.retractions.values()) },
    revisions: {
      times: Float64Array.from(state.revisions.times),
      revisions: Float64Array.from(state.revisions.revisions),
    },
    texts: texts.texts,
  };
}

/**
 * The history a checkpoint holds. Throws CheckpointUnusableError when it was taken by another
 * format or projection version, or its columns do not fit together: rebuild from the log then.
 * The history takes over the checkpoint's member facts: do not use the checkpoint afterwards.
 */
export function fromCheckpoint(checkpoint: HistoryCheckpoint): CommunityHistory {
  check(
    checkpoint?.format === HISTORY_CHECKPOINT_FORMAT,
    `format ${checkpoint?.format}, not ${HISTORY_CHECKPOINT_FORMAT}`,
  );
  check(checkpoint.projection === PROJECTION_VERSION, `projection ${checkpoint.projection}, not ${PROJECTION_VERSION}`);
  checkShape(checkpoint);
  const { texts } = checkpoint;
  const state: OwnedHistoryState = {
    version: checkpoint.version,
    members: checkpoint.members.map((facts) => MemberTimeline.fromFacts(facts.memberId, facts)),
    joins: joinRefs(checkpoint.joins, texts),
    interactions: interactionRecords(checkpoint.interactions, texts),
    gatherings: gatheringRecords(checkpoint.gatherings, texts),
    retractions: new Map(
      checkpoint.retractions.recordIds.map((recordId, i) => [recordId, checkpoint.retractions.at[i]!]),
    ),
    revisions: { times: [...checkpoint.revisions.times], revisions: [...checkpoint.revisions.revisions] },
  };
  return CommunityHistory.fromState(state);
}

function joinColumns(joins: readonly JoinRef[], texts: TextCodes): HistoryCheckpoint["joins"] {
  const member = new Uint32Array(joins.length);
  const ordinal = new Uint32Array(joins.length);
  for (let i = 0; i < joins.length; i++) {
    member[i] = texts.code(joins[i]!.memberId);
    ordinal[i] = joins[i]!.ordinal;
  }
  return { ...toDatedColumns(joins), member, ordinal };
}

// One pass over the records per list: columns preallocated, codes looked up once per text seen.

function interactionColumns(
  records: readonly InteractionRecord[],
  texts: TextCodes,
): HistoryCheckpoint["interactions"] {
  const n = records.length;
  const ids = new Array<string>(n);
  const kind = new Uint32Array(n);
  const from = new Uint32Array(n);
  const toEnd = new Uint32Array(n);
  const weight = new Float64Array(n);
  const format = new Int32Array(n);
  let receivers = 0;
  for (const record of records) receivers += record.to.length;
  const to = new Uint32Array(receivers);
  let end = 0;
  for (let i = 0; i < n; i++) {
    const record = records[i]!;
    ids[i] = record.id;
    kind[i] = texts.code(record.kind);
    from[i] = texts.code(record.from);
    for (const receiver of record.to) to[end++] = texts.code(receiver);
    toEnd[i] = end;
    weight[i] = record.weight;
    format[i] = record.format === undefined ? -1 : texts.code(record.format);
  }
  return { ...toDatedColumns(records), ids, kind, from, toEnd, to, weight, format };
}

function gatheringColumns(records: readonly GatheringRecord[], texts: TextCodes): HistoryCheckpoint["gatherings"] {
  const n = records.length;
  const ids = new Array<string>(n);
  const format = new Uint32Array(n);
  const participantEnd = new Uint32Array(n);
  let count = 0;
  for (const record of records) count += record.participants.length;
  const participant = new Uint32Array(count);
  const role = new Uint32Array(count);
  let end = 0;
  for (let i = 0; i < n; i++) {
    const record = records[i]!;
    ids[i] = record.id;
    format[i] = texts.code(record.format);
    for (const one of record.participants) {
      participant[end] = texts.code(one.memberId);
      role[end++] = texts.code(one.role);
    }
    participantEnd[i] = end;
  }
  return { ...toDatedColumns(records), ids, format, participantEnd, participant, role };
}

// The records are built field by field in the order CommunityHistory.apply writes them: one
// object shape for restored and applied records keeps long scans fast.

function joinRefs(columns: HistoryCheckpoint["joins"], texts: readonly string[]): JoinRef[] {
  const { occurredAt, recordedAt, revision, member, ordinal } = columns;
  const joins = new Array<JoinRef>(occurredAt.length);
  for (let i = 0; i < joins.length; i++) {
    const memberId = texts[member[i]!]!;
    joins[i] = {
      occurredAt: occurredAt[i]!,
      recordedAt: recordedAt[i]!,
      revision: revision[i]!,
      memberId,
      ordinal: ordinal[i]!,
    };
  }
  return joins;
}

function interactionRecords(columns: HistoryCheckpoint["interactions"], texts: readonly string[]): InteractionRecord[] {
  const { occurredAt, recordedAt, revision, ids, kind, from, toEnd, to, weight, format } = columns;
  const records = new Array<InteractionRecord>(ids.length);
  let start = 0;
  for (let i = 0; i < records.length; i++) {
    const end = toEnd[i]!;
    // Most interactions have one receiver: a literal of one allocates least.
    const receivers = end - start === 1 ? [texts[to[start]!]!] : receiversOf(to, start, end, texts);
    start = end;
    records[i] = {
      occurredAt: occurredAt[i]!,
      recordedAt: recordedAt[i]!,
      revision: revision[i]!,
      id: ids[i]!,
      kind: texts[kind[i]!] as InteractionRecord["kind"],
      from: texts[from[i]!]!,
      to: receivers,
      weight: weight[i]!,
      format: format[i]! < 0 ? undefined : (texts[format[i]!] as InteractionRecord["format"]),
    };
  }
  return records;
}

function receiversOf(to: Uint32Array, start: number, end: number, texts: readonly string[]): string[] {
  const receivers: string[] = [];
  for (let j = start; j < end; j++) receivers.push(texts[to[j]!]!);
  return receivers;
}

function gatheringRecords(columns: HistoryCheckpoint["gatherings"], texts: readonly string[]): GatheringRecord[] {
  const { occurredAt, recordedAt, revision, ids, format, participantEnd, participant, role } = columns;
  const records = new Array<GatheringRecord>(ids.length);
  let start = 0;
  for (let i = 0; i < records.length; i++) {
    const participants: { memberId: string; role: GatheringRecord["participants"][number]["role"] }[] = [];
    for (let j = start; j < participantEnd[i]!; j++) {
      participants.push({
        memberId: texts[participant[j]!]!,
        role: texts[role[j]!] as (typeof participants)[number]["role"],
      });
    }
    start = participantEnd[i]!;
    records[i] = {
      occurredAt: occurredAt[i]!,
      recordedAt: recordedAt[i]!,
      revision: revision[i]!,
      id: ids[i]!,
      format: texts[format[i]!] as GatheringRecord["format"],
      participants,
    };
  }
  return records;
}

/** The columns fit together and every code points at a text. */
function checkShape(checkpoint: HistoryCheckpoint): void {
  const { joins, interactions, gatherings, retractions, revisions, texts } = checkpoint;
  const size = texts.length;
  checkLengths("joins", joins.occurredAt.length, joins.recordedAt, joins.revision, joins.member, joins.ordinal);
  checkCodes("joins", joins.member, size);
  const n = interactions.ids.length;
  const { kind, from, toEnd, weight, format } = interactions;
  checkLengths(
    "interactions",
    n,
    interactions.occurredAt,
    interactions.recordedAt,
    interactions.revision,
    kind,
    from,
    toEnd,
    weight,
    format,
  );
  checkEnds("interactions", toEnd, interactions.to);
  for (const codes of [kind, from, interactions.to, format]) checkCodes("interactions", codes, size);
  const g = gatherings.ids.length;
  checkLengths("gatherings", g, gatherings.occurredAt, gatherings.recordedAt, gatherings.revision, gatherings.format);
  checkLengths("gatherings", g, gatherings.participantEnd);
  checkLengths("participants", gatherings.participant.length, gatherings.role);
  checkEnds("gatherings", gatherings.participantEnd, gatherings.participant);
  for (const codes of [gatherings.format, gatherings.participant, gatherings.role])
    checkCodes("gatherings", codes, size);
  checkLengths("retractions", retractions.recordIds.length, retractions.at);
  checkLengths("revisions", revisions.times.length, revisions.revisions);
  check(Array.isArray(checkpoint.members), "members are not a list");
}
