import {
  type EventDataOf,
  type LearningEnvironment,
  type OccupationalLayer,
  reservedAttributeKeys,
  type Sector,
} from "@copgraph/domain";
import type { MemberAttributes } from "./community-snapshot.js";
import { type Dated, type ReadonlySortedFacts, SortedFacts } from "./sorted-facts.js";

/** A member's joining: the profile they start with. Names are never kept here. */
export interface MemberJoin extends Dated {
  readonly memberId: string;
  readonly sector: Sector;
  readonly occupationalLayer: OccupationalLayer;
  readonly organisation?: string;
  readonly learningEnvironment?: LearningEnvironment;
  readonly attributes: Readonly<Record<string, string>>;
}

/** One profile change, effective from its occurredAt. `null` clears a field or removes an attribute. */
export interface ProfileChange extends Dated {
  readonly sector?: Sector;
  readonly occupationalLayer?: OccupationalLayer;
  readonly organisation?: string | null;
  readonly learningEnvironment?: LearningEnvironment | null;
  readonly attributes?: Readonly<Record<string, string | null>>;
}

/** A timeline's facts, each list in the order the timeline keeps it. */
export interface TimelineFacts {
  readonly joins: readonly MemberJoin[];
  readonly leaves: readonly Dated[];
  readonly changes: readonly ProfileChange[];
  readonly erasures: readonly Dated[];
}

/**
 * Everything known about one member over both clocks, append-only (erasure excepted). The
 * history writes it through the `add…` methods; everyone else only reads.
 */
export class MemberTimeline {
  readonly #joins: MemberJoin[] = [];
  readonly #leaves: Dated[] = [];
  readonly #changes = new SortedFacts<ProfileChange>();
  readonly #erasures: Dated[] = [];

  constructor(readonly memberId: string) {}

  /** A timeline holding these facts as they are (from a checkpoint); `changes` in (occurredAt, revision) order. */
  static fromFacts(memberId: string, facts: TimelineFacts): MemberTimeline {
    const timeline = new MemberTimeline(memberId);
    for (const join of facts.joins) timeline.#joins.push(join);
    for (const leave of facts.leaves) timeline.#leaves.push(leave);
    for (const change of facts.changes) timeline.#changes.add(change);
    for (const erasure of facts.erasures) timeline.#erasures.push(erasure);
    return timeline;
  }

  /** Everything the timeline holds, for a checkpoint. */
  facts(): TimelineFacts {
    return { joins: this.#joins, leaves: this.#leaves, changes: this.#changes.all(), erasures: this.#erasures };
  }

  /** In log order; the decider allows one, but stored facts are never refused. */
  get joins(): readonly MemberJoin[] {
    return this.#joins;
  }

  get leaves(): readonly Dated[] {
    return this.#leaves;
  }

  /** By (occurredAt, revision). */
  get changes(): ReadonlySortedFacts<ProfileChange> {
    return this.#changes;
  }

  get erasures(): readonly Dated[] {
    return this.#erasures;
  }

  /** Erasure is a duty now, not a fact of the past: once erased, personal data is gone for every query. */
  get erased(): boolean {
    return this.#erasures.length > 0;
  }

  /** Returns the join's ordinal among the member's joins. */
  addJoin(data: EventDataOf<"MemberJoined">, when: Dated): number {
    // Written field by field: spreading conditional objects is the slow path of object creation.
    const join: { -readonly [K in keyof MemberJoin]: MemberJoin[K] } = {
      occurredAt: when.occurredAt,
      recordedAt: when.recordedAt,
      revision: when.revision,
      memberId: data.memberId,
      sector: data.sector,
      occupationalLayer: data.occupationalLayer,
      attributes: { ...data.attributes },
    };
    if (data.organisation !== undefined && !this.erased) join.organisation = data.organisation;
    if (data.learningEnvironment !== undefined) join.learningEnvironment = data.learningEnvironment;
    return this.#joins.push(join) - 1;
  }

  addChange(data: EventDataOf<"MemberProfileChanged">, when: Dated): void {
    const { sector, occupationalLayer, organisation, learningEnvironment, attributes } = data;
    this.#changes.add({
      ...when,
      ...(sector !== undefined && { sector }),
      ...(occupationalLayer !== undefined && { occupationalLayer }),
      ...(organisation !== undefined && !this.erased && { organisation }),
      ...(learningEnvironment !== undefined && { learningEnvironment }),
      ...(attributes !== undefined && { attributes: { ...attributes } }),
    });
  }

  addLeave(when: Dated): void {
    this.#leaves.push(when);
  }

  /** Records the erasure and forgets the personal data already held (the organisation). */
  addErasure(when: Dated): void {
    this.#erasures.push(when);
    for (let i = 0; i < this.#joins.length; i++) this.#joins[i] = withoutOrganisation(this.#joins[i]!);
    this.#changes.replaceAll(withoutOrganisation);
  }

  /** Ordinal of the join in effect as known at `knownAt` (the first recorded by then), or -1. */
  joinKnownAt(knownAt: number): number {
    return this.#joins.findIndex((join) => join.recordedAt <= knownAt);
  }

  /** Left at or before `at`, as known at `knownAt` (the domain's "not left at or before t"). */
  leftBy(at: number, knownAt: number): boolean {
    return this.#leaves.some((leave) => leave.occurredAt <= at && leave.recordedAt <= knownAt);
  }

  /** The profile valid at `at` as known at `knownAt`: each field from the latest change that set it. */
  profileAt(join: MemberJoin, at: number, knownAt: number): MemberAttributes {
    let { sector, occupationalLayer, organisation, learningEnvironment } = join as ProfileFields;
    const attributes: Record<string, string | null> = { ...join.attributes };
    for (const change of this.#changes.between(Number.NEGATIVE_INFINITY, at)) {
      if (change.recordedAt > knownAt) continue;
      if (change.sector !== undefined) sector = change.sector;
      if (change.occupationalLayer !== undefined) occupationalLayer = change.occupationalLayer;
      if (change.organisation !== undefined) organisation = change.organisation;
      if (change.learningEnvironment !== undefined) learningEnvironment = change.learningEnvironment;
      if (change.attributes) Object.assign(attributes, change.attributes);
    }
    const profile: MemberAttributes = { sector, occupationalLayer };
    if (learningEnvironment != null) profile.learningEnvironment = learningEnvironment;
    if (organisation != null) profile.organisation = organisation;
    // Custom attributes never shadow catalogue ones (the schema reserves those keys anyway).
    for (const [key, value] of Object.entries(attributes)) {
      if (value !== null && !reserved.has(key)) profile[key] = value;
    }
    return profile;
  }
}

const reserved: ReadonlySet<string> = new Set(reservedAttributeKeys);

interface ProfileFields {
  sector: Sector;
  occupationalLayer: OccupationalLayer;
  organisation?: string | null;
  learningEnvironment?: LearningEnvironment | null;
}

function withoutOrganisation<T extends { readonly organisation?: string | null }>(fact: T): T {
  if (fact.organisation === undefined) return fact;
  const { organisation: _dropped, ...rest } = fact;
  return rest as T;
}
